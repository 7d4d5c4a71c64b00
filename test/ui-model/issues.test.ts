/** Validation issues and the controls they belong to (builder-ui/src/model/issues.ts). */
import { describe, expect, test } from 'vitest';
import { pointerOf } from '../../builder-ui/src/model/document.ts';
import { controlId, describePointer, indexIssues, parentPointer, tabOf } from '../../builder-ui/src/model/issues.ts';
import { appendixC, venueAccessibility } from './documents.ts';

describe('controlId', () => {
  test('is a valid DOM id, different for different pointers', () => {
    // Not injective in general: '/n/B1.1' and '/n/B1_2e1' give the same id (both are valid criterion ids).
    const pointers = ['', '/groups/0/points', '/groups/0/indicators/1', '/inputs/0/label/zh', '/tests/0/notApplicable/B1.1', '/tests/0/notApplicable/B11', '/tests/0/inputs/a b', '/x/a~1b'];
    const ids = pointers.map(controlId);
    for (const id of ids) expect(id).toMatch(/^f[A-Za-z0-9_-]*$/);
    expect(new Set(ids).size).toBe(pointers.length);
    expect(controlId('/groups/0/points')).toBe('f-groups-0-points');
  });
});

describe('pointers', () => {
  test('parentPointer drops the last step', () => {
    expect(parentPointer('/groups/0/points')).toBe('/groups/0');
    expect(parentPointer('/groups')).toBe('');
    expect(parentPointer('')).toBe('');
  });

  test.each([
    ['/groups/0/indicators/1/points', 'structure'],
    ['/inputs/3/maximum', 'inputs'],
    ['/readings/0', 'readings'],
    ['/tiers/1/min/value', 'tiers'],
    ['/requirements/2/gate', 'requirements'],
    ['/tests/0/expect/total', 'tests'],
    ['/title/zh', 'metadata'],
    ['', 'metadata'],
  ])('%s is edited on the %s tab', (pointer, tab) => {
    expect(tabOf(pointer)).toBe(tab);
  });
});

describe('indexIssues', () => {
  test('groups issues by pointer, errors before warnings, with their severity', () => {
    const map = indexIssues(
      [
        { path: '/groups/0/points', message: 'sum differs' },
        { path: '/tiers', message: 'gap' },
      ],
      [{ path: '/groups/0/points', message: 'looks odd' }],
    );
    expect(map.get('/groups/0/points')).toEqual([
      { path: '/groups/0/points', message: 'sum differs', severity: 'error' },
      { path: '/groups/0/points', message: 'looks odd', severity: 'warning' },
    ]);
    expect(map.get('/tiers')?.map((i) => i.severity)).toEqual(['error']);
    expect(map.size).toBe(2);
  });
});

describe('describePointer', () => {
  const doc = appendixC();

  test('names the groups, indicators and criteria along the path by their ids', () => {
    expect(describePointer(doc, pointerOf(['groups', 0, 'groups', 0, 'indicators', 3, 'criteria', 1, 'points']))).toBe('Group basic-setup › Group facilities › Indicator i04 › Criterion i04.2 › points');
  });

  test('numbers rules, deductions, terms and options, and leaves out event and params', () => {
    const pointer = pointerOf(['groups', 0, 'groups', 0, 'indicators', 3, 'criteria', 1, 'rules', 0, 'event', 'params', 'deductions', 0, 'points']);
    expect(describePointer(doc, pointer)).toBe('Group basic-setup › Group facilities › Indicator i04 › Criterion i04.2 › Rule #1 › Deduction #1 › points');
    expect(describePointer(doc, '/inputs/23/options/2/value')).toBe('Input staffRulesImplementation › Option #3 › value');
  });

  test('names tests by their name, and items that do not exist by their position', () => {
    const venue = venueAccessibility();
    expect(describePointer(venue, '/tests/1/expect/tier')).toBe(`Test ${venue.tests[1].name} › expect › tier`);
    expect(describePointer(venue, '/tiers/9')).toBe('Tier #10');
    expect(describePointer(venue, '')).toBe('Whole document');
  });

  test('unescapes ~1 and ~0 in steps', () => {
    expect(describePointer(doc, '/tests/0/inputs/a~1b~0c')).toBe(`Test ${doc.tests[0].name} › inputs › a/b~c`);
  });
});
