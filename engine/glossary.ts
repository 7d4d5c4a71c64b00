/**
 * The words Rubric Studio uses for its own concepts, in both languages: the UI's message
 * catalogue and every export read them here, so a screen and the spreadsheet made from it
 * never call one thing by two names (档次, not 类型; 候选, not 修订).
 */
import { APPENDIX_C_DEPLOYMENT, type PeriodKindDefinition, periodKindLabel } from './deployment.ts';
import type { Language, Localized } from './types.ts';

export const GLOSSARY = {
  rubric: { zh: '评价细则', en: 'rubric' },
  version: { zh: '版本', en: 'version' },
  tier: { zh: '档次', en: 'tier' },
  assessment: { zh: '评价', en: 'assessment' },
  assessor: { zh: '评价人', en: 'assessor' },
  period: { zh: '评价期', en: 'period' },
  community: { zh: '社区', en: 'community' },
  street: { zh: '街道', en: 'street' },
  base: { zh: '基准', en: 'base' },
  candidate: { zh: '候选', en: 'candidate' },
  indicator: { zh: '指标', en: 'indicator' },
  criterion: { zh: '评分项', en: 'criterion' },
  input: { zh: '输入项', en: 'input' },
  requirement: { zh: '要求', en: 'requirement' },
  gate: { zh: '门槛', en: 'gate' },
  total: { zh: '总分', en: 'total' },
  draft: { zh: '草稿', en: 'draft' },
  published: { zh: '已发布', en: 'published' },
  submitted: { zh: '已提交', en: 'submitted' },
  supplement: { zh: '补充答案', en: 'supplementary answer' },
} as const satisfies Record<string, Localized>;

export type Term = keyof typeof GLOSSARY;

/** Whether a version's result is whole: every answer given, one missing, or rejected (impact reports). */
export const SCORE_STATUSES = {
  complete: { zh: '已评完', en: 'complete' },
  incomplete: { zh: '未评完', en: 'incomplete' },
  invalid: { zh: '无效', en: 'invalid' },
} as const satisfies Record<string, Localized>;

/** A baseline requirement's finding, in words. */
export const FINDINGS = {
  met: { zh: '满足', en: 'met' },
  notMet: { zh: '不满足', en: 'not met' },
  notAssessed: { zh: '未评价', en: 'not assessed' },
} as const satisfies Record<string, Localized>;

/** How binding a requirement is, in the words of standards (应 / 宜 / 可). */
export const MODALITIES = {
  shall: { zh: '应（要求）', en: 'shall (requirement)' },
  should: { zh: '宜（推荐）', en: 'should (recommendation)' },
  may: { zh: '可（允许）', en: 'may (permission)' },
} as const satisfies Record<string, Localized>;

/**
 * A period in words: "2025 终期" / "2025 final", the kind by its label in `kinds` (the deployment
 * profile's period kinds; Appendix C's by default). Takes the record's `{year, kind}` or the
 * "2025 final" text that impact reports and result rows carry (the form supplement files use too);
 * a kind the profile does not know stays as written.
 */
export function periodWords(period: { year: number; kind: string } | string, lang: Language, kinds: readonly PeriodKindDefinition[] = APPENDIX_C_DEPLOYMENT.periodKinds): string {
  const { year, kind } = typeof period === 'string' ? splitPeriod(period) : period;
  const words = periodKindLabel(kinds, kind, lang);
  return year === '' ? words : `${year} ${words}`;
}

function splitPeriod(text: string): { year: number | string; kind: string } {
  const match = /^(\d{4}) (\S+)$/.exec(text.trim());
  return match ? { year: match[1], kind: match[2] } : { year: '', kind: text };
}
