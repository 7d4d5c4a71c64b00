/** The input mapping of a draft, row by row (builder-ui/src/model/input-mapping.ts). */
import { describe, expect, test } from 'vitest';
import type { RubricDocument } from '../../engine/browser.ts';
import { applyMappingRow, applyMappingRows, combinationsFor, initialMerge, initialValue, likelyOldInput, mappingRows, newInputsSince, removeMappingEntry, setMappingFrom, strayMappingEntries, toggleMerged } from '../../builder-ui/src/model/input-mapping.ts';
import { renameInput } from '../../builder-ui/src/model/document.ts';
import { appendixC, deepFreeze } from './documents.ts';

/** 1.0.0 and a draft that reads the satisfaction rate under a new id and splits it into a second new input. */
function versions(): { old: RubricDocument; draft: RubricDocument } {
  const old = deepFreeze(appendixC());
  const index = old.inputs.findIndex((i) => i.id === 'satisfactionRate');
  const renamed = renameInput(old, index, 'satisfactionSurvey');
  const split = { ...renamed.inputs[index], id: 'satisfactionOnline' };
  const draft = deepFreeze({ ...renamed, version: '1.1.0', inputs: [...renamed.inputs, split] });
  return { old, draft };
}

describe('input mapping rows', () => {
  test('a row per input the earlier version lacks, in the draft’s order, none declared yet', () => {
    const { old, draft } = versions();
    expect(newInputsSince(draft, old).map((i) => i.id)).toEqual(['satisfactionSurvey', 'satisfactionOnline']);
    expect(mappingRows(draft, old)).toEqual([
      { input: 'satisfactionSurvey', source: { kind: 'none' } },
      { input: 'satisfactionOnline', source: { kind: 'none' } },
    ]);
  });

  test('two new inputs reading the same old input (a split) are both declared under renamed, with from', () => {
    const { old, draft } = versions();
    const next = applyMappingRows(draft, '1.0.0', [
      { input: 'satisfactionSurvey', source: { kind: 'renamed', from: 'satisfactionRate' } },
      { input: 'satisfactionOnline', source: { kind: 'renamed', from: 'satisfactionRate' } },
    ]);
    expect(next.inputMapping).toEqual({ from: '1.0.0', renamed: { satisfactionSurvey: 'satisfactionRate', satisfactionOnline: 'satisfactionRate' } });
    expect(mappingRows(next, old).map((r) => r.source)).toEqual([
      { kind: 'renamed', from: 'satisfactionRate' },
      { kind: 'renamed', from: 'satisfactionRate' },
    ]);
    expect(draft.inputMapping).toBeUndefined();
  });

  test('switching a row to a default removes its renamed entry; neither removes both and empty parts', () => {
    const { draft } = versions();
    const renamed = applyMappingRow(draft, '1.0.0', { input: 'satisfactionSurvey', source: { kind: 'renamed', from: 'satisfactionRate' } });
    const defaulted = applyMappingRow(renamed, '1.0.0', { input: 'satisfactionSurvey', source: { kind: 'default', value: 90 } });
    expect(defaulted.inputMapping).toEqual({ from: '1.0.0', defaults: { satisfactionSurvey: 90 } });
    const none = applyMappingRow(defaulted, '1.0.0', { input: 'satisfactionSurvey', source: { kind: 'none' } });
    expect(none.inputMapping).toEqual({ from: '1.0.0' });
  });

  test('setting from keeps the declared rows; entries for inputs that are not new are listed and removable', () => {
    const { old, draft } = versions();
    const mapped = applyMappingRow(draft, '1.0.0', { input: 'satisfactionSurvey', source: { kind: 'renamed', from: 'satisfactionRate' } });
    expect(setMappingFrom(mapped, '0.9.0').inputMapping).toEqual({ from: '0.9.0', renamed: { satisfactionSurvey: 'satisfactionRate' } });
    const stray = applyMappingRow(mapped, '1.0.0', { input: 'openPlan', source: { kind: 'default', value: true } });
    expect(strayMappingEntries(stray, old)).toEqual(['openPlan']);
    expect(removeMappingEntry(stray, 'openPlan').inputMapping).toEqual(mapped.inputMapping);
  });

  test('the likely old input is one the draft dropped, of the same type; starting values follow the type', () => {
    const { old, draft } = versions();
    const survey = draft.inputs.find((i) => i.id === 'satisfactionSurvey');
    if (!survey) throw new Error('no satisfactionSurvey');
    expect(likelyOldInput(survey, draft, old)).toBe('satisfactionRate');
    expect(initialValue({ id: 'b', type: 'boolean', label: {} })).toBe(false);
    expect(initialValue({ id: 's', type: 'series', length: 3, label: {} })).toEqual([0, 0, 0]);
    expect(initialValue({ id: 'c', type: 'choice', options: [{ value: 'x', label: {} }], label: {} })).toBe('x');
  });

  test('a merge: offered only where a combination gives the input’s type, at least two old inputs, one source per input', () => {
    const { old, draft } = versions();
    const percent = draft.inputs.find((i) => i.id === 'satisfactionOnline');
    const yesNo = { id: 'planOnline', type: 'boolean' as const, label: { zh: '线上公示', en: 'Plan online' } };
    const choice = draft.inputs.find((i) => i.type === 'choice');
    if (!percent || !choice) throw new Error('fixture lacks a percentage or a choice input');
    expect(combinationsFor(percent)).toEqual(['sum', 'min', 'max']);
    expect(combinationsFor(yesNo)).toEqual(['any', 'all']);
    expect(combinationsFor(choice)).toEqual([]);
    expect(initialMerge(choice, draft, old)).toBeUndefined();
    const merge = initialMerge(yesNo, { ...draft, inputs: [...draft.inputs, yesNo] }, old);
    if (merge?.kind !== 'combined') throw new Error('no merge offered for a yes/no input');
    expect(merge.by).toBe('any');
    expect(merge.from).toHaveLength(2);
    for (const id of merge.from) expect(old.inputs.find((i) => i.id === id)?.type).toBe('boolean');
    // Unticking one of two keeps both (fewer than two is a rename); ticking a third adds it.
    expect(toggleMerged(merge, merge.from[0], false).from).toEqual(merge.from);
    expect(toggleMerged(merge, 'fireEquipment', true).from).toEqual([...merge.from, 'fireEquipment']);
    const renamed = applyMappingRow(draft, '1.0.0', { input: 'satisfactionOnline', source: { kind: 'renamed', from: 'satisfactionRate' } });
    const merged = applyMappingRow(renamed, '1.0.0', { input: 'satisfactionOnline', source: { kind: 'combined', from: ['satisfactionRate', 'averageTrainingHours'], by: 'max' } });
    expect(merged.inputMapping).toEqual({ from: '1.0.0', combined: { satisfactionOnline: { from: ['satisfactionRate', 'averageTrainingHours'], by: 'max' } } });
    expect(mappingRows(merged, old).find((r) => r.input === 'satisfactionOnline')?.source).toEqual({ kind: 'combined', from: ['satisfactionRate', 'averageTrainingHours'], by: 'max' });
    expect(removeMappingEntry(merged, 'satisfactionOnline').inputMapping).toEqual({ from: '1.0.0' });
  });
});
