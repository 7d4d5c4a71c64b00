/**
 * Points for the option chosen (an ordinal grade); for a multi-choice input, the highest points
 * among the options chosen (a level reached, not cumulative). An option not listed earns 0.
 */
import { dec, maxBig, minBig, show } from '../scoring/decimal.ts';
import { own } from '../document/lookup.ts';
import { INPUT_FIELD, inputLabel, optionLabel, type ScoringIssue, type ScoringKind, words } from './kind.ts';

export interface ChoiceScoring {
  kind: 'choice';
  input: string;
  points: Record<string, number>;
}

export const choice: ScoringKind<ChoiceScoring> = {
  kind: 'choice',
  label: words('按选项', 'By option'),
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'input', 'points'],
    properties: {
      kind: true,
      input: { $ref: '#/$defs/key' },
      points: { type: 'object', minProperties: 1, maxProperties: 100, propertyNames: { $ref: '#/$defs/key' }, additionalProperties: { $ref: '#/$defs/points' } },
    },
  },
  inputTypes: ['choice', 'multiChoice'],
  inputsRead: (scoring) => [scoring.input],
  renameInput: (scoring, from, to) => (scoring.input === from ? { ...scoring, input: to } : scoring),
  award(scoring, inputs) {
    const value = own(inputs, scoring.input);
    const chosen = (Array.isArray(value) ? value : [value]).map(String);
    const scored = chosen.filter((option) => Object.hasOwn(scoring.points, option));
    if (scored.length === 0) return { amount: dec(0), arithmetic: chosen.length ? `${chosen.join(', ')} → 0` : '— → 0', adjustments: [] };
    const best = scored.reduce((a, b) => (scoring.points[b] > scoring.points[a] ? b : a));
    const text = scored.length > 1 ? `max(${scored.map((o) => `${o} ${show(scoring.points[o])}`).join(', ')})` : best;
    return { amount: dec(scoring.points[best]), arithmetic: `${text} → ${show(scoring.points[best])}`, adjustments: scored.length > 1 ? ['highest level only, not cumulative'] : [] };
  },
  range(scoring, { inputs }) {
    const input = inputs.get(scoring.input);
    const options = input?.options?.map((o) => o.value) ?? Object.keys(scoring.points);
    // An option missing from `points` earns 0, whatever its name ("constructor" included).
    const values = options.map((o) => dec(own(scoring.points, o) ?? 0));
    const max = values.reduce((a, b) => maxBig(a, b), dec(0));
    // A multi-choice may be left empty; a choice must pick an option.
    const min = input?.type === 'multiChoice' ? dec(0) : values.reduce((a, b) => minBig(a, b), max);
    return { min, max };
  },
  describe(scoring, c, lang) {
    const options = Object.entries(scoring.points)
      .map(([value, points]) => `${optionLabel(c, scoring.input, value, lang)} ${show(points)}`)
      .join(lang === 'zh' ? '、' : ', ');
    const multi = c.inputs.get(scoring.input)?.type === 'multiChoice' ? (lang === 'zh' ? '（取最高，不累加）' : ' (highest only, not cumulative)') : '';
    return lang === 'zh' ? `按${inputLabel(c, scoring.input, lang)}：${options}${multi}` : `by ${inputLabel(c, scoring.input, lang)}: ${options}${multi}`;
  },
  check(scoring, { inputs }) {
    const input = inputs.get(scoring.input);
    if (!input) return [];
    const values = new Set((input.options ?? []).map((o) => o.value));
    const listed = [...values].join(', ');
    return Object.keys(scoring.points)
      .filter((option) => !values.has(option))
      .map((option): ScoringIssue => ({ path: `/points/${option}`, message: `"${option}" is not an option of input "${scoring.input}" (options: ${listed}): correct the key` }));
  },
  lint(scoring, { inputs }) {
    // An ordinal choice where a lower grade earns as much as, or more than, a higher one.
    const input = inputs.get(scoring.input);
    if (!input?.ordered || !input.options) return [];
    const options = input.options;
    const issues: ScoringIssue[] = [];
    for (let lower = 0; lower + 1 < options.length; lower++) {
      const [low, high] = [options[lower], options[lower + 1]];
      const lowPoints = own(scoring.points, low.value) ?? 0;
      const highPoints = own(scoring.points, high.value) ?? 0;
      if (lowPoints >= highPoints && highPoints > 0) {
        issues.push({
          path: `/points/${low.value}`,
          message: `lower grade "${low.label.zh ?? low.label.en}" (${low.value}) earns ${show(lowPoints)}, as much as or more than the higher grade "${high.label.zh ?? high.label.en}" (${high.value}, ${show(highPoints)}): probably meant less`,
        });
      }
    }
    return issues;
  },
  effort: 'step',
  fields: [
    { ...INPUT_FIELD, label: words('选项输入', 'Choice input') },
    { type: 'optionPoints', key: 'points', label: words('各选项得分', 'Points per option'), inputKey: 'input' },
  ],
  create(input, _points, { inputs }) {
    const options = (input && inputs.get(input)?.options) || [];
    return { kind: 'choice', input: input ?? '', points: Object.fromEntries(options.map((o) => [o.value, 0])) };
  },
  headlinePoints: (scoring) => Math.max(0, ...Object.values(scoring.points)),
};
