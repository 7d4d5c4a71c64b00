/**
 * Amounts of points in the scoring core: exact decimals in one of two representations. Integers
 * scaled by 10^decimals when every amount a rubric can produce fits (sums of 100,000 results stay
 * cheap), big.js otherwise; both convert to the number `Big#toNumber` gives for the same decimal.
 */
import { type Big, dec } from './decimal.ts';
import type { RubricIndex } from '../document/structure.ts';

/** Amounts in one representation: numbers scaled by 10^decimals, or Big. */
export type Amount = number | Big;

export interface Arithmetic {
  fromBig(value: Big): Amount;
  zero: Amount;
  add(a: Amount, b: Amount): Amount;
  min(a: Amount, b: Amount): Amount;
  gt(a: Amount, b: Amount): boolean;
  /** The number `Big#toNumber` gives for the same decimal. */
  toNumber(a: Amount): number;
  /** total / max as big.js divides it (20 decimal places), null when max is 0. */
  ratio(total: Amount, max: Amount): number | null;
}

/**
 * Scaled integers: exact while every amount is a multiple of 10^-decimals and every sum stays
 * below 2^53. n / 10^d is one correctly rounded division, the same double Number("…") gives.
 */
function scaledArithmetic(decimals: number): Arithmetic {
  const scale = 10 ** decimals;
  const ratios = new Map<number, Map<number, number>>();
  return {
    // toFixed drops the sign of a negative zero that Big#toNumber keeps (an input of -0 gives -0 points).
    fromBig: (value) => (value.c[0] === 0 ? (value.s < 0 ? -0 : 0) : Number(value.times(scale).toFixed(0))),
    zero: 0,
    add: (a, b) => (a as number) + (b as number),
    min: (a, b) => Math.min(a as number, b as number),
    gt: (a, b) => (a as number) > (b as number),
    toNumber: (a) => (a as number) / scale,
    ratio: (total, max) => {
      if ((max as number) <= 0) return null;
      // The quotient is the same at any common scale; big.js rounds it to Big.DP places.
      let byMax = ratios.get(max as number);
      if (!byMax) {
        byMax = new Map();
        ratios.set(max as number, byMax);
      }
      let ratio = byMax.get(total as number);
      if (ratio === undefined) {
        ratio = dec(total as number).div(max as number).toNumber();
        if (byMax.size < 100_000) byMax.set(total as number, ratio);
      }
      return ratio;
    },
  };
}

const bigArithmetic: Arithmetic = {
  fromBig: (value) => value,
  zero: dec(0),
  add: (a, b) => (a as Big).plus(b as Big),
  min: (a, b) => ((a as Big).lt(b as Big) ? a : b),
  gt: (a, b) => (a as Big).gt(b as Big),
  toNumber: (a) => (a as Big).toNumber(),
  ratio: (total, max) => ((max as Big).gt(0) ? (total as Big).div(max as Big).toNumber() : null),
};

/** Digits after the decimal point of a declared number (0.125 → 3). */
export function decimalsOf(value: number): number {
  const text = dec(value).toFixed();
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

/**
 * The arithmetic for a rubric: every amount a node can hold is a rounded criterion amount, a
 * declared maximum or 0, so its digits are bounded by the rounding and the declared points.
 */
export function arithmeticFor(index: RubricIndex): { arithmetic: Arithmetic; decimals: number; scaled: boolean } {
  const weights = index.groups.flatMap((g) => (g.group.weight === undefined ? [] : [g.group.weight]));
  const declared = [...index.groups.map((g) => g.group.points), ...weights, ...index.indicators.map((i) => i.indicator.points), ...index.criteria.map((c) => c.criterion.points)];
  const decimals = Math.max(index.doc.rounding.decimals, ...declared.map(decimalsOf));
  const ceiling = declared.reduce((a, b) => a + b, 0) * 10 ** decimals;
  const scaled = decimals <= 15 && ceiling < 2 ** 50;
  return { arithmetic: scaled ? scaledArithmetic(decimals) : bigArithmetic, decimals, scaled };
}
