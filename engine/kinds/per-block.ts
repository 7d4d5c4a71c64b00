/** Points per full block of N units (per 20 volunteers), optionally capped. */
import { dec, show } from '../scoring/decimal.ts';
import { own } from '../document/lookup.ts';
import { capped, inputLabel, capWords, INPUT_FIELD, inputUpper, limitRange, numericValue, type ScoringKind, words } from './kind.ts';

export interface PerBlockScoring {
  kind: 'perBlock';
  input: string;
  blockSize: number;
  points: number;
  cap?: number;
}

export const perBlock: ScoringKind<PerBlockScoring> = {
  kind: 'perBlock',
  label: words('每满 N', 'Per block of N'),
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'input', 'blockSize', 'points'],
    properties: {
      kind: true,
      input: { $ref: '#/$defs/key' },
      blockSize: { type: 'number', exclusiveMinimum: 0 },
      points: { $ref: '#/$defs/points' },
      cap: { $ref: '#/$defs/points' },
    },
  },
  inputTypes: ['count', 'number', 'percentage', 'series'],
  inputsRead: (scoring) => [scoring.input],
  renameInput: (scoring, from, to) => (scoring.input === from ? { ...scoring, input: to } : scoring),
  award(scoring, inputs) {
    const value = numericValue(own(inputs, scoring.input));
    const blocks = value.div(scoring.blockSize).round(0, 0);
    const raw = blocks.times(scoring.points);
    return capped(raw, scoring.cap, `⌊${show(value)} / ${show(scoring.blockSize)}⌋ × ${show(scoring.points)} = ${show(raw)}`);
  },
  range(scoring, { inputs }) {
    const upper = inputUpper(inputs.get(scoring.input));
    const max = upper === null ? null : upper.div(scoring.blockSize).round(0, 0).times(scoring.points);
    return { min: dec(0), max: limitRange(max, scoring.cap) };
  },
  describe: (scoring, c, lang) =>
    (lang === 'zh'
      ? `${inputLabel(c, scoring.input, lang)}每满 ${show(scoring.blockSize)} 得 ${show(scoring.points)} 分`
      : `${show(scoring.points)} per full ${show(scoring.blockSize)} of ${inputLabel(c, scoring.input, lang)}`) + capWords(scoring.cap, lang),
  effort: 'quantity',
  fields: [
    { ...INPUT_FIELD, label: words('计数的输入', 'Input counted') },
    { type: 'number', key: 'blockSize', label: words('每满（单位数）', 'Block size (units)') },
    { type: 'number', key: 'points', label: words('每满一档得分', 'Points per block') },
    { type: 'number', key: 'cap', label: words('最高分（可选）', 'At most (optional)'), optional: true },
  ],
  create: (input, points) => ({ kind: 'perBlock', input: input ?? '', blockSize: 10, points: 1, cap: points }),
  headlinePoints: (scoring) => scoring.cap ?? scoring.points,
};
