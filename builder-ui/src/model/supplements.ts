/**
 * Supplementary answers and carried-forward drafts, without React: which newer versions an
 * assessment can be supplemented under, which inputs such a version asks that the assessment never
 * answered, how a widget's text becomes an input value, and the words for a carry-forward flag.
 */
import type { InputDefinition, InputValue, InputValues, Language, Localized, RubricDocument } from '../../../engine/browser.ts';
import { own, type PeriodKindDefinition, periodWords } from '../../../engine/browser.ts';
import { joinWords, localized as inLanguage, message } from '../i18n/message.ts';

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

/** A localized text in the language asked, else the other one (the catalogue's `localized`). */
export function localized(text: Localized | undefined, lang: Language): string {
  return inLanguage(text, lang);
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
  const problem = (key: 'empty' | 'boolean' | 'number' | 'integer' | 'choice' | 'series' | 'unknown'): { problem: string } => ({ problem: message(`value.problem.${key}`, lang) });
  const empty = draft === undefined || (Array.isArray(draft) ? draft.length === 0 : draft.trim() === '');
  if (empty && input.type !== 'multiChoice') return problem('empty');
  switch (input.type) {
    case 'boolean':
      return draft === 'true' ? { value: true } : draft === 'false' ? { value: false } : problem('boolean');
    case 'count':
    case 'number':
    case 'percentage': {
      const n = Number(String(draft).trim());
      if (!Number.isFinite(n)) return problem('number');
      if (input.type === 'count' && !Number.isInteger(n)) return problem('integer');
      return { value: n };
    }
    case 'choice':
      return (input.options ?? []).some((o) => o.value === draft) ? { value: String(draft) } : problem('choice');
    case 'multiChoice':
      return { value: Array.isArray(draft) ? draft : [] };
    case 'series': {
      const items = String(draft)
        .split(/[;；,，\s]+/)
        .filter(Boolean)
        .map(Number);
      return items.every(Number.isFinite) ? { value: items } : problem('series');
    }
  }
  return problem('unknown');
}

/** A stored value in words: yes/no and option labels by the version's labels. */
export function valueText(input: InputDefinition | undefined, value: InputValue, lang: Language): string {
  if (typeof value === 'boolean') return message(value ? 'value.yes' : 'value.no', lang);
  const option = (v: string): string => localized(input?.options?.find((o) => o.value === v)?.label, lang) || v;
  if (Array.isArray(value)) return joinWords(value.map((v) => (typeof v === 'string' && input?.type === 'multiChoice' ? option(v) : String(v))), lang);
  if (typeof value === 'string' && input?.type === 'choice') return option(value);
  return String(value);
}

export type CarryFlag = 'added' | 'changed' | 'unanswered';

/** A carry-forward flag in words. */
export function flagWords(flag: CarryFlag, lang: Language): string {
  return message(`carried.flag.${flag}`, lang);
}

/** A period in words: "2025 终期" / "2025 final", by the deployment profile's period kinds (Appendix C's unless given). */
export function periodText(period: { year: number; kind: string }, lang: Language, kinds?: readonly PeriodKindDefinition[]): string {
  return periodWords(period, lang, kinds);
}
