/**
 * The revision of the Appendix C rubric the impact tests and the bench compare with 1.0.0:
 *   - threshold: 示范型 (demonstration) from a ratio of 0.9 to 0.92 (标准型 now ends below 0.92);
 *   - cap: i12.1 professional social organisations capped at 3 points instead of 4, so i12 is
 *     worth 6, the team group 19, the operation group 24 and the rubric 99;
 *   - gate: 7.1.1 (satisfaction ≥ 90 %) not met caps the tier at 标准型 (standard).
 */
import type { Group, Indicator, RubricDocument } from '../../engine/types.ts';

function findGroup(groups: Group[], id: string): Group {
  for (const group of groups) {
    if (group.id === id) return group;
    const inner = group.groups && findGroupOrNull(group.groups, id);
    if (inner) return inner;
  }
  throw new Error(`no group ${id}`);
}

function findGroupOrNull(groups: Group[], id: string): Group | null {
  try {
    return findGroup(groups, id);
  } catch {
    return null;
  }
}

function findIndicator(groups: Group[], id: string): Indicator {
  for (const group of groups) {
    const found = group.indicators?.find((i) => i.id === id) ?? (group.groups && findIndicatorOrNull(group.groups, id));
    if (found) return found;
  }
  throw new Error(`no indicator ${id}`);
}

function findIndicatorOrNull(groups: Group[], id: string): Indicator | null {
  try {
    return findIndicator(groups, id);
  } catch {
    return null;
  }
}

export function appendixCRevision(base: RubricDocument): RubricDocument {
  const doc = structuredClone(base);
  doc.version = '1.1.0';
  doc.status = 'draft';
  doc.changelog = '1.1.0 (draft): demonstration from 0.92; professional organisations capped at 3; 7.1.1 gates demonstration.';
  doc.tests = [];

  const standard = doc.tiers.find((t) => t.id === 'standard');
  const demonstration = doc.tiers.find((t) => t.id === 'demonstration');
  if (!standard || !demonstration) throw new Error('Appendix C tiers changed');
  standard.max = { value: 0.92, inclusive: false };
  demonstration.min = { value: 0.92, inclusive: true };

  const i12 = findIndicator(doc.groups, 'i12');
  const professional = i12.criteria.find((c) => c.id === 'i12.1');
  const scoring = professional?.rules[0].event.params;
  if (!professional || scoring?.kind !== 'perUnit') throw new Error('Appendix C i12.1 changed');
  scoring.cap = 3;
  professional.points = 3;
  i12.points -= 1;
  findGroup(doc.groups, 'team').points -= 1;
  findGroup(doc.groups, 'operation').points -= 1;

  const satisfaction = doc.requirements.find((r) => r.id === 'req-7.1.1');
  if (!satisfaction) throw new Error('Appendix C requirement 7.1.1 changed');
  satisfaction.gate = { capTier: 'standard' };
  return doc;
}
