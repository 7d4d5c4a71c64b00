/**
 * The scoring kinds: what a rule awards once its conditions hold. Each kind computes its amount
 * from the inputs with exact decimals and writes down its arithmetic; `awardRange` gives the
 * least and most a kind can award, from which maxima are checked and lints are drawn.
 */
import { type Big, dec, maxBig, minBig, show, sum } from './decimal.ts';
import { own } from '../document/lookup.ts';
import type { Deduction, InputDefinition, InputValue, InputValues, Scoring } from '../types.ts';

export interface Award {
  amount: Big;
  /** e.g. "2 − 0.5 × 3 = 0.5" */
  arithmetic: string;
  /** Caps and floors that changed the raw amount. */
  adjustments: string[];
}

/** Computes what a scoring awards for complete inputs (validated beforehand). */
export function award(scoring: Scoring, inputs: InputValues): Award {
  switch (scoring.kind) {
    case 'fixed':
      return { amount: dec(scoring.points), arithmetic: `conditions hold → ${show(scoring.points)}`, adjustments: [] };

    case 'perUnit': {
      const parts = scoring.terms.map((term) => ({ term, value: numeric(own(inputs, term.input)) }));
      const raw = sum(parts.map(({ term, value }) => dec(term.points).times(value)));
      const text = parts.map(({ term, value }) => `${show(term.points)} × ${show(value)}`).join(' + ');
      return capped(raw, scoring.cap, `${text} = ${show(raw)}`);
    }

    case 'perBlock': {
      const value = numeric(own(inputs, scoring.input));
      const blocks = value.div(scoring.blockSize).round(0, 0);
      const raw = blocks.times(scoring.points);
      return capped(raw, scoring.cap, `⌊${show(value)} / ${show(scoring.blockSize)}⌋ × ${show(scoring.points)} = ${show(raw)}`);
    }

    case 'deduction': {
      const parts = scoring.deductions.map((term) => ({ term, units: deductionUnits(term, own(inputs, term.input)) }));
      const raw = parts.reduce((acc, { term, units }) => acc.minus(dec(term.points).times(units)), dec(scoring.start));
      const text = [show(scoring.start), ...parts.map(({ term, units }) => `${show(term.points)} × ${show(units)}`)].join(' − ');
      if (raw.lt(scoring.floor)) {
        return { amount: dec(scoring.floor), arithmetic: `${text} = ${show(raw)} → ${show(scoring.floor)}`, adjustments: [`floor ${show(scoring.floor)}`] };
      }
      return { amount: raw, arithmetic: `${text} = ${show(raw)}`, adjustments: [] };
    }

    case 'proportional': {
      const value = numeric(own(inputs, scoring.input));
      const raw = value.div(scoring.fullAt).times(scoring.points);
      const text = `${show(value)} / ${show(scoring.fullAt)} × ${show(scoring.points)} = ${show(raw)}`;
      if (raw.gt(scoring.points)) return { amount: dec(scoring.points), arithmetic: `${text} → ${show(scoring.points)}`, adjustments: [`cap ${show(scoring.points)}`] };
      if (raw.lt(0)) return { amount: dec(0), arithmetic: `${text} → 0`, adjustments: ['floor 0'] };
      return { amount: raw, arithmetic: text, adjustments: [] };
    }

    case 'choice': {
      const value = own(inputs, scoring.input);
      const chosen = (Array.isArray(value) ? value : [value]).map(String);
      const scored = chosen.filter((option) => Object.hasOwn(scoring.points, option));
      if (scored.length === 0) return { amount: dec(0), arithmetic: chosen.length ? `${chosen.join(', ')} → 0` : '— → 0', adjustments: [] };
      const best = scored.reduce((a, b) => (scoring.points[b] > scoring.points[a] ? b : a));
      const text = scored.length > 1 ? `max(${scored.map((o) => `${o} ${show(scoring.points[o])}`).join(', ')})` : best;
      return { amount: dec(scoring.points[best]), arithmetic: `${text} → ${show(scoring.points[best])}`, adjustments: scored.length > 1 ? ['highest level only, not cumulative'] : [] };
    }
  }
}

function capped(raw: Big, cap: number | undefined, text: string): Award {
  if (cap !== undefined && raw.gt(cap)) return { amount: dec(cap), arithmetic: `${text} → ${show(cap)}`, adjustments: [`cap ${show(cap)}`] };
  return { amount: raw, arithmetic: text, adjustments: [] };
}

/** Units a deduction term counts: defects, a boolean match, or a shortfall (in blocks). */
export function deductionUnits(term: Deduction, value: InputValue | undefined): Big {
  if (typeof value === 'boolean') return dec(value === (term.when ?? true) ? 1 : 0);
  const items = Array.isArray(value) ? value.map(Number) : [Number(value)];
  if (term.below === undefined) return sum(items.map((item) => dec(item)));
  const shortfall = sum(items.map((item) => maxBig(dec(0), dec(term.below as number).minus(item))));
  if (term.blockSize === undefined) return shortfall;
  return shortfall.div(term.blockSize).round(0, term.blocks === 'started' ? 3 : 0);
}

function numeric(value: InputValue | undefined): Big {
  if (Array.isArray(value)) return sum(value.map((item) => dec(Number(item))));
  return dec(Number(value ?? 0));
}

// ---------------------------------------------------------------------------------------------

/** Least and most a scoring can award given the inputs' declared bounds; max null = unbounded. */
export interface AwardRange {
  min: Big;
  max: Big | null;
}

export function awardRange(scoring: Scoring, inputs: Map<string, InputDefinition>): AwardRange {
  switch (scoring.kind) {
    case 'fixed':
      return { min: dec(scoring.points), max: dec(scoring.points) };
    case 'perUnit': {
      let max: Big | null = dec(0);
      for (const term of scoring.terms) {
        const upper = inputUpper(inputs.get(term.input));
        max = max === null || upper === null ? null : max.plus(dec(term.points).times(upper));
      }
      return { min: dec(0), max: limit(max, scoring.cap) };
    }
    case 'perBlock': {
      const upper = inputUpper(inputs.get(scoring.input));
      const max = upper === null ? null : upper.div(scoring.blockSize).round(0, 0).times(scoring.points);
      return { min: dec(0), max: limit(max, scoring.cap) };
    }
    case 'deduction': {
      let worst: Big | null = dec(scoring.start);
      for (const term of scoring.deductions) {
        const units = worstUnits(term, inputs.get(term.input));
        worst = worst === null || units === null ? null : worst.minus(dec(term.points).times(units));
      }
      const min = worst === null ? dec(scoring.floor) : maxBig(dec(scoring.floor), worst);
      return { min: minBig(min, dec(scoring.start)), max: maxBig(dec(scoring.start), dec(scoring.floor)) };
    }
    case 'proportional':
      return { min: dec(0), max: dec(scoring.points) };
    case 'choice': {
      const input = inputs.get(scoring.input);
      const options = input?.options?.map((o) => o.value) ?? Object.keys(scoring.points);
      // An option missing from `points` earns 0, whatever its name ("constructor" included).
      const values = options.map((o) => dec(own(scoring.points, o) ?? 0));
      const max = values.reduce((a, b) => maxBig(a, b), dec(0));
      // A multi-choice may be left empty; a choice must pick an option.
      const min = input?.type === 'multiChoice' ? dec(0) : values.reduce((a, b) => minBig(a, b), max);
      return { min, max };
    }
  }
}

function limit(max: Big | null, cap: number | undefined): Big | null {
  if (cap === undefined) return max;
  return max === null ? dec(cap) : minBig(max, dec(cap));
}

/** Largest value an input can take, summed over a series; null when unbounded. */
function inputUpper(input: InputDefinition | undefined): Big | null {
  if (!input) return null;
  if (input.type === 'boolean') return dec(1);
  if (input.type === 'percentage') return dec(input.maximum ?? 100);
  if (input.maximum === undefined) return null;
  return input.type === 'series' ? dec(input.maximum).times(input.length ?? 1) : dec(input.maximum);
}

/** Most units a deduction term can count; null when unbounded. */
function worstUnits(term: Deduction, input: InputDefinition | undefined): Big | null {
  if (!input) return null;
  if (input.type === 'boolean') return dec(1);
  const items = input.type === 'series' ? (input.length ?? 1) : 1;
  if (term.below === undefined) return input.maximum === undefined ? null : dec(input.maximum).times(items);
  const lowest = input.minimum ?? 0;
  const shortfall = maxBig(dec(0), dec(term.below).minus(lowest)).times(items);
  if (term.blockSize === undefined) return shortfall;
  return shortfall.div(term.blockSize).round(0, term.blocks === 'started' ? 3 : 0);
}
