/**
 * Text that states points the rubric no longer awards: after a revision changes an amount, the
 * criterion's title, its rules' names and its inputs' help that still state the old number are
 * flagged; the faithful example documents raise no such warning.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { type RubricDocument, validateRubric } from '../../engine/index.ts';

const read = (name: string): RubricDocument => JSON.parse(readFileSync(new URL(`../../examples/${name}/rubric.json`, import.meta.url), 'utf8'));
const staleWarnings = (doc: RubricDocument) => validateRubric(doc).warnings.filter((w) => w.message.includes('the text states'));

test('the example documents state the points they award', () => {
  expect(staleWarnings(read('appendix-c'))).toEqual([]);
  expect(staleWarnings(read('venue-accessibility'))).toEqual([]);
});

test('a lowered amount leaves the title stating the old one, and lint says where', () => {
  const doc = read('venue-accessibility');
  const criterion = doc.groups[0].indicators?.[0].criteria[1];
  if (criterion?.id !== 'A1.2') throw new Error('fixture changed');
  // "门宽≥90厘米得4分，≥80厘米得2分": the 80 cm rule now awards 1.
  criterion.rules[1].event.params = { kind: 'fixed', points: 1 };
  expect(validateRubric(doc).errors).toEqual([]);
  expect(staleWarnings(doc)).toMatchObject([
    {
      path: '/groups/0/indicators/0/criteria/1/title/zh',
      message: 'the text states 2 points ("2分"), but criterion A1.2 award or mention none: their points and amounts are 1, 4; update the text',
    },
  ]);
});

test('input help that states a deduction is checked against the criteria reading the input', () => {
  const doc = read('appendix-c');
  const input = doc.inputs.find((i) => i.id === 'hygieneProblems');
  if (!input?.help?.zh?.includes('每处扣0.5分')) throw new Error('fixture changed');
  // The deduction per problem becomes 1 point; the help still says 0.5.
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.input === 'hygieneProblems' && record.points === 0.5) record.points = 1;
      Object.values(record).forEach(visit);
    }
  };
  visit(doc.groups);
  const warnings = staleWarnings(doc);
  const at = `/inputs/${doc.inputs.indexOf(input)}/help/zh`;
  expect(warnings.some((w) => w.path === at && w.message.startsWith('the text states 0.5 points'))).toBe(true);
});
