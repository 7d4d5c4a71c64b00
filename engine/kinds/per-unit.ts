/** Points per unit of one or more inputs (per certificate, per organisation), optionally capped. */
import { type Big, dec, show, sum } from '../scoring/decimal.ts';
import { own } from '../document/lookup.ts';
import { capped, inputLabel, capWords, inputUpper, limitRange, numericValue, type ScoringKind, words } from './kind.ts';

export interface PerUnitScoring {
  kind: 'perUnit';
  terms: { input: string; points: number }[];
  cap?: number;
}

export const perUnit: ScoringKind<PerUnitScoring> = {
  kind: 'perUnit',
  label: words('按个数', 'Per unit'),
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'terms'],
    properties: {
      kind: true,
      terms: {
        type: 'array',
        minItems: 1,
        maxItems: 20,
        items: { type: 'object', additionalProperties: false, required: ['input', 'points'], properties: { input: { $ref: '#/$defs/key' }, points: { $ref: '#/$defs/points' } } },
      },
      cap: { $ref: '#/$defs/points' },
    },
  },
  inputTypes: ['count', 'number', 'percentage', 'series'],
  inputsRead: (scoring) => scoring.terms.map((term) => term.input),
  renameInput: (scoring, from, to) => ({ ...scoring, terms: scoring.terms.map((t) => (t.input === from ? { ...t, input: to } : t)) }),
  award(scoring, inputs) {
    const parts = scoring.terms.map((term) => ({ term, value: numericValue(own(inputs, term.input)) }));
    const raw = sum(parts.map(({ term, value }) => dec(term.points).times(value)));
    const text = parts.map(({ term, value }) => `${show(term.points)} × ${show(value)}`).join(' + ');
    return capped(raw, scoring.cap, `${text} = ${show(raw)}`);
  },
  range(scoring, { inputs }) {
    let max: Big | null = dec(0);
    for (const term of scoring.terms) {
      const upper = inputUpper(inputs.get(term.input));
      max = max === null || upper === null ? null : max.plus(dec(term.points).times(upper));
    }
    return { min: dec(0), max: limitRange(max, scoring.cap) };
  },
  describe: (scoring, c, lang) =>
    scoring.terms.map((t) => (lang === 'zh' ? `${inputLabel(c, t.input, lang)}每个 ${show(t.points)} 分` : `${show(t.points)} per unit of ${inputLabel(c, t.input, lang)}`)).join(lang === 'zh' ? '，' : ', ') +
    capWords(scoring.cap, lang),
  effort: 'quantity',
  fields: [
    {
      type: 'list',
      key: 'terms',
      label: words('计分项（每个得分）', 'Terms (points per unit)'),
      itemLabel: words('计分项', 'Term'),
      item: [
        { type: 'input', key: 'input', label: words('计数的输入', 'Input counted') },
        { type: 'number', key: 'points', label: words('每个得分', 'Points per unit') },
      ],
      newItem: (input) => ({ input, points: 1 }),
    },
    { type: 'number', key: 'cap', label: words('最高分（可选）', 'At most (optional)'), optional: true },
  ],
  create: (input, points) => ({ kind: 'perUnit', terms: [{ input: input ?? '', points: 1 }], cap: points }),
  headlinePoints: (scoring) => scoring.cap ?? scoring.terms[0]?.points ?? 1,
};
