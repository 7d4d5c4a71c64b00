/**
 * The input mapping of a draft, row by row, without React: for each input the version it was
 * copied from did not have, where stored assessments find its value (an old input, read under the
 * new id: several new inputs may read the same old one, a split; several old inputs combined, a
 * merge), a default value, or nothing (the assessments then lack it). Every function returns a
 * new document.
 */
import { INPUT_COMBINATIONS, type InputCombinationName, type InputDefinition, type InputMapping, type InputValue, type RubricDocument } from '../../../engine/browser.ts';

/** Where one new input's value comes from when an assessment recorded under `from` is read. */
export type MappingSource =
  | { kind: 'renamed'; from: string }
  | { kind: 'combined'; from: string[]; by: InputCombinationName }
  | { kind: 'default'; value: InputValue }
  | { kind: 'none' };

/** One new input of the draft and its source. */
export interface MappingRow {
  input: string;
  source: MappingSource;
}

/** Inputs of the draft that the earlier version does not have (by id), in the draft's order. */
export function newInputsSince(draft: RubricDocument, earlier: Pick<RubricDocument, 'inputs'>): InputDefinition[] {
  const old = new Set(earlier.inputs.map((input) => input.id));
  return draft.inputs.filter((input) => !old.has(input.id));
}

/** The source the draft's mapping declares for an input now. */
export function sourceOf(mapping: InputMapping | undefined, input: string): MappingSource {
  if (mapping?.renamed && Object.hasOwn(mapping.renamed, input)) return { kind: 'renamed', from: mapping.renamed[input] };
  if (mapping?.combined && Object.hasOwn(mapping.combined, input)) return { kind: 'combined', ...mapping.combined[input] };
  if (mapping?.defaults && Object.hasOwn(mapping.defaults, input) && mapping.defaults[input] !== undefined) return { kind: 'default', value: mapping.defaults[input] };
  return { kind: 'none' };
}

/** One row per new input of the draft, with what its mapping says now. */
export function mappingRows(draft: RubricDocument, earlier: Pick<RubricDocument, 'inputs'>): MappingRow[] {
  return newInputsSince(draft, earlier).map((input) => ({ input: input.id, source: sourceOf(draft.inputMapping, input.id) }));
}

/** Drops empty `renamed` / `combined` / `defaults` so the saved document says only what is declared. */
function tidy(mapping: InputMapping): InputMapping {
  const next: InputMapping = { from: mapping.from };
  if (mapping.renamed && Object.keys(mapping.renamed).length) next.renamed = mapping.renamed;
  if (mapping.combined && Object.keys(mapping.combined).length) next.combined = mapping.combined;
  if (mapping.defaults && Object.keys(mapping.defaults).length) next.defaults = mapping.defaults;
  return next;
}

/** Sets the version the mapping reads from, creating the mapping when there is none. */
export function setMappingFrom(doc: RubricDocument, from: string): RubricDocument {
  return { ...doc, inputMapping: tidy({ ...(doc.inputMapping ?? {}), from }) };
}

/**
 * Declares one row: the input reads an old input, takes a default, or neither. The other kind's
 * entry for the same input is removed (a value comes from one place). The mapping is created with
 * `from` when the draft has none; an existing `from` is replaced by it.
 */
export function applyMappingRow(doc: RubricDocument, from: string, row: MappingRow): RubricDocument {
  const mapping = doc.inputMapping ?? { from };
  const { [row.input]: _renamed, ...renamed } = mapping.renamed ?? {};
  const { [row.input]: _combined, ...combined } = mapping.combined ?? {};
  const { [row.input]: _default, ...defaults } = mapping.defaults ?? {};
  if (row.source.kind === 'renamed') renamed[row.input] = row.source.from;
  if (row.source.kind === 'combined') combined[row.input] = { from: [...row.source.from], by: row.source.by };
  if (row.source.kind === 'default') defaults[row.input] = structuredClone(row.source.value);
  return { ...doc, inputMapping: tidy({ from, renamed, combined, defaults }) };
}

/** Declares several rows at once (one edit, one undo step). */
export function applyMappingRows(doc: RubricDocument, from: string, rows: MappingRow[]): RubricDocument {
  return rows.reduce((d, row) => applyMappingRow(d, from, row), setMappingFrom(doc, from));
}

/** Entries of the mapping that name no new input of the draft (left from an earlier edit): shown so they can be removed. */
export function strayMappingEntries(draft: RubricDocument, earlier: Pick<RubricDocument, 'inputs'>): string[] {
  const rows = new Set(newInputsSince(draft, earlier).map((input) => input.id));
  const named = [...Object.keys(draft.inputMapping?.renamed ?? {}), ...Object.keys(draft.inputMapping?.combined ?? {}), ...Object.keys(draft.inputMapping?.defaults ?? {})];
  return [...new Set(named.filter((id) => !rows.has(id)))];
}

/** The document without any mapping entry for an input. */
export function removeMappingEntry(doc: RubricDocument, input: string): RubricDocument {
  if (!doc.inputMapping) return doc;
  return applyMappingRow(doc, doc.inputMapping.from, { input, source: { kind: 'none' } });
}

/** A starting value of the input's type for a value widget (the author changes it before applying). */
export function initialValue(input: InputDefinition): InputValue {
  switch (input.type) {
    case 'boolean':
      return false;
    case 'choice':
      return input.options?.[0]?.value ?? '';
    case 'multiChoice':
      return [];
    case 'series':
      return Array.from({ length: input.length ?? 1 }, () => 0);
    default:
      return input.minimum ?? 0;
  }
}

/** The old input a new one most likely reads: one the draft no longer has, of the same type, else any of the same type, else the first. */
export function likelyOldInput(input: InputDefinition, draft: RubricDocument, earlier: Pick<RubricDocument, 'inputs'>): string | undefined {
  const current = new Set(draft.inputs.map((i) => i.id));
  const sameType = earlier.inputs.filter((old) => old.type === input.type);
  return (sameType.find((old) => !current.has(old.id)) ?? sameType[0] ?? earlier.inputs[0])?.id;
}

/** The combinations that can give an input of this type (none for choices and series). */
export function combinationsFor(input: InputDefinition): InputCombinationName[] {
  return (Object.keys(INPUT_COMBINATIONS) as InputCombinationName[]).filter((name) => (INPUT_COMBINATIONS[name].makes as readonly string[]).includes(input.type));
}

/**
 * A first merge for an input: the first fitting combination over the two likeliest old inputs of
 * its type (the author then ticks the ones it really merges).
 */
export function initialMerge(input: InputDefinition, draft: RubricDocument, earlier: Pick<RubricDocument, 'inputs'>): MappingSource | undefined {
  const by = combinationsFor(input)[0];
  if (!by) return undefined;
  const current = new Set(draft.inputs.map((i) => i.id));
  const sameType = earlier.inputs.filter((old) => (INPUT_COMBINATIONS[by].makes as readonly string[]).includes(old.type));
  const likely = [...sameType.filter((old) => !current.has(old.id)), ...sameType.filter((old) => current.has(old.id))];
  return likely.length >= 2 ? { kind: 'combined', from: likely.slice(0, 2).map((old) => old.id), by } : undefined;
}

/** The merge with one old input ticked or unticked; at least two stay (fewer is a rename, not a merge). */
export function toggleMerged(source: Extract<MappingSource, { kind: 'combined' }>, old: string, on: boolean): Extract<MappingSource, { kind: 'combined' }> {
  const from = on ? [...new Set([...source.from, old])] : source.from.filter((id) => id !== old);
  return { ...source, from: from.length >= 2 ? from : source.from };
}
