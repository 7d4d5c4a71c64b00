/**
 * Structural diff of two rubric versions: what was added, removed, renamed, moved or changed,
 * matched by id, as data (for the API and UI) and as text (for the CLI).
 */
import { canonicalJson } from '../document/canonical-json.ts';
import { indexRubric, pick } from '../document/structure.ts';
import type { Language, Localized, RubricDocument } from '../types.ts';

export type ChangeTarget = 'rubric' | 'group' | 'indicator' | 'criterion' | 'input' | 'tier' | 'requirement';
export type ChangeKind = 'added' | 'removed' | 'renamed' | 'moved' | 'changed';

export interface RubricChange {
  target: ChangeTarget;
  kind: ChangeKind;
  id: string;
  title: Localized;
  /** The field that changed (points, scoring, conditions, ...), for kind "changed". */
  field?: string;
  before?: unknown;
  after?: unknown;
}

export interface RubricDiff {
  from: { id: string; version: string };
  to: { id: string; version: string };
  changes: RubricChange[];
}

interface Node {
  title: Localized;
  parent: string;
  fields: Record<string, unknown>;
}

export function diffRubrics(a: RubricDocument, b: RubricDocument): RubricDiff {
  const changes: RubricChange[] = [];
  const metaFields = ['title', 'rounding', 'effectiveDate', 'status'] as const;
  for (const field of metaFields) {
    if (canonicalJson(a[field]) !== canonicalJson(b[field])) changes.push({ target: 'rubric', kind: 'changed', id: b.id, title: b.title, field, before: a[field], after: b[field] });
  }
  compare('group', nodesOf(a).groups, nodesOf(b).groups, changes);
  compare('indicator', nodesOf(a).indicators, nodesOf(b).indicators, changes);
  compare('criterion', nodesOf(a).criteria, nodesOf(b).criteria, changes);
  const inputs = (doc: RubricDocument): Map<string, Node> =>
    new Map(doc.inputs.map(({ id, label, ...fields }) => [id, { title: label, parent: '', fields }]));
  compare('input', inputs(a), inputs(b), changes);
  const tiers = (doc: RubricDocument): Map<string, Node> =>
    new Map(doc.tiers.map((t, i) => [t.id, { title: t.label, parent: '', fields: { min: t.min, max: t.max, rank: i } }]));
  compare('tier', tiers(a), tiers(b), changes);
  const requirements = (doc: RubricDocument): Map<string, Node> =>
    new Map(doc.requirements.map(({ id, text, ...fields }) => [id, { title: text, parent: '', fields: { ...fields, gate: fields.gate ?? null } }]));
  compare('requirement', requirements(a), requirements(b), changes);
  return { from: { id: a.id, version: a.version }, to: { id: b.id, version: b.version }, changes };
}

function nodesOf(doc: RubricDocument): { groups: Map<string, Node>; indicators: Map<string, Node>; criteria: Map<string, Node> } {
  const index = indexRubric(doc);
  return {
    groups: new Map(index.groups.map(({ group, parent }) => [group.id, { title: group.title, parent: parent ?? '', fields: { points: group.points, cap: group.cap ?? false } }])),
    indicators: new Map(
      index.indicators.map(({ indicator, group }) => [indicator.id, { title: indicator.title, parent: group, fields: { points: indicator.points, cap: indicator.cap ?? false, clause: indicator.clause } }]),
    ),
    criteria: new Map(
      index.criteria.map(({ criterion, indicator }) => [
        criterion.id,
        {
          title: criterion.title,
          parent: indicator.id,
          fields: {
            points: criterion.points,
            cap: criterion.cap ?? false,
            parent: criterion.parent ?? null,
            notApplicable: criterion.notApplicable?.allowed ?? false,
            scoring: criterion.rules.map((r) => r.event.params),
            conditions: criterion.rules.map((r) => r.conditions),
          },
        },
      ]),
    ),
  };
}

function compare(target: ChangeTarget, before: Map<string, Node>, after: Map<string, Node>, changes: RubricChange[]): void {
  for (const [id, node] of before) if (!after.has(id)) changes.push({ target, kind: 'removed', id, title: node.title });
  for (const [id, node] of after) {
    const old = before.get(id);
    if (!old) {
      changes.push({ target, kind: 'added', id, title: node.title, after: node.fields });
      continue;
    }
    if (canonicalJson(old.title) !== canonicalJson(node.title)) changes.push({ target, kind: 'renamed', id, title: node.title, before: old.title, after: node.title });
    if (old.parent !== node.parent) changes.push({ target, kind: 'moved', id, title: node.title, before: old.parent, after: node.parent });
    for (const field of new Set([...Object.keys(old.fields), ...Object.keys(node.fields)])) {
      if (canonicalJson(old.fields[field] ?? null) !== canonicalJson(node.fields[field] ?? null)) {
        changes.push({ target, kind: 'changed', id, title: node.title, field, before: old.fields[field], after: node.fields[field] });
      }
    }
  }
}

/** One line per change, in the rubric's language. */
export function formatDiff(diff: RubricDiff, lang: Language): string {
  const zh = lang === 'zh';
  const kinds: Record<ChangeKind, string> = zh
    ? { added: '新增', removed: '删除', renamed: '改名', moved: '移动', changed: '修改' }
    : { added: 'added', removed: 'removed', renamed: 'renamed', moved: 'moved', changed: 'changed' };
  const show = (value: unknown): string => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
  const lines = [`${diff.from.id} ${diff.from.version} → ${diff.to.id} ${diff.to.version}: ${diff.changes.length} ${zh ? '处变更' : 'changes'}`];
  for (const c of diff.changes) {
    const head = `  ${kinds[c.kind].padEnd(zh ? 2 : 8)} ${c.target} ${c.id} ${pick(c.title, lang)}`;
    if (c.kind === 'changed') lines.push(`${head}: ${c.field} ${show(c.before)} → ${show(c.after)}`);
    else if (c.kind === 'renamed') lines.push(`${head}: ${pick(c.before as Localized, lang)} → ${pick(c.after as Localized, lang)}`);
    else if (c.kind === 'moved') lines.push(`${head}: ${show(c.before)} → ${show(c.after)}`);
    else lines.push(head);
  }
  return lines.join('\n');
}
