/**
 * Words for scoring rules and results, in Chinese and English: the help text of form fields
 * and the explanation line of every criterion.
 */
import { show } from './decimal.ts';
import { pick, type RubricIndex } from '../document/structure.ts';
import type { CriterionResult, Deduction, InputValues, Language, Localized, Scoring } from '../types.ts';

/** One sentence saying how a scoring kind awards points. */
export function describeScoring(scoring: Scoring, index: RubricIndex, lang: Language): string {
  const label = (id: string): string => pick(index.inputs.get(id)?.label, lang) || id;
  const zh = lang === 'zh';
  const cap = (value: number | undefined): string => (value === undefined ? '' : zh ? `，最高 ${show(value)} 分` : `, at most ${show(value)}`);
  switch (scoring.kind) {
    case 'fixed':
      return zh ? `符合条件得 ${show(scoring.points)} 分` : `${show(scoring.points)} points when the condition holds`;
    case 'perUnit':
      return (
        scoring.terms.map((t) => (zh ? `${label(t.input)}每个 ${show(t.points)} 分` : `${show(t.points)} per unit of ${label(t.input)}`)).join(zh ? '，' : ', ') +
        cap(scoring.cap)
      );
    case 'perBlock':
      return (zh ? `${label(scoring.input)}每满 ${show(scoring.blockSize)} 得 ${show(scoring.points)} 分` : `${show(scoring.points)} per full ${show(scoring.blockSize)} of ${label(scoring.input)}`) + cap(scoring.cap);
    case 'deduction': {
      const terms = scoring.deductions.map((t) => describeDeduction(t, label(t.input), zh)).join(zh ? '；' : '; ');
      return zh ? `${show(scoring.start)} 分起：${terms}；不低于 ${show(scoring.floor)} 分` : `from ${show(scoring.start)}: ${terms}; not below ${show(scoring.floor)}`;
    }
    case 'proportional':
      return zh
        ? `${show(scoring.points)} 分 × ${label(scoring.input)} ÷ ${show(scoring.fullAt)}`
        : `${show(scoring.points)} × ${label(scoring.input)} / ${show(scoring.fullAt)}`;
    case 'choice': {
      const input = index.inputs.get(scoring.input);
      const options = Object.entries(scoring.points)
        .map(([value, points]) => `${pick(input?.options?.find((o) => o.value === value)?.label, lang) || value} ${show(points)}`)
        .join(zh ? '、' : ', ');
      const multi = input?.type === 'multiChoice' ? (zh ? '（取最高，不累加）' : ' (highest only, not cumulative)') : '';
      return zh ? `按${label(scoring.input)}：${options}${multi}` : `by ${label(scoring.input)}: ${options}${multi}`;
    }
  }
}

function describeDeduction(term: Deduction, label: string, zh: boolean): string {
  const points = show(term.points);
  if (term.below === undefined) {
    if (term.when !== undefined) return zh ? `${label}为“${term.when ? '是' : '否'}”扣 ${points} 分` : `−${points} if ${label} is ${term.when ? 'yes' : 'no'}`;
    return zh ? `${label}每处扣 ${points} 分` : `−${points} per ${label}`;
  }
  if (term.blockSize === undefined) return zh ? `${label}低于 ${show(term.below)} 时每少 1 扣 ${points} 分` : `−${points} per unit of ${label} short of ${show(term.below)}`;
  const blocks = term.blocks === 'started' ? (zh ? '（不足一档按一档计）' : ' (a started block counts)') : zh ? '（按满档计）' : ' (full blocks only)';
  return zh
    ? `${label}低于 ${show(term.below)} 时每少 ${show(term.blockSize)} 扣 ${points} 分${blocks}`
    : `−${points} per ${show(term.blockSize)} of ${label} short of ${show(term.below)}${blocks}`;
}

/** The explanation line of a scored, inapplicable or unassessed criterion, in both languages. */
export function explainCriterion(result: Omit<CriterionResult, 'explanation'>, index: RubricIndex, reason: string | undefined): Localized {
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
      const because = result.adjustments.length ? result.adjustments.join(zh ? '；' : '; ') : zh ? '条件不满足' : 'conditions not met';
      return zh ? `${head}：${because}，得 0 分（${inputs}）` : `${head}: ${because}, 0 points (${inputs})`;
    }
    const rule = entry?.criterion.rules[result.rule];
    const how = rule ? describeScoring(rule.event.params, index, lang) : '';
    const adjusted = result.adjustments.length ? (zh ? `（${result.adjustments.join('；')}）` : ` (${result.adjustments.join('; ')})`) : '';
    return zh
      ? `${head}：${how}；${result.arithmetic}${adjusted}，得 ${show(result.points)}/${show(result.max)} 分（${inputs}）`
      : `${head}: ${how}; ${result.arithmetic}${adjusted}, ${show(result.points)} of ${show(result.max)} points (${inputs})`;
  };
  return { zh: line('zh'), en: line('en') };
}

function formatInputs(values: InputValues, index: RubricIndex, lang: Language): string {
  const entries = Object.entries(values);
  if (entries.length === 0) return lang === 'zh' ? '无输入' : 'no inputs';
  return entries
    .map(([id, value]) => {
      const input = index.inputs.get(id);
      const shown = typeof value === 'boolean' ? (lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no') : Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
      return `${pick(input?.label, lang) || id} = ${shown}${input?.unit ? ` ${pick(input.unit, lang)}` : ''}`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}
