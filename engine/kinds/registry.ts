/**
 * The scoring kinds, one module each. Adding a kind is adding its module here: the meta-schema,
 * document check, lint, scoring, explanations, form help, gap analysis and the builder pick it up.
 */
import { choice } from './choice.ts';
import { deduction } from './deduction.ts';
import { fixed } from './fixed.ts';
import type { ScoringKind } from './kind.ts';
import { perBlock } from './per-block.ts';
import { perUnit } from './per-unit.ts';
import { proportional } from './proportional.ts';
import { steps } from './steps.ts';
import type { Scoring } from '../types.ts';

export type ScoringKindName = Scoring['kind'];

/** One module per member of the `Scoring` union: the compiler refuses a kind left out. */
const KINDS: { [K in ScoringKindName]: ScoringKind<Extract<Scoring, { kind: K }>> } = { fixed, perUnit, perBlock, steps, deduction, proportional, choice };

/** Every kind, in the order the builder lists them. */
export const SCORING_KINDS: readonly ScoringKind[] = Object.values(KINDS) as unknown as ScoringKind[];

const BY_NAME = new Map<string, ScoringKind>(SCORING_KINDS.map((k) => [k.kind, k]));

/** The module of a scoring's kind. Documents are validated first, so the kind is known. */
export function kindOf<S extends Scoring>(scoring: S): ScoringKind<S> {
  return BY_NAME.get(scoring.kind) as unknown as ScoringKind<S>;
}

/** The module of a kind by name; undefined for a name no kind has. */
export function findKind(name: string): ScoringKind | undefined {
  return BY_NAME.get(name);
}

/** Inputs a scoring reads. */
export function scoringInputs(scoring: Scoring): string[] {
  return kindOf(scoring).inputsRead(scoring);
}

/** The JSON Schema of a scoring object: `kind` names one of the kinds, whose schema then applies. */
export function scoringSchemaDefs(): Record<string, unknown> {
  const defs: Record<string, unknown> = {
    scoring: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { enum: SCORING_KINDS.map((k) => k.kind) } },
      // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword; this object is a schema, never awaited
      allOf: SCORING_KINDS.map((k) => ({ if: { properties: { kind: { const: k.kind } } }, then: { $ref: `#/$defs/${k.kind}Scoring` } })),
    },
  };
  for (const k of SCORING_KINDS) defs[`${k.kind}Scoring`] = k.schema;
  return defs;
}

