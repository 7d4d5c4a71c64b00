/** What differs between a saved record and unsaved edits (builder-ui/src/model/conflict.ts). */
import { describe, expect, test } from 'vitest';
import { setAt } from '../../builder-ui/src/model/document.ts';
import { fieldDifferences, inputDifferences, readablePath, showValue } from '../../builder-ui/src/model/conflict.ts';
import { appendixC, deepFreeze, venueAccessibility } from './documents.ts';

describe('fieldDifferences', () => {
  const doc = deepFreeze(appendixC());

  test('the same document has no differences', () => {
    expect(fieldDifferences(doc, appendixC())).toEqual({ differences: [], total: 0 });
  });

  test('finds each changed leaf with its pointer, in document order', () => {
    let edited = setAt(doc, ['groups', 0, 'groups', 0, 'indicators', 3, 'points'], 5);
    edited = setAt(edited, ['title', 'en'], 'Renamed');
    edited = setAt(edited, ['tiers', 1, 'label', 'fr'], 'Standard');
    expect(fieldDifferences(doc, edited).differences).toEqual([
      { pointer: '/title/en', before: doc.title.en, after: 'Renamed' },
      { pointer: '/groups/0/groups/0/indicators/3/points', before: 4, after: 5 },
      { pointer: '/tiers/1/label/fr', before: undefined, after: 'Standard' },
    ]);
  });

  test('compares arrays by position; an item on one side only is one difference', () => {
    const removed = { ...doc, tiers: doc.tiers.slice(0, 2) };
    expect(fieldDifferences(doc, removed).differences).toEqual([{ pointer: '/tiers/2', before: doc.tiers[2], after: undefined }]);
  });

  test('null and absent are the same; keys with / and ~ are escaped', () => {
    expect(fieldDifferences({ a: null }, {}).total).toBe(0);
    expect(fieldDifferences({ 'a/b~': 1 }, { 'a/b~': 2 }).differences[0].pointer).toBe('/a~1b~0');
  });

  test('lists at most `limit` differences and counts them all', () => {
    const before = { values: Array.from({ length: 10 }, (_, i) => i) };
    const after = { values: Array.from({ length: 10 }, (_, i) => i + 1) };
    const { differences, total } = fieldDifferences(before, after, 3);
    expect(differences.map((d) => d.pointer)).toEqual(['/values/0', '/values/1', '/values/2']);
    expect(total).toBe(10);
  });
});

describe('readablePath', () => {
  const doc = appendixC();

  test('replaces array positions by the ids (or test names) of the items there', () => {
    expect(readablePath(doc, '/groups/0/groups/0/indicators/3/points')).toBe('groups › basic-setup › groups › facilities › indicators › i04 › points');
    expect(readablePath(doc, '/tests/0/expect/total')).toBe(`tests › ${doc.tests[0].name} › expect › total`);
  });

  test('items without an id, and items that do not exist, are numbered from 1', () => {
    expect(readablePath(doc, '/source/clauses/1')).toBe('source › clauses › #2');
    expect(readablePath(doc, '/tiers/7/label')).toBe('tiers › #8 › label');
    expect(readablePath(doc, '')).toBe('(document)');
  });
});

describe('showValue', () => {
  test.each([
    [undefined, 'en', '—'],
    [null, 'zh', '—'],
    ['', 'zh', '（空）'],
    ['', 'en', '(empty)'],
    ['text', 'en', 'text'],
    [0, 'en', '0'],
    [false, 'en', 'false'],
    [{ a: [1, 2] }, 'en', '{"a":[1,2]}'],
  ] as const)('%j (%s) → %s', (value, lang, text) => {
    expect(showValue(value, lang)).toBe(text);
  });

  test('cuts long values to the length asked, ending with …', () => {
    const text = showValue({ list: 'x'.repeat(500) }, 'en', 20);
    expect(text).toHaveLength(20);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('inputDifferences', () => {
  const doc = venueAccessibility();
  const theirs = { inputs: { ...doc.tests[0].inputs } };

  test('no difference between the same answers', () => {
    expect(inputDifferences(doc, theirs, { inputs: { ...doc.tests[0].inputs } }, 'en')).toEqual([]);
  });

  test('labels the differing inputs and shows answers as the assessor reads them, in rubric input order', () => {
    const mine = { inputs: { ...theirs.inputs, signage: 'full', lift: !theirs.inputs.lift, doorWidthCm: 95 } };
    const rows = inputDifferences(doc, { inputs: { ...theirs.inputs, signage: 'none' } }, mine, 'en');
    const label = (id: string) => doc.inputs.find((i) => i.id === id)?.label.en;
    const option = (value: string) => doc.inputs.find((i) => i.id === 'signage')?.options?.find((o) => o.value === value)?.label.en;
    expect(rows.map((r) => r.id)).toEqual(doc.inputs.map((i) => i.id).filter((id) => ['signage', 'lift', 'doorWidthCm'].includes(id) && (id !== 'doorWidthCm' || theirs.inputs.doorWidthCm !== 95)));
    const signage = rows.find((r) => r.id === 'signage');
    expect(signage).toEqual({ id: 'signage', label: label('signage'), theirs: option('none'), mine: option('full') });
    expect(rows.find((r) => r.id === 'lift')?.theirs).toBe(theirs.inputs.lift ? 'yes' : 'no');
  });

  test('an answer on one side only shows as not answered; unknown inputs keep their id as label', () => {
    const { lift: _, ...withoutLift } = theirs.inputs;
    const rows = inputDifferences(doc, theirs, { inputs: { ...withoutLift, extra: 3 } }, 'zh');
    expect(rows).toEqual([
      { id: 'lift', label: doc.inputs.find((i) => i.id === 'lift')?.label.zh, theirs: theirs.inputs.lift ? '是' : '否', mine: '（未填）' },
      { id: 'extra', label: 'extra', theirs: '（未填）', mine: '3' },
    ]);
  });

  test('lists of options are joined by their labels; an empty list is none', () => {
    const appendix = appendixC();
    const multi = appendix.inputs.find((i) => i.type === 'multiChoice');
    if (!multi?.options) throw new Error('appendix C has a multiChoice input');
    const rows = inputDifferences(appendix, { inputs: { [multi.id]: [] } }, { inputs: { [multi.id]: [multi.options[0].value, multi.options[1].value] } }, 'zh');
    expect(rows[0].theirs).toBe('（无）');
    expect(rows[0].mine).toBe(`${multi.options[0].label.zh}、${multi.options[1].label.zh}`);
  });

  test('not-applicable reasons that differ are listed after the inputs, named by criterion', () => {
    const rows = inputDifferences(doc, theirs, { ...theirs, notApplicable: { 'B1.1': 'single storey' } }, 'en');
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe('notApplicable:B1.1');
    expect(rows[0].label).toMatch(/^B1\.1 .+ — not-applicable reason$/);
    expect([rows[0].theirs, rows[0].mine]).toEqual(['(applies)', 'single storey']);
  });
});
