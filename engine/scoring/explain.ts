/**
 * Words for scoring rules and results, in Chinese and English: the help text of form fields
 * and the explanation line of every criterion.
 */
import { show } from './decimal.ts';
import { pick } from '../document/localized.ts';
import type { RubricIndex } from '../document/structure.ts';
import { kindOf } from '../kinds/registry.ts';
import { resultFact, resultFactWords } from '../document/result-facts.ts';
import type { Condition, ConditionValue, Criterion, CriterionResult, FactCondition, InputValues, Language, Localized, Operator, Scoring, ScoringRule } from '../types.ts';

/** One sentence saying how a scoring awards points, in the words of its kind. */
export function describeScoring(scoring: Scoring, index: RubricIndex, lang: Language): string {
  return kindOf(scoring).describe(scoring, { inputs: index.inputs }, lang);
}

const OPERATOR_WORDS: Record<Operator, { zh: string; en: string }> = {
  equal: { zh: '为', en: 'is' },
  notEqual: { zh: '不为', en: 'is not' },
  lessThan: { zh: '<', en: '<' },
  lessThanInclusive: { zh: '≤', en: '≤' },
  greaterThan: { zh: '>', en: '>' },
  greaterThanInclusive: { zh: '≥', en: '≥' },
  in: { zh: '为以下之一：', en: 'is one of' },
  notIn: { zh: '不为以下任一：', en: 'is none of' },
  contains: { zh: '包含', en: 'includes' },
  doesNotContain: { zh: '不包含', en: 'does not include' },
};

/** A condition in words, thresholds and option labels included: "满意率 ≥ 90 且 …" / "satisfaction ≥ 90 and …". */
export function describeCondition(condition: Condition, index: RubricIndex, lang: Language): string {
  const zh = lang === 'zh';
  const nested = (c: Condition): string => {
    const text = describeCondition(c, index, lang);
    return 'fact' in c || 'not' in c ? text : zh ? `（${text}）` : `(${text})`;
  };
  if ('all' in condition) return condition.all.map(nested).join(zh ? ' 且 ' : ' and ');
  if ('any' in condition) return condition.any.map(nested).join(zh ? ' 或 ' : ' or ');
  if ('not' in condition) return zh ? `并非（${describeCondition(condition.not, index, lang)}）` : `not (${describeCondition(condition.not, index, lang)})`;
  return describeFactCondition(condition, index, lang);
}

function describeFactCondition(condition: FactCondition, index: RubricIndex, lang: Language): string {
  const label = (id: string): string => pick(index.inputs.get(id)?.label, lang) || id;
  const input = index.inputs.get(condition.fact);
  const valueWords = (value: ConditionValue): string => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return label(value.fact);
    if (Array.isArray(value)) return value.map(valueWords).join(lang === 'zh' ? '、' : ', ');
    if (typeof value === 'boolean') return lang === 'zh' ? (value ? '“是”' : '“否”') : value ? 'yes' : 'no';
    if (typeof value === 'string') return pick(input?.options?.find((o) => o.value === value)?.label, lang) || value;
    return value === null ? '—' : show(value);
  };
  const result = resultFact(condition.fact);
  const subject = result ? resultFactWords(result, (id) => nodeTitle(index, id), lang) : `${label(condition.fact)}${condition.path ? ` ${condition.path}` : ''}`;
  const unit = typeof condition.value === 'number' && input?.unit ? ` ${pick(input.unit, lang)}` : '';
  const operator = OPERATOR_WORDS[condition.operator][lang];
  // Chinese words join without spaces; symbols (≥) and English keep them.
  const gap = lang === 'zh' && /^[\u4e00-\u9fff]/.test(operator) ? '' : ' ';
  return `${subject}${gap}${operator}${gap}${valueWords(condition.value)}${unit}`;
}

/** The title of the criterion, indicator or group with this id. */
export function nodeTitle(index: RubricIndex, id: string): Localized | undefined {
  return index.criterionById.get(id)?.criterion.title ?? index.indicators.find((e) => e.indicator.id === id)?.indicator.title ?? index.groups.find((e) => e.group.id === id)?.group.title;
}

/** A rule in words: when its conditions hold (if it has any), how it awards points. */
export function describeRule(rule: ScoringRule, index: RubricIndex, lang: Language): string {
  const how = describeScoring(rule.event.params, index, lang);
  const when = describeCondition(rule.conditions, index, lang);
  if (!when) return how;
  return lang === 'zh' ? `当${when}时，${how}` : `when ${when}: ${how}`;
}

/**
 * How a criterion scores, in words: its one rule, or its alternative rules with the best of them
 * counting (the core awards the rule that gives most, not the first that holds); a bonus says
 * what it depends on.
 */
export function describeCriterionScoring(criterion: Criterion, index: RubricIndex, lang: Language): string {
  const zh = lang === 'zh';
  const rules = criterion.rules.map((rule) => describeRule(rule, index, lang));
  let text = rules.length === 1 ? rules[0] : zh ? `以下规则中取得分最高的一条：${rules.map((r, i) => `(${i + 1}) ${r}`).join('；')}` : `the best of: ${rules.map((r, i) => `(${i + 1}) ${r}`).join('; ')}`;
  if (criterion.parent !== undefined) {
    const parent = index.criterionById.get(criterion.parent)?.criterion;
    const name = parent ? `${parent.id} ${pick(parent.title, lang)}` : criterion.parent;
    text += zh ? `（加分项：仅当 ${name} 得分条件成立时计分）` : ` (a bonus: counts only when ${name} holds)`;
  }
  return text;
}

/** describeScoring of the rules' scorings, per rubric index and language: the same words for every result, so made once. */
const scoringWords = new WeakMap<RubricIndex, Record<Language, Map<Scoring, string>>>();

function describeScoringOnce(scoring: Scoring, index: RubricIndex, lang: Language): string {
  let byLang = scoringWords.get(index);
  if (!byLang) {
    byLang = { zh: new Map(), en: new Map() };
    scoringWords.set(index, byLang);
  }
  const made = byLang[lang];
  let words = made.get(scoring);
  if (words === undefined) {
    words = describeScoring(scoring, index, lang);
    made.set(scoring, words);
  }
  return words;
}

/** The explanation line of a scored, inapplicable or unassessed criterion, in both languages, from the arithmetic and adjustments as the kinds wrote them. */
export function explainCriterion(
  result: Omit<CriterionResult, 'explanation'>,
  index: RubricIndex,
  detail: { arithmetic: Required<Localized>; adjustments: Required<Localized>[]; reason?: string } | undefined,
): Localized {
  const reason = detail?.reason;
  const entry = index.criterionById.get(result.id);
  const line = (lang: Language): string => {
    const zh = lang === 'zh';
    const head = `${pick(result.title, lang)} [${result.clause}]`;
    if (result.status === 'notApplicable') return zh ? `${head}：不适用（${reason}），${show(result.max)} 分不计入满分` : `${head}: not applicable (${reason}); its ${show(result.max)} points leave the maximum`;
    if (result.status === 'notAssessed') {
      const missing = result.missing.map((id) => pick(index.inputs.get(id)?.label, lang) || id).join(zh ? '、' : ', ');
      return zh ? `${head}：未评估，缺少 ${missing}` : `${head}: not assessed, missing ${missing}`;
    }
    const inputs = formatInputs(result.inputs, index, lang);
    if (result.rule === null) {
      const because = detail?.adjustments.length ? detail.adjustments.map((a) => a[lang]).join(zh ? '；' : '; ') : zh ? '条件不满足' : 'conditions not met';
      return zh ? `${head}：${because}，得 0 分（${inputs}）` : `${head}: ${because}, 0 points (${inputs})`;
    }
    const rule = entry?.criterion.rules[result.rule];
    const how = rule ? describeScoringOnce(rule.event.params, index, lang) : '';
    const adjustments = detail?.adjustments.map((a) => a[lang]) ?? [];
    const adjusted = adjustments.length ? (zh ? `（${adjustments.join('；')}）` : ` (${adjustments.join('; ')})`) : '';
    const arithmetic = detail?.arithmetic[lang] ?? '';
    return zh
      ? `${head}：${how}；${arithmetic}${adjusted}，得 ${show(result.points)}/${show(result.max)} 分（${inputs}）`
      : `${head}: ${how}; ${arithmetic}${adjusted}, ${show(result.points)} of ${show(result.max)} points (${inputs})`;
  };
  return { zh: line('zh'), en: line('en') };
}

function formatInputs(values: InputValues, index: RubricIndex, lang: Language): string {
  const entries = Object.entries(values);
  if (entries.length === 0) return lang === 'zh' ? '无输入' : 'no inputs';
  return entries
    .map(([id, value]) => {
      const input = index.inputs.get(id);
      // Options by their labels: people read them, not the keys the document stores.
      const option = (v: unknown): string => pick(input?.options?.find((o) => o.value === v)?.label, lang) || String(v);
      const shown =
        typeof value === 'boolean'
          ? lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no'
          : Array.isArray(value)
            ? `[${value.map(input?.options ? option : String).join(lang === 'zh' ? '、' : ', ')}]`
            : input?.options ? option(value) : String(value);
      return `${pick(input?.label, lang) || id} = ${shown}${input?.unit ? ` ${pick(input.unit, lang)}` : ''}`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}
