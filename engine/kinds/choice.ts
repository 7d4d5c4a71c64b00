/**
 * Points for the option chosen (an ordinal grade); for a multi-choice input, the highest points
 * among the options chosen (a level reached, not cumulative). An option not listed earns 0.
 */
import { dec, maxBig, minBig, show } from '../scoring/decimal.ts';
import { own } from '../document/lookup.ts';
import { issue } from '../document/issues.ts';
import { INPUT_FIELD, inputLabel, optionLabel, same, type ScoringIssue, type ScoringKind, words } from './kind.ts';
import type { Language, Localized } from '../types.ts';

export interface ChoiceScoring {
  kind: 'choice';
  input: string;
  points: Record<string, number>;
}

const messages = {
  notAnOption: (option: string, input: string, options: readonly string[]): Required<Localized> => ({
    en: `"${option}" is not an option of input "${input}" (options: ${options.join(', ')}): correct the key`,
    zh: `"${option}" 不是输入项 "${input}" 的选项（可选：${options.join('、')}）：请更正 "points" 中的该键`,
  }),
  lowerGradeEarnsMore: (low: Required<Localized>, lowValue: string, lowPoints: string, high: Required<Localized>, highValue: string, highPoints: string): Required<Localized> => ({
    en: `lower grade "${low.en}" (${lowValue}) earns ${lowPoints}, as much as or more than the higher grade "${high.en}" (${highValue}, ${highPoints}): probably meant less`,
    zh: `较低等级 "${low.zh}"（${lowValue}）得 ${lowPoints} 分，不少于较高等级 "${high.zh}"（${highValue}，${highPoints} 分）：可能应更少`,
  }),
};

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
  award(scoring, inputs, context) {
    const value = own(inputs, scoring.input);
    const chosen = (Array.isArray(value) ? value : [value]).map(String);
    const scored = chosen.filter((option) => Object.hasOwn(scoring.points, option));
    // Options by their labels, never their keys: the arithmetic is read by people.
    const named = (options: string[], lang: Language, join: string): string => options.map((o) => optionLabel(context, scoring.input, o, lang)).join(join);
    if (scored.length === 0) return { amount: dec(0), arithmetic: chosen.length ? { zh: `${named(chosen, 'zh', '、')} → 0`, en: `${named(chosen, 'en', ', ')} → 0` } : same('— → 0'), adjustments: [] };
    const best = scored.reduce((a, b) => (scoring.points[b] > scoring.points[a] ? b : a));
    // Several options chosen: the highest counts, said in words in Chinese (a Chinese page holds no Latin function names).
    const text = (lang: Language): string => {
      if (scored.length === 1) return optionLabel(context, scoring.input, best, lang);
      const each = scored.map((o) => `${optionLabel(context, scoring.input, o, lang)} ${show(scoring.points[o])}`);
      return lang === 'zh' ? `取最高（${each.join('，')}）` : `max(${each.join(', ')})`;
    };
    const points = show(scoring.points[best]);
    return {
      amount: dec(scoring.points[best]),
      arithmetic: { zh: `${text('zh')} → ${points}`, en: `${text('en')} → ${points}` },
      adjustments: scored.length > 1 ? [{ zh: '只按最高级别计分，不累加', en: 'highest level only, not cumulative' }] : [],
    };
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
    return Object.keys(scoring.points)
      .filter((option) => !values.has(option))
      .map((option): ScoringIssue => issue(`/points/${option}`, messages.notAnOption(option, scoring.input, [...values])));
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
        const [lowLabel, highLabel] = [gradeLabel(low.label, low.value), gradeLabel(high.label, high.value)];
        issues.push(issue(`/points/${low.value}`, messages.lowerGradeEarnsMore(lowLabel, low.value, show(lowPoints), highLabel, high.value, show(highPoints))));
      }
    }
    return issues;
  },
  messages,
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

/** An option's label in each language (either falls back to the other, then to its value). */
function gradeLabel(label: Localized, value: string): Required<Localized> {
  return { zh: label.zh ?? label.en ?? value, en: label.en ?? label.zh ?? value };
}
