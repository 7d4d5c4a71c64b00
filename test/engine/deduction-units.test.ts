/**
 * A deduction counts its units in doubles when every value is a whole number (a shortcut for
 * monthly series in impact analyses); it must count exactly what the decimal arithmetic counts.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { decimalUnits, type Deduction, wholeUnits } from '../../engine/kinds/deduction.ts';

const wholeNumber = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 52 + 1));
const term: fc.Arbitrary<Deduction> = fc.record(
  {
    input: fc.constant('x'),
    points: fc.constant(1),
    below: wholeNumber,
    blockSize: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constant(2 ** 40 + 3)),
    blocks: fc.constantFrom('full' as const, 'started' as const),
  },
  { requiredKeys: ['input', 'points'] },
);

test('counts exactly what the decimal count gives, for whole values (and declines otherwise)', () => {
  fc.assert(
    fc.property(term, fc.array(wholeNumber, { minLength: 1, maxLength: 12 }), (t, items) => {
      const whole = wholeUnits(t, items);
      if (whole !== null) expect(whole).toBe(decimalUnits(t, items).toNumber());
    }),
    { numRuns: 20_000 },
  );
  // Beyond 2^53 the double count would be inexact: it declines and the decimals count.
  expect(wholeUnits({ input: 'x', points: 1 }, [Number.MAX_SAFE_INTEGER, 2])).toBeNull();
  expect(wholeUnits({ input: 'x', points: 1, below: 10 }, [2.5])).toBeNull();
  expect(wholeUnits({ input: 'x', points: 1, below: 10, blockSize: 3, blocks: 'started' }, [0, 9, 10])).toBe(4);
});
