/**
 * Exact decimal arithmetic for points: every amount is a Big, converted to a number only when a
 * result leaves the engine, so 0.1 + 0.2 is 0.3 and never 0.30000000000000004.
 */
import Big from 'big.js';
import type { Rounding } from '../types.ts';

// Ratios such as 87.5 / 95 do not terminate; 20 places is far beyond any threshold's precision.
Big.DP = 20;

export { Big };

const ROUNDING_MODE = { down: 0, 'half-up': 1, 'half-even': 2, up: 3 } as const;

/** A Big from a number, through its shortest decimal representation. */
export function dec(value: number | string | Big): Big {
  return new Big(value);
}

export function roundPoints(value: Big, rounding: Rounding): Big {
  return value.round(rounding.decimals, ROUNDING_MODE[rounding.mode]);
}

export function sum(values: Big[]): Big {
  return values.reduce((acc, value) => acc.plus(value), new Big(0));
}

export function minBig(a: Big, b: Big): Big {
  return a.lt(b) ? a : b;
}

export function maxBig(a: Big, b: Big): Big {
  return a.gt(b) ? a : b;
}

/** Plain decimal text without exponent notation, e.g. "23.43". */
export function show(value: Big | number): string {
  // A number between 10^-6 and 10^21 prints without exponent, as Big#toFixed would print it
  // (String(-0) is "0", as Big gives too); parsing it into a Big costs ten times more.
  if (typeof value === 'number' && (value === 0 || (Math.abs(value) >= 1e-6 && Math.abs(value) < 1e21))) return String(value);
  return (value instanceof Big ? value : new Big(value)).toFixed();
}
