/** Proportional to a rate: value / fullAt × points, within 0 and points. */
import { dec, show } from '../scoring/decimal.ts';
import { own } from '../document/lookup.ts';
import { capAdjustment, floorAdjustment, INPUT_FIELD, inputLabel, numericValue, same, type ScoringKind, words } from './kind.ts';

export interface ProportionalScoring {
  kind: 'proportional';
  input: string;
  fullAt: number;
  points: number;
}

export const proportional: ScoringKind<ProportionalScoring> = {
  kind: 'proportional',
  label: words('按比例', 'Proportional'),
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'input', 'fullAt', 'points'],
    properties: { kind: true, input: { $ref: '#/$defs/key' }, fullAt: { type: 'number', exclusiveMinimum: 0 }, points: { $ref: '#/$defs/points' } },
  },
  inputTypes: ['count', 'number', 'percentage'],
  inputsRead: (scoring) => [scoring.input],
  renameInput: (scoring, from, to) => (scoring.input === from ? { ...scoring, input: to } : scoring),
  award(scoring, inputs) {
    const value = numericValue(own(inputs, scoring.input));
    const raw = value.div(scoring.fullAt).times(scoring.points);
    const text = `${show(value)} / ${show(scoring.fullAt)} × ${show(scoring.points)} = ${show(raw)}`;
    if (raw.gt(scoring.points)) return { amount: dec(scoring.points), arithmetic: same(`${text} → ${show(scoring.points)}`), adjustments: [capAdjustment(scoring.points)] };
    if (raw.lt(0)) return { amount: dec(0), arithmetic: same(`${text} → 0`), adjustments: [floorAdjustment(0)] };
    return { amount: raw, arithmetic: same(text), adjustments: [] };
  },
  range: (scoring) => ({ min: dec(0), max: dec(scoring.points) }),
  describe: (scoring, c, lang) =>
    lang === 'zh'
      ? `${show(scoring.points)} 分 × ${inputLabel(c, scoring.input, lang)} ÷ ${show(scoring.fullAt)}`
      : `${show(scoring.points)} × ${inputLabel(c, scoring.input, lang)} / ${show(scoring.fullAt)}`,
  effort: 'quantity',
  fields: [
    { ...INPUT_FIELD, label: words('比率输入', 'Rate input') },
    { type: 'number', key: 'fullAt', label: words('达到此值得满分', 'Full points at') },
    { type: 'number', key: 'points', label: words('满分', 'Points') },
  ],
  create: (input, points) => ({ kind: 'proportional', input: input ?? '', fullAt: 100, points }),
  headlinePoints: (scoring) => scoring.points,
};
