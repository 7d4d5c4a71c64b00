/**
 * Data behind the scoring-kind parameter editors: the kinds an editor can choose, a sensible
 * starting value for each, and the change of kind keeping what carries over (input, points).
 */
import type { Deduction, InputDefinition, RubricDocument, Scoring } from '../../../engine/browser.ts';

export type ScoringKind = Scoring['kind'];

/** The kinds in the order the select lists them, with their names. */
export const SCORING_KINDS: { kind: ScoringKind; label: string }[] = [
  { kind: 'fixed', label: 'Fixed points / 固定分值' },
  { kind: 'perUnit', label: 'Per unit / 按个数' },
  { kind: 'perBlock', label: 'Per block of N / 每满 N' },
  { kind: 'deduction', label: 'Deduction / 扣分' },
  { kind: 'proportional', label: 'Proportional / 按比例' },
  { kind: 'choice', label: 'By option / 按选项' },
];

/**
 * Inputs a kind may read, as the engine's document check allows them (engine/document/validate.ts,
 * KIND_INPUT_TYPES): choice scoring needs choice inputs, proportional a single number, per-unit
 * and per-block numbers or a series (summed), deductions those or a boolean.
 */
export function inputsForKind(doc: RubricDocument, kind: ScoringKind): InputDefinition[] {
  switch (kind) {
    case 'choice':
      return doc.inputs.filter((i) => i.type === 'choice' || i.type === 'multiChoice');
    case 'deduction':
      return doc.inputs.filter((i) => i.type !== 'choice' && i.type !== 'multiChoice');
    case 'fixed':
      return [];
    case 'proportional':
      return doc.inputs.filter((i) => i.type === 'count' || i.type === 'number' || i.type === 'percentage');
    default:
      return doc.inputs.filter((i) => i.type === 'count' || i.type === 'number' || i.type === 'percentage' || i.type === 'series');
  }
}

/** The highest points a scoring carries in its parameters, to keep when the kind changes. */
export function headlinePoints(scoring: Scoring): number {
  switch (scoring.kind) {
    case 'fixed':
    case 'proportional':
      return scoring.points;
    case 'perBlock':
      return scoring.cap ?? scoring.points;
    case 'perUnit':
      return scoring.cap ?? scoring.terms[0]?.points ?? 1;
    case 'deduction':
      return scoring.start;
    case 'choice':
      return Math.max(0, ...Object.values(scoring.points));
  }
}

function firstInput(scoring: Scoring): string | undefined {
  switch (scoring.kind) {
    case 'fixed':
      return undefined;
    case 'perUnit':
      return scoring.terms[0]?.input;
    case 'deduction':
      return scoring.deductions[0]?.input;
    default:
      return scoring.input;
  }
}

/** Points of each option of a choice input: existing values kept, new options at 0. */
export function choicePoints(input: InputDefinition | undefined, current: Record<string, number> = {}): Record<string, number> {
  return Object.fromEntries((input?.options ?? []).map((o) => [o.value, current[o.value] ?? 0]));
}

/** Scoring of another kind, carrying over the input and the points where they fit. */
export function changeScoringKind(scoring: Scoring, kind: ScoringKind, doc: RubricDocument): Scoring {
  if (scoring.kind === kind) return scoring;
  const points = headlinePoints(scoring);
  const candidates = inputsForKind(doc, kind);
  const previous = firstInput(scoring);
  const input = candidates.find((i) => i.id === previous)?.id ?? candidates[0]?.id ?? '';
  switch (kind) {
    case 'fixed':
      return { kind, points };
    case 'perUnit':
      return { kind, terms: [{ input, points: 1 }], cap: points };
    case 'perBlock':
      return { kind, input, blockSize: 10, points: 1, cap: points };
    case 'deduction':
      return { kind, start: points, deductions: [newDeduction(input)], floor: 0 };
    case 'proportional':
      return { kind, input, fullAt: 100, points };
    case 'choice':
      return { kind, input, points: choicePoints(doc.inputs.find((i) => i.id === input)) };
  }
}

export function newDeduction(input: string): Deduction {
  return { input, points: 1 };
}
