/**
 * Publishing knows what changed: every change of a diff says whether it can move scores, tiers,
 * requirement findings or only words; the diff suggests the version step and drafts a changelog.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { diffRubrics, migrateRubric, type RubricDocument } from '../../engine/index.ts';
import { appendixCRevision } from '../impact/revision.ts';

const doc = JSON.parse(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
const effects = (before: RubricDocument, after: RubricDocument) => diffRubrics(before, after).changes.map((c) => `${c.effect} ${c.kind} ${c.target} ${c.id}${c.field ? ` ${c.field}` : ''}`);

test('the Appendix C revision: a cap lowered moves scores, a threshold and a gate move tiers; a major step', () => {
  const diff = diffRubrics(doc, appendixCRevision(doc));
  expect(effects(doc, appendixCRevision(doc))).toEqual([
    'wording changed rubric binjiang-home-plus status',
    'score changed group operation points',
    'score changed group team points',
    'score changed indicator i12 points',
    'score changed criterion i12.1 points',
    'score changed criterion i12.1 scoring',
    'tier changed tier standard max',
    'tier changed tier demonstration min',
    'tier changed requirement req-7.1.1 gate',
  ]);
  expect(diff.effects).toEqual({ score: 5, tier: 3, findings: 0, wording: 1 });
  expect(diff.suggestedStep).toBe('major');
  expect(diff.suggestedVersion).toBe('2.0.0');
  expect(diff.changelogDraft.zh.split('\n')[0]).toBe('影响档次：');
  expect(diff.changelogDraft.en).toContain('Changes scores:\n- changed group operation Operation and management: points 25 → 24');
  expect(diff.changelogDraft.en).not.toContain('status');
  // The Chinese draft is Chinese: kinds of item, fields and values in words, no JSON.
  expect(diff.changelogDraft.zh).toContain('修改 分组 operation');
  expect(diff.changelogDraft.zh).toContain('分值 25 → 24');
  expect(diff.changelogDraft.zh).not.toMatch(/\b(changed|group|indicator|criterion|points|scoring)\b|[{}]/);
  // i12.1's title, and the help of the input it counts, still say "最高得4分" / "at most 4" after its cap went to 3.
  expect(diff.staleText.map((w) => w.path)).toEqual([
    expect.stringMatching(/criteria\/0\/title\/zh$/),
    expect.stringMatching(/criteria\/0\/title\/en$/),
    expect.stringMatching(/^\/inputs\/\d+\/help\/zh$/),
    expect.stringMatching(/^\/inputs\/\d+\/help\/en$/),
  ]);
  expect(diff.staleText[0].message).toContain('the text states 4 points');
});

test('titles, help, units and relabelled options are wording; a patch step', () => {
  const after = structuredClone(doc);
  after.title = { ...after.title, en: `${after.title.en} (revised)` };
  after.inputs[0].help = { zh: '新的说明', en: 'New help' };
  const choice = after.inputs.find((i) => i.options);
  if (!choice?.options) throw new Error('fixture changed');
  choice.options[0].label = { zh: '改写的选项', en: 'Reworded option' };
  const diff = diffRubrics(doc, after);
  expect(diff.changes.map((c) => c.effect)).toEqual(['wording', 'wording', 'wording']);
  expect(diff.suggestedStep).toBe('patch');
  expect(diff.suggestedVersion).toBe('1.0.1');
});

test('a requirement without a gate changes findings only; a minor step. Nothing changed: no step', () => {
  const after = structuredClone(doc);
  const requirement = after.requirements.find((r) => !r.gate);
  if (!requirement) throw new Error('fixture changed');
  requirement.modality = requirement.modality === 'shall' ? 'should' : 'shall';
  const diff = diffRubrics(doc, after);
  expect(diff.changes.map((c) => `${c.effect} ${c.field}`)).toEqual(['findings modality']);
  expect(diff.suggestedStep).toBe('minor');
  expect(diff.suggestedVersion).toBe('1.1.0');
  const same = diffRubrics(doc, structuredClone(doc));
  expect([same.changes, same.suggestedStep, same.suggestedVersion, same.changelogDraft]).toEqual([[], null, null, { zh: '', en: '' }]);
});

test('an option value added to a choice input moves scores', () => {
  const after = structuredClone(doc);
  const choice = after.inputs.find((i) => i.options);
  if (!choice?.options) throw new Error('fixture changed');
  choice.options.push({ value: 'extra', label: { zh: '新增', en: 'Extra' } });
  expect(diffRubrics(doc, after).changes.map((c) => `${c.effect} ${c.field}`)).toEqual(['score options']);
});

test('migrating to rubric/2 changes nothing; a changed tier basis changes tiers, named in both languages', () => {
  const migrated = migrateRubric(doc);
  expect(diffRubrics(doc, migrated).changes).toEqual([]);
  const byPoints: RubricDocument = {
    ...migrated,
    tierBasis: 'points',
    tiers: migrated.tiers.map((t) => ({ ...t, min: { ...t.min, value: t.min.value * 100 }, max: { ...t.max, value: t.max.value * 100 } })),
  };
  expect(effects(doc, byPoints)[0]).toBe('tier changed rubric binjiang-home-plus tierBasis');
  const diff = diffRubrics(doc, byPoints);
  expect(diff.suggestedStep).toBe('major');
  expect(diff.changelogDraft.en).toContain('tier basis (ratio / points) ratio → points');
  expect(diff.changelogDraft.zh).toMatch(/档次依据（得分率 ratio \/ 分数 points）\s*ratio → points/);
});
