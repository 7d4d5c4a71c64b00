/**
 * Merged inputs across versions: a revision that asks one question where the earlier version
 * asked several declares `inputMapping.combined` (new input ← old inputs, combined by one of
 * these). Each combination says which input types it makes, how to read it, and how it
 * combines answers: `any`/`all` are decided as soon as one answer settles them (one "yes" makes
 * `any` yes whatever the others say); the numeric ones need every answer. An undecided
 * combination leaves the new input missing — never a guess.
 */
import type { InputType, InputValue, Localized } from '../types.ts';

export interface InputCombination {
  /** Types of the new input this combination can produce. */
  makes: readonly InputType[];
  label: Localized;
  /** The combined value, or undefined while the given answers do not decide it (or one is not of the right type). */
  combine: (values: readonly (InputValue | undefined)[]) => InputValue | undefined;
}

const NUMERIC: readonly InputType[] = ['count', 'number', 'percentage'];

function numbers(values: readonly (InputValue | undefined)[]): number[] | undefined {
  return values.every((v): v is number => typeof v === 'number' && Number.isFinite(v)) ? (values as number[]) : undefined;
}

/** Three-valued: `settles` decides the result at once; the other value needs every answer. */
function logical(settles: boolean): InputCombination['combine'] {
  return (values) => {
    if (values.some((v) => v !== undefined && typeof v !== 'boolean')) return undefined;
    if (values.includes(settles)) return settles;
    return values.every((v) => v === !settles) ? !settles : undefined;
  };
}

export const INPUT_COMBINATIONS = {
  any: { makes: ['boolean'], label: { zh: '任一为"是"即为"是"', en: 'yes when any is yes' }, combine: logical(true) },
  all: { makes: ['boolean'], label: { zh: '全部为"是"才为"是"', en: 'yes only when all are yes' }, combine: logical(false) },
  sum: { makes: NUMERIC, label: { zh: '求和', en: 'sum' }, combine: (values) => numbers(values)?.reduce((a, b) => a + b, 0) },
  min: { makes: NUMERIC, label: { zh: '取最小值', en: 'smallest' }, combine: (values) => { const n = numbers(values); return n && Math.min(...n); } },
  max: { makes: NUMERIC, label: { zh: '取最大值', en: 'largest' }, combine: (values) => { const n = numbers(values); return n && Math.max(...n); } },
} as const satisfies Record<string, InputCombination>;

export type InputCombinationName = keyof typeof INPUT_COMBINATIONS;

export function findCombination(name: string): InputCombination | undefined {
  return Object.hasOwn(INPUT_COMBINATIONS, name) ? INPUT_COMBINATIONS[name as InputCombinationName] : undefined;
}

/** The meta-schema's definition of a combination's name, from this table. */
export function combinationSchemaDef(): Record<string, unknown> {
  return { inputCombination: { enum: Object.keys(INPUT_COMBINATIONS) } };
}
