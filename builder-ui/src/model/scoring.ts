/**
 * Data behind the scoring editor, read from the engine's kind registry (engine/kinds/): the kinds
 * an editor can choose, the inputs each may read, and the change of kind keeping what carries
 * over (input, points). Nothing here names a kind: a new kind module needs no change here.
 */
import {
  findKind,
  type InputDefinition,
  type KindField,
  type Language,
  type Localized,
  type RubricDocument,
  type Scoring,
  SCORING_KINDS,
  type ScoringKindName,
} from '../../../engine/browser.ts';

export type { ScoringKindName };

/** The kinds in the registry's order, each with its name in both languages (shown in the page language). */
export const KIND_CHOICES: { kind: ScoringKindName; label: Localized }[] = SCORING_KINDS.map((k) => ({ kind: k.kind, label: k.label }));

/** The rubric's inputs by id: what a kind looks up when it creates or describes a scoring. */
export function inputMap(doc: RubricDocument): Map<string, InputDefinition> {
  return new Map(doc.inputs.map((input) => [input.id, input]));
}

/** Inputs a kind may read: those whose type the kind accepts (its `inputTypes`). */
export function inputsForKind(doc: RubricDocument, kind: ScoringKindName): InputDefinition[] {
  const types: readonly string[] = findKind(kind)?.inputTypes ?? [];
  return doc.inputs.filter((input) => types.includes(input.type));
}

/** Scoring of another kind, carrying over the first input read (when it fits) and the headline points. */
export function changeScoringKind(scoring: Scoring, kind: ScoringKindName, doc: RubricDocument): Scoring {
  const target = findKind(kind);
  if (scoring.kind === kind || !target) return scoring;
  const current = findKind(scoring.kind);
  const candidates = inputsForKind(doc, kind);
  const previous = current?.inputsRead(scoring)[0];
  const input = candidates.find((i) => i.id === previous)?.id ?? candidates[0]?.id;
  return target.create(input, current?.headlinePoints(scoring) ?? 0, { inputs: inputMap(doc) });
}

/** Points of each option of a choice input: existing values kept, new options at 0, removed ones dropped. */
export function optionPoints(input: InputDefinition | undefined, current: Record<string, number> = {}): Record<string, number> {
  return Object.fromEntries((input?.options ?? []).map((o) => [o.value, Object.hasOwn(current, o.value) ? current[o.value] : 0]));
}

/**
 * An item (a scoring or a list item) reading `input` in its field `key`, with every `optionPoints`
 * field that follows that input re-derived for the new input's options.
 */
export function withInput(item: Record<string, unknown>, fields: readonly KindField[], key: string, input: string, doc: RubricDocument): Record<string, unknown> {
  const next: Record<string, unknown> = { ...item, [key]: input };
  const definition = doc.inputs.find((i) => i.id === input);
  for (const field of fields) {
    if (field.type === 'optionPoints' && field.inputKey === key) next[field.key] = optionPoints(definition, (item[field.key] ?? {}) as Record<string, number>);
  }
  return next;
}

/** Whether a field applies to an item: always, unless its `onlyFor` input is known and of another type (a value already set stays visible). */
export function fieldShown(field: KindField, item: Record<string, unknown>, doc: RubricDocument): boolean {
  if (!field.onlyFor || item[field.key] !== undefined) return true;
  const input = doc.inputs.find((i) => i.id === item[field.onlyFor?.inputKey ?? '']);
  return !input || field.onlyFor.types.includes(input.type);
}

/** The kind's one-sentence description of the scoring in a language; '' while its parameters are incomplete. */
export function scoringSummary(scoring: Scoring, doc: RubricDocument, lang: Language): string {
  try {
    return findKind(scoring.kind)?.describe(scoring, { inputs: inputMap(doc) }, lang) ?? '';
  } catch {
    // A draft may lack a parameter the description reads: no summary until it is there.
    return '';
  }
}
