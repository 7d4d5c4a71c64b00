/**
 * Supplementary answers and carried-forward drafts, without React: which newer versions an
 * assessment can be supplemented under, which inputs such a version asks that the assessment never
 * answered, how a widget's text becomes an input value, and the words for a carry-forward flag.
 */
import type { InputDefinition, InputValue, InputValues, Language, Localized, RubricDocument } from '../../../engine/browser.ts';
import { own } from '../../../engine/browser.ts';

/** Compares two version numbers (`1.10.0` after `1.9.2`); pre-release tags sort before the release. */
export function compareVersions(a: string, b: string): number {
  const [mainA, preA] = a.split('-', 2);
  const [mainB, preB] = b.split('-', 2);
  const partsA = mainA.split('.').map(Number);
  const partsB = mainB.split('.').map(Number);
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const diff = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

/** The versions after `current` (published or draft), newest first. */
export function newerVersions<V extends { version: string }>(versions: V[], current: string): V[] {
  return versions.filter((v) => compareVersions(v.version, current) > 0).sort((a, b) => compareVersions(b.version, a.version));
}

/**
 * The inputs a version asks that the assessment never answered when it was assessed, in the
 * version's order. With how the version carried the answers (the rescore's mapping), an input it
 * reads from a renamed old one counts as answered, and one filled by a default may still be
 * answered; without it, by id.
 */
export function unansweredInputs(doc: RubricDocument, inputs: InputValues, carried?: { missing: string[]; supplied: string[]; defaulted: string[] }): InputDefinition[] {
  if (!carried) return doc.inputs.filter((input) => own(inputs, input.id) === undefined);
  const open = new Set([...carried.missing, ...carried.supplied, ...carried.defaulted]);
  return doc.inputs.filter((input) => open.has(input.id));
}

/** A localized text in the language asked, else the other one. */
export function localized(text: Localized | undefined, lang: Language): string {
  return (lang === 'zh' ? (text?.zh ?? text?.en) : (text?.en ?? text?.zh)) ?? '';
}

/** The label of an input of a version, never its id unless the version lacks it. */
export function inputLabel(doc: RubricDocument | undefined, id: string, lang: Language): string {
  return localized(doc?.inputs.find((i) => i.id === id)?.label, lang) || id;
}

/** What a supplement widget holds: yes/no, a number or a choice as text, checked options, or a series as text. */
export type DraftValue = string | string[];

/**
 * The value of a widget as the input's type asks; null with a sentence when it does not read
 * (the server checks ranges and options again).
 */
export function parseDraftValue(input: InputDefinition, draft: DraftValue | undefined, lang: Language): { value: InputValue } | { problem: string } {
  const zh = lang === 'zh';
  const empty = draft === undefined || (Array.isArray(draft) ? draft.length === 0 : draft.trim() === '');
  if (empty && input.type !== 'multiChoice') return { problem: zh ? '请先填写答案。' : 'Give an answer first.' };
  switch (input.type) {
    case 'boolean':
      return draft === 'true' ? { value: true } : draft === 'false' ? { value: false } : { problem: zh ? '请选择是或否。' : 'Choose yes or no.' };
    case 'count':
    case 'number':
    case 'percentage': {
      const n = Number(String(draft).trim());
      if (!Number.isFinite(n)) return { problem: zh ? '请填写数字。' : 'Give a number.' };
      if (input.type === 'count' && !Number.isInteger(n)) return { problem: zh ? '请填写整数。' : 'Give a whole number.' };
      return { value: n };
    }
    case 'choice':
      return (input.options ?? []).some((o) => o.value === draft) ? { value: String(draft) } : { problem: zh ? '请选择一个选项。' : 'Choose an option.' };
    case 'multiChoice':
      return { value: Array.isArray(draft) ? draft : [] };
    case 'series': {
      const items = String(draft)
        .split(/[;；,，\s]+/)
        .filter(Boolean)
        .map(Number);
      return items.every(Number.isFinite) ? { value: items } : { problem: zh ? '请用逗号分隔的数字填写。' : 'Give numbers separated by commas.' };
    }
  }
  return { problem: zh ? '无法识别该输入类型。' : 'This kind of input cannot be answered here.' };
}

/** A stored value in words: yes/no and option labels by the version's labels. */
export function valueText(input: InputDefinition | undefined, value: InputValue, lang: Language): string {
  const zh = lang === 'zh';
  if (typeof value === 'boolean') return value ? (zh ? '是' : 'yes') : zh ? '否' : 'no';
  const option = (v: string): string => localized(input?.options?.find((o) => o.value === v)?.label, lang) || v;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' && input?.type === 'multiChoice' ? option(v) : String(v))).join(zh ? '、' : ', ');
  if (typeof value === 'string' && input?.type === 'choice') return option(value);
  return String(value);
}

export type CarryFlag = 'added' | 'changed' | 'unanswered';

const FLAG_WORDS: Record<CarryFlag, Localized> = {
  added: { zh: '新增', en: 'added' },
  changed: { zh: '评分已改', en: 'changed' },
  unanswered: { zh: '待回答', en: 'unanswered' },
};

/** A carry-forward flag in words. */
export function flagWords(flag: CarryFlag, lang: Language): string {
  return localized(FLAG_WORDS[flag], lang);
}

const KIND_WORDS: Record<string, Localized> = { 'mid-term': { zh: '中期', en: 'mid-term' }, final: { zh: '终期', en: 'final' }, quarterly: { zh: '季度', en: 'quarterly' } };

/** A period in words: "2025 终期" / "2025 final". */
export function periodText(period: { year: number; kind: string }, lang: Language): string {
  return `${period.year} ${localized(KIND_WORDS[period.kind], lang) || period.kind}`;
}
