/**
 * What a scoring kind is: everything the product knows about one way of awarding points, in one
 * module per kind (engine/kinds/*.ts), listed by engine/kinds/registry.ts. The meta-schema, the
 * document check, lint, the scoring core, explanations, form help, gap analysis and the builder
 * all read a kind through this contract; none of them switches on `kind`.
 *
 * Browser-safe: no `node:` modules (the builder imports the registry).
 */
import { type Big, dec, show, sum } from '../scoring/decimal.ts';
import { pick } from '../document/localized.ts';
import type { InputDefinition, InputType, InputValue, InputValues, Issue, Language, Localized, Scoring } from '../types.ts';

/** What a rule awards once its conditions hold, with the arithmetic written down in both languages. */
export interface Award {
  amount: Big;
  /** e.g. "2 − 0.5 × 3 = 0.5" (symbols read alike in both; words and option labels differ). */
  arithmetic: Required<Localized>;
  /** Caps and floors that changed the raw amount. */
  adjustments: Required<Localized>[];
}

/** Least and most a scoring can award given the inputs' declared bounds; max null = unbounded. */
export interface AwardRange {
  min: Big;
  max: Big | null;
}

/** What a kind may look up about the rubric when it checks, lints or describes a scoring. */
export interface KindContext {
  inputs: ReadonlyMap<string, InputDefinition>;
}

/** A problem found in a scoring's parameters; `path` is relative to the scoring ("" = the scoring itself). */
export type ScoringIssue = Issue;

export { show };

/**
 * One parameter as the builder edits it. The builder renders these and nothing else, so a new
 * kind needs no UI code. `key` is the property in the scoring (or in a list item). `onlyFor`
 * shows the field only when the input named by the item's `inputKey` has one of `types`: a
 * deduction's "when" applies to yes/no answers, its shortfall fields to numbers.
 */
export type KindField = { key: string; label: Localized; onlyFor?: { inputKey: string; types: InputType[] } } & (
  | { type: 'number'; optional?: boolean }
  /** An input of one of the kind's input types. */
  | { type: 'input' }
  /** One of fixed values; `optional` adds an empty choice (`emptyLabel`) that removes the property. */
  | { type: 'enum'; options: { value: string | boolean; label: Localized }[]; optional?: boolean; emptyLabel?: Localized }
  /** Points per option of the choice input named by the field `inputKey`: a table, option label → points. */
  | { type: 'optionPoints'; inputKey: string }
  /** A list of items edited with `item` fields; `newItem` starts one reading an input. */
  | { type: 'list'; itemLabel: Localized; item: KindField[]; newItem: (input: string) => Record<string, unknown> }
);

/** Everything about one scoring kind. */
export interface ScoringKind<S extends Scoring = Scoring> {
  kind: S['kind'];
  /** Name in the builder's kind list and in documentation. */
  label: Required<Localized>;
  /** JSON Schema (2020-12) of the scoring object; `#/$defs/...` refers to the rubric meta-schema. */
  schema: Record<string, unknown>;
  /** Input types the scoring may read. */
  inputTypes: readonly InputType[];
  /** Inputs the scoring reads, in the order its parameters name them. */
  inputsRead(scoring: S): string[];
  /** The same scoring reading `to` wherever it read `from` (renaming an input). */
  renameInput(scoring: S, from: string, to: string): S;
  /** What the scoring awards for complete, validated inputs (the context names options in the arithmetic). */
  award(scoring: S, inputs: InputValues, context: KindContext): Award;
  /** Least and most it can award within the inputs' declared bounds. */
  range(scoring: S, context: KindContext): AwardRange;
  /** One sentence saying how it awards points: form help and the explanation of every result. */
  describe(scoring: S, context: KindContext, lang: Language): string;
  /** Errors beyond the schema (references to options, parameters that contradict each other). */
  check?(scoring: S, context: KindContext): ScoringIssue[];
  /** Probable drafting defects (warnings). */
  lint?(scoring: S, context: KindContext): ScoringIssue[];
  /** The words of its check and lint issues, each in Chinese and English (the engine's own are in engine/document/messages.ts). */
  messages?: Readonly<Record<string, (...args: never[]) => Required<Localized>>>;
  /** Whether more points come in whole steps (a grade, a threshold) or by quantity: the gap analysis's advice. */
  effort: 'step' | 'quantity';
  /** The builder's parameter fields, in display order. */
  fields: KindField[];
  /** A starting scoring of this kind, reading `input` (if the kind reads one) and worth about `points`. */
  create(input: string | undefined, points: number, context: KindContext): S;
  /** The most points the parameters mention: carried over when an editor changes the kind. */
  headlinePoints(scoring: S): number;
}

// ---------------------------------------------------------------------------------------------
// Helpers several kinds share
// ---------------------------------------------------------------------------------------------

/** An input's value as a decimal; a series counts as the sum of its items. */
export function numericValue(value: InputValue | undefined): Big {
  if (Array.isArray(value)) return sum(value.map((item) => dec(Number(item))));
  return dec(Number(value ?? 0));
}

/** Largest value an input can take, summed over a series; null when unbounded. */
export function inputUpper(input: InputDefinition | undefined): Big | null {
  if (!input) return null;
  if (input.type === 'boolean') return dec(1);
  if (input.type === 'percentage') return dec(input.maximum ?? 100);
  if (input.maximum === undefined) return null;
  return input.type === 'series' ? dec(input.maximum).times(input.length ?? 1) : dec(input.maximum);
}

/** Smallest value an input can take, summed over a series; null when unbounded below. */
export function inputLower(input: InputDefinition | undefined): Big | null {
  if (!input) return null;
  if (input.type === 'boolean') return dec(0);
  const lowest = input.minimum ?? (input.type === 'number' ? undefined : 0);
  if (lowest === undefined) return null;
  return input.type === 'series' ? dec(lowest).times(input.length ?? 1) : dec(lowest);
}

/** An input's label in a language; its id when it has none. */
export function inputLabel(context: KindContext, id: string, lang: Language): string {
  return pick(context.inputs.get(id)?.label, lang) || id;
}

/** An option's label in a language; its value when it has none. */
export function optionLabel(context: KindContext, input: string, value: string, lang: Language): string {
  return pick(context.inputs.get(input)?.options?.find((o) => o.value === value)?.label, lang) || value;
}

/** A raw amount capped at `cap` when one is given, with the cap written down. */
export function capped(raw: Big, cap: number | undefined, arithmetic: string): Award {
  if (cap !== undefined && raw.gt(cap)) return { amount: dec(cap), arithmetic: same(`${arithmetic} → ${show(cap)}`), adjustments: [capAdjustment(cap)] };
  return { amount: raw, arithmetic: same(arithmetic), adjustments: [] };
}

/** Arithmetic made of numbers and symbols only: the same in both languages. */
export function same(text: string): Required<Localized> {
  return { zh: text, en: text };
}

/** "最高 5 分" / "cap 5": an amount lowered to its cap. */
export function capAdjustment(cap: number): Required<Localized> {
  return { zh: `最高 ${show(cap)} 分`, en: `cap ${show(cap)}` };
}

/** "不低于 0 分" / "floor 0": an amount raised to its floor. */
export function floorAdjustment(floor: number): Required<Localized> {
  return { zh: `不低于 ${show(floor)} 分`, en: `floor ${show(floor)}` };
}

/** An upper bound lowered to `cap` when one is given. */
export function limitRange(max: Big | null, cap: number | undefined): Big | null {
  if (cap === undefined) return max;
  return max === null ? dec(cap) : max.lt(cap) ? max : dec(cap);
}

/** ", at most 5" / "，最高 5 分" when a cap is given. */
export function capWords(cap: number | undefined, lang: Language): string {
  if (cap === undefined) return '';
  return lang === 'zh' ? `，最高 ${show(cap)} 分` : `, at most ${show(cap)}`;
}

/** Localized text, both languages given. */
export function words(zh: string, en: string): Required<Localized> {
  return { zh, en };
}

/** The field that picks the input a single-input kind reads. */
export const INPUT_FIELD: KindField = { type: 'input', key: 'input', label: words('读取的输入', 'Input read') };
