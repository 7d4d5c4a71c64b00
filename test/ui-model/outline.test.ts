/** The builder's outline, selection and undo history (builder-ui/src/model/outline.ts, history.ts). */
import { describe, expect, test } from 'vitest';
import { emptyHistory, HISTORY_LIMIT, MERGE_MS, recordEdit, redo, undo } from '../../builder-ui/src/model/history.ts';
import { buildOutline, countIssues, filterOutline, flatten, JSON_VIEW, METADATA, ownerOf } from '../../builder-ui/src/model/outline.ts';
import { appendixC as readAppendixC } from './documents.ts';

const appendixC = readAppendixC();

const zh = (text: { zh?: string; en?: string } | undefined, fallback: string): string => text?.zh || text?.en || fallback;

describe('ownerOf: what the property panel shows for a pointer', () => {
  test('an indicator for anything inside it, its criteria included', () => {
    expect(ownerOf('/groups/1/groups/0/indicators/2/criteria/1/rules/0/event/params/points')).toBe('/groups/1/groups/0/indicators/2');
    expect(ownerOf('/groups/1/groups/0/indicators/2')).toBe('/groups/1/groups/0/indicators/2');
  });
  test('a group for its own fields, the section for the list', () => {
    expect(ownerOf('/groups/1/groups/0/points')).toBe('/groups/1/groups/0');
    expect(ownerOf('/groups')).toBe('/groups');
  });
  test('one item of the flat lists, all tiers together, metadata for the rest', () => {
    expect(ownerOf('/inputs/3/label/zh')).toBe('/inputs/3');
    expect(ownerOf('/requirements')).toBe('/requirements');
    expect(ownerOf('/tiers/2/min/value')).toBe('/tiers');
    expect(ownerOf('/title/zh')).toBe(METADATA);
    expect(ownerOf(JSON_VIEW)).toBe(JSON_VIEW);
  });
});

describe('the outline', () => {
  const outline = buildOutline(appendixC, zh, (section) => section);
  test('names items by their rubric text, with every criterion and list item', () => {
    const nodes = flatten(outline);
    const criteria = nodes.filter((n) => n.kind === 'criterion');
    expect(criteria.length).toBeGreaterThan(0);
    expect(nodes.filter((n) => n.kind === 'input')).toHaveLength(appendixC.inputs.length);
    const first = appendixC.inputs[0];
    expect(nodes.find((n) => n.pointer === '/inputs/0')).toMatchObject({ label: first.label.zh, id: first.id, list: { path: ['inputs'], index: 0 } });
  });
  test('search keeps matches, their ancestors and every section', () => {
    const found = filterOutline(outline, 'i10.1');
    expect(found.map((n) => n.pointer)).toEqual(outline.map((n) => n.pointer));
    const hits = flatten(found).filter((n) => n.kind === 'criterion');
    expect(hits.map((n) => n.id)).toEqual(['i10.1']);
  });
  test('issues count at every level above them', () => {
    const counts = countIssues([
      { path: '/groups/0/indicators/1/criteria/0/points', message: 'x', severity: 'error' },
      { path: '/groups/0/indicators/1', message: 'y', severity: 'warning' },
    ]);
    expect(counts.get('/groups/0/indicators/1')).toEqual({ errors: 1, warnings: 1 });
    expect(counts.get('/groups')).toEqual({ errors: 1, warnings: 1 });
    expect(counts.get('/groups/0/indicators/1/criteria/0')).toEqual({ errors: 1, warnings: 0 });
  });
});

describe('undo history', () => {
  test('a burst of typing is one step; add, move and delete are steps of their own', () => {
    let h = emptyHistory<string>();
    h = recordEdit(h, 'a', 1000);
    h = recordEdit(h, 'ab', 1000 + MERGE_MS / 2);
    expect(h.past).toEqual(['a']);
    h = recordEdit(h, 'abc', 1000 + MERGE_MS / 2 + 1, true);
    expect(h.past).toEqual(['a', 'abc']);
    h = recordEdit(h, 'abcd', 1000 + MERGE_MS / 2 + 2);
    expect(h.past).toEqual(['a', 'abc', 'abcd']);
  });
  test('undo and redo walk back and forth; a new edit drops the redo side', () => {
    let h = recordEdit(recordEdit(emptyHistory<string>(), 'one', 0, true), 'two', 10_000, true);
    const back = undo(h, 'three');
    expect(back?.doc).toBe('two');
    h = back!.history;
    const forth = redo(h, 'two');
    expect(forth?.doc).toBe('three');
    h = recordEdit(back!.history, 'two', 20_000, true);
    expect(redo(h, 'other')).toBeNull();
  });
  test(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = recordEdit(h, i, i * 10_000, true);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(50);
  });
});
