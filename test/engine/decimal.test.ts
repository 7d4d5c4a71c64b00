/** Points are printed without exponent notation, the same whether a number takes the quick path or big.js. */
import Big from 'big.js';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { show } from '../../engine/scoring/decimal.ts';

test('show prints a number exactly as big.js toFixed does', () => {
  fc.assert(
    fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(0, -0, 1e-6, 9.99e-7, 1e21, 9.99e20, 0.1, 23.43, -2.5)), (value) => {
      expect(show(value)).toBe(new Big(value).toFixed());
    }),
    { numRuns: 50_000 },
  );
});
