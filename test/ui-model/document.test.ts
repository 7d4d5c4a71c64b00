/** Editing operations on a rubric document (builder-ui/src/model/document.ts). */
import { describe, expect, test } from 'vitest';
import { migrateRubric, validateRubric } from '../../engine/index.ts';
import type { Criterion, RubricDocument, Tier } from '../../engine/browser.ts';
import {
  ALWAYS,
  addItem,
  childrenPoints,
  getAt,
  moveItem,
  newCriterion,
  newGroup,
  newIndicator,
  newInput,
  newReading,
  newRule,
  newRequirement,
  newTestCase,
  newTier,
  pointerOf,
  positions,
  removeItem,
  renameCriterion,
  renameIndicator,
  renameInput,
  renameTier,
  setAt,
  setTierBasis,
  setTierBound,
  setTierInclusive,
  splitList,
  uniqueId,
  usedIds,
  walkHierarchy,
  withInputType,
} from '../../builder-ui/src/model/document.ts';
import { appendixC, deepFreeze, venueAccessibility } from './documents.ts';

const frozenAppendixC = (): RubricDocument => deepFreeze(appendixC());
const frozenVenue = (): RubricDocument => deepFreeze(venueAccessibility());
const tierIds = (doc: RubricDocument): string[] => doc.tiers.map((t) => t.id);

describe('paths', () => {
  test('pointerOf escapes ~ and / as RFC 6901 asks', () => {
    expect(pointerOf(['groups', 0, 'a/b', 'c~d'])).toBe('/groups/0/a~1b/c~0d');
    expect(pointerOf([])).toBe('');
  });

  test('getAt reads through objects and arrays and gives undefined past a leaf', () => {
    const doc = appendixC();
    expect(getAt(doc, ['groups', 0, 'groups', 0, 'indicators', 0, 'id'])).toBe('i01');
    expect(getAt(doc, ['id', 'length', 'x'])).toBeUndefined();
    expect(getAt(doc, ['nope', 3])).toBeUndefined();
  });

  test('setAt copies along the path only, shares the rest, and leaves the argument untouched', () => {
    const doc = frozenAppendixC();
    const next = setAt(doc, ['groups', 0, 'points'], 30);
    expect(next.groups[0].points).toBe(30);
    expect(doc.groups[0].points).toBe(25);
    expect(next.groups[1]).toBe(doc.groups[1]);
    expect(next.inputs).toBe(doc.inputs);
  });

  test('setAt with undefined removes an object key', () => {
    const doc = frozenAppendixC();
    const next = setAt(doc, ['changelog'], undefined);
    expect('changelog' in next).toBe(false);
    expect(doc.changelog).toBeDefined();
  });
});

describe('lists', () => {
  test('addItem appends or inserts, leaving the argument untouched', () => {
    const doc = frozenAppendixC();
    const tier = newTier(doc);
    expect(tierIds(addItem(doc, ['tiers'], tier))).toEqual(['basic', 'standard', 'demonstration', tier.id]);
    expect(tierIds(addItem(doc, ['tiers'], tier, 0))).toEqual([tier.id, 'basic', 'standard', 'demonstration']);
    expect(tierIds(doc)).toEqual(['basic', 'standard', 'demonstration']);
  });

  test('addItem creates a list that does not exist yet', () => {
    const doc = frozenVenue();
    const next = addItem(doc, ['groups', 0, 'groups'], newGroup(doc));
    expect((getAt(next, ['groups', 0, 'groups']) as unknown[]).length).toBe(1);
    expect(doc.groups[0].groups).toBeUndefined();
  });

  test('removeItem removes exactly one item', () => {
    const doc = frozenAppendixC();
    expect(tierIds(removeItem(doc, ['tiers'], 1))).toEqual(['basic', 'demonstration']);
    expect(tierIds(doc)).toHaveLength(3);
  });

  test('moveItem moves within the list; out-of-range or same-place moves return the document itself', () => {
    const doc = frozenAppendixC();
    expect(tierIds(moveItem(doc, ['tiers'], 0, 2))).toEqual(['standard', 'demonstration', 'basic']);
    expect(tierIds(moveItem(doc, ['tiers'], 2, 0))).toEqual(['demonstration', 'basic', 'standard']);
    expect(moveItem(doc, ['tiers'], 0, 3)).toBe(doc);
    expect(moveItem(doc, ['tiers'], -1, 0)).toBe(doc);
    expect(moveItem(doc, ['tiers'], 1, 1)).toBe(doc);
  });
});

describe('ids and new items', () => {
  test('walkHierarchy finds nested groups, their indicators and criteria', () => {
    const { groups, indicators, criteria } = walkHierarchy(appendixC());
    expect(groups.map((g) => g.id).slice(0, 3)).toEqual(['basic-setup', 'facilities', 'functions']);
    expect(indicators.map((i) => i.id)).toEqual(Array.from({ length: 21 }, (_, i) => `i${String(i + 1).padStart(2, '0')}`));
    expect(criteria.map((c) => c.id)).toContain('i03.2');
  });

  test('usedIds covers groups, indicators, criteria, inputs, tiers, requirements and readings', () => {
    const used = usedIds(appendixC());
    for (const id of ['basic-setup', 'i01', 'i01.1', 'siteWellLocated', 'standard', 'req-4.1', 'r01']) expect(used.has(id)).toBe(true);
  });

  test('uniqueId takes the first free number', () => {
    expect(uniqueId('C', new Set(['C1', 'C2', 'C4']))).toBe('C3');
    expect(uniqueId('C', new Set())).toBe('C1');
  });

  test('every new item gets an id no other part of the document uses, also after it is added', () => {
    let doc = appendixC();
    doc = { ...doc, inputs: [...doc.inputs, { id: 'input1', type: 'boolean', label: { en: '' } }], tiers: [...doc.tiers, { ...doc.tiers[0], id: 'tier1' }] };
    const group = newGroup(doc);
    const ids = [group.id, group.indicators?.[0].id, group.indicators?.[0].criteria[0].id];
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(usedIds(doc).has(id as string)).toBe(false);
    doc = addItem(doc, ['groups'], group);
    for (const make of [newIndicator, newCriterion, newInput, newTier, newRequirement, newReading] as ((d: RubricDocument) => { id: string })[]) {
      const item = make(doc);
      expect(usedIds(doc).has(item.id), item.id).toBe(false);
    }
    expect(newInput(doc).id).toBe('input2');
    expect(newTier(doc).id).toBe('tier2');
    // Adding two criteria one after the other gives two ids.
    const first = newCriterion(doc);
    const withFirst = addItem(doc, ['groups', doc.groups.length - 1, 'indicators', 0, 'criteria'], first);
    expect(newCriterion(withFirst).id).not.toBe(first.id);
  });

  test('a new tier continues from the last tier bound, without gap or overlap', () => {
    const doc = appendixC();
    // The last tier ends at 1 inclusive: the next starts at 1 exclusive.
    expect(newTier(doc).min).toEqual({ value: 1, inclusive: false });
    const open = setTierInclusive(doc, 2, 'max', false);
    expect(newTier(open).min).toEqual({ value: 1, inclusive: true });
    expect(newTier({ ...doc, tiers: [] }).min).toEqual({ value: 0, inclusive: true });
  });

  test('a new criterion carries one rule: 1 fixed point, always', () => {
    expect(newRule()).toEqual({ conditions: ALWAYS, event: { type: 'award', params: { kind: 'fixed', points: 1 } } });
    expect(newCriterion(appendixC()).rules).toEqual([newRule()]);
    expect(newRule().conditions).not.toBe(newRule().conditions);
  });

  test('a new test case is numbered after the existing ones and expects the first tier', () => {
    const doc = appendixC();
    expect(newTestCase(doc)).toEqual({ name: `case ${doc.tests.length + 1}`, inputs: {}, expect: { total: 0, tier: 'basic' } });
    expect(newTestCase({ ...doc, tiers: [] }).expect.tier).toBeNull();
  });
});

describe('input types', () => {
  const base = { id: 'x', label: { en: 'X' } };

  test('a choice gets one option; a series twelve items; a number loses options', () => {
    expect(withInputType({ ...base, type: 'boolean' }, 'choice').options).toHaveLength(1);
    expect(withInputType({ ...base, type: 'count' }, 'series').length).toBe(12);
    const number = withInputType({ ...base, type: 'choice', options: [{ value: 'a', label: { en: 'A' } }], ordered: true }, 'number');
    expect(number).toEqual({ ...base, type: 'number' });
  });

  test('options and order carry over between choice kinds; bounds are dropped where they mean nothing', () => {
    const options = [{ value: 'x', label: { en: 'X' } }];
    expect(withInputType({ ...base, type: 'choice', options, ordered: true }, 'multiChoice')).toEqual({ ...base, type: 'multiChoice', options });
    expect(withInputType({ ...base, type: 'multiChoice', options }, 'choice').options).toBe(options);
    expect(withInputType({ ...base, type: 'count', minimum: 1, maximum: 5 }, 'boolean')).toEqual({ ...base, type: 'boolean' });
    expect(withInputType({ ...base, type: 'count', minimum: 1, maximum: 5 }, 'series')).toMatchObject({ minimum: 1, maximum: 5, length: 12 });
  });
});

describe('derived edits', () => {
  test('childrenPoints sums criteria of an indicator and children of a group, rounded', () => {
    const doc = appendixC();
    const { groups, indicators } = walkHierarchy(doc);
    expect(childrenPoints(indicators[3])).toBe(4);
    expect(childrenPoints(groups[0])).toBe(25);
    expect(childrenPoints({ ...indicators[0], criteria: [0.1, 0.2].map((points) => ({ ...indicators[0].criteria[0], points })) })).toBe(0.3);
  });

  test('moving a tier bound moves the touching bound of the neighbour', () => {
    const doc = frozenAppendixC();
    const next = setTierBound(doc, 1, 'min', 0.75);
    expect(next.tiers[1].min.value).toBe(0.75);
    expect(next.tiers[0].max.value).toBe(0.75);
    expect(next.tiers[2]).toBe(doc.tiers[2]);
    const up = setTierBound(doc, 1, 'max', 0.95);
    expect([up.tiers[1].max.value, up.tiers[2].min.value]).toEqual([0.95, 0.95]);
    expect(doc.tiers[0].max.value).toBe(0.8);
  });

  test('a neighbour that did not touch the bound stays where it was', () => {
    const gap = setAt(appendixC(), ['tiers', 0, 'max', 'value'], 0.7) as RubricDocument;
    expect(setTierBound(gap, 1, 'min', 0.75).tiers[0].max.value).toBe(0.7);
  });

  test('flipping a bound inclusive flips the neighbour, so a ratio on the bound is in exactly one tier', () => {
    const doc = frozenAppendixC();
    const next = setTierInclusive(doc, 1, 'min', false);
    expect(next.tiers[1].min).toEqual({ value: 0.8, inclusive: false });
    expect(next.tiers[0].max).toEqual({ value: 0.8, inclusive: true });
  });

  test('bounds of a tier that does not exist change nothing', () => {
    const doc = frozenAppendixC();
    expect(setTierBound(doc, 9, 'min', 0.5)).toBe(doc);
    expect(setTierInclusive(doc, 9, 'min', true)).toBe(doc);
  });
});

describe('renames', () => {
  test('renaming an input renames it in criteria, requirements and tests', () => {
    const doc = frozenAppendixC();
    const index = doc.inputs.findIndex((i) => i.id === 'signInstalled');
    const next = renameInput(doc, index, 'signage');
    const text = JSON.stringify(next);
    expect(text).not.toContain('"signInstalled"');
    expect(next.inputs[index].id).toBe('signage');
    expect(next.requirements.find((r) => r.id === 'req-4.1')?.conditions).toEqual({ all: [{ fact: 'signage', operator: 'equal', value: true }] });
    expect(next.tests.every((t) => 'signage' in t.inputs)).toBe(true);
    expect(JSON.stringify(doc)).toContain('"signInstalled"');
  });

  test('renaming an input to an id another input has changes only that input', () => {
    const doc = frozenAppendixC();
    const next = renameInput(doc, 0, 'signInstalled');
    expect(next.inputs[0].id).toBe('signInstalled');
    expect(next.tests[0].inputs.siteWellLocated).toBe(doc.tests[0].inputs.siteWellLocated);
  });

  test('renaming a tier renames the gates and test expectations naming it', () => {
    const doc = frozenVenue();
    const next = renameTier(doc, 0, 'none');
    expect(next.requirements.map((r) => r.gate?.capTier)).toEqual(['none', 'none', undefined]);
    expect(next.tests.map((t) => t.expect.tier)).toEqual(['gold', 'none', 'silver', 'none']);
    expect(doc.tests[1].expect.tier).toBe('not-certified');
  });

  test('renaming a criterion renames bonus parents, readings and not-applicable entries of tests', () => {
    const doc = frozenVenue();
    const next = renameCriterion(doc, ['groups', 0, 'indicators', 0, 'criteria', 0], 'A1.x');
    const criteria = walkHierarchy(next).criteria;
    expect(criteria.find((c) => c.id === 'A1.3')?.parent).toBe('A1.x');
    const lift = ['groups', 0, 'indicators', 1, 'criteria', 0];
    expect((getAt(doc, lift) as Criterion).id).toBe('B1.1');
    const liftRenamed = renameCriterion(doc, lift, 'lift');
    expect(liftRenamed.readings[0].appliesTo).toEqual(['lift', 'B1.2']);
    expect(Object.keys(liftRenamed.tests[2].notApplicable ?? {})).toEqual(['lift']);
  });

  test('renaming an indicator renames test expectations and readings', () => {
    const doc = frozenAppendixC();
    const next = renameIndicator(doc, ['groups', 0, 'groups', 1, 'indicators', 2], 'services');
    expect(walkHierarchy(next).indicators[6].id).toBe('services');
    expect(next.tests[0].expect.indicators?.services).toBe(2);
    expect(next.tests[0].expect.indicators?.i07).toBeUndefined();
    expect(next.readings[0].appliesTo[0]).toBe('services');
  });
});

describe('small helpers', () => {
  test('splitList splits on commas (also the full-width one) and newlines, dropping blanks', () => {
    expect(splitList(' a, b，c\n\n d ,')).toEqual(['a', 'b', 'c', 'd']);
  });

  test('positions are the indexes of a list', () => {
    expect(positions(['x', 'y', 'z'] as unknown as Tier[])).toEqual([0, 1, 2]);
    expect(positions(undefined)).toEqual([]);
  });
});

describe('the tier basis of a rubric/2 document', () => {
  test('switching to points converts every bound exactly (ratio × the maximum total), as one edit that validates', () => {
    const doc = deepFreeze(migrateRubric(appendixC()));
    const byPoints = setTierBasis(doc, 'points');
    expect(byPoints.tierBasis).toBe('points');
    expect(byPoints.tiers.map((t) => [t.min.value, t.max.value])).toEqual([
      [0, 80],
      [80, 90],
      [90, 100],
    ]);
    expect(byPoints.tiers.map((t) => [t.min.inclusive, t.max.inclusive])).toEqual(doc.tiers.map((t) => [t.min.inclusive, t.max.inclusive]));
    expect(validateRubric(byPoints)).toMatchObject({ valid: true, errors: [] });
    // Back to ratio gives the bounds it started from, and the argument was left untouched.
    expect(setTierBasis(byPoints, 'ratio').tiers).toEqual(doc.tiers);
    expect(doc.tierBasis).toBe('ratio');
  });

  test('the same basis changes nothing; a rubric/1 document has no basis to switch', () => {
    const doc = migrateRubric(appendixC());
    expect(setTierBasis(doc, 'ratio')).toBe(doc);
    expect(() => setTierBasis(appendixC(), 'points')).toThrow(/rubric\/1/);
  });

  test('a new tier ends at the top of the scale: 1 by ratio, the maximum total by points', () => {
    const byPoints = setTierBasis(migrateRubric(appendixC()), 'points');
    expect(newTier(byPoints)).toMatchObject({ min: { value: 100, inclusive: false }, max: { value: 100, inclusive: true } });
    expect(newTier(appendixC()).max).toEqual({ value: 1, inclusive: true });
  });
});
