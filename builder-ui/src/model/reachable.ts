/**
 * What an incomplete result can still become, as words without React: the total so far, the
 * reachable range, the tier (determined, or the tiers still possible) and the missing answers that
 * decide it, always by the labels the rubric gives (tier labels, input labels), never by ids.
 */
import { findTier, pick } from '../../../engine/browser.ts';
import type { Language, Localized, Reachable, RubricDocument } from '../../../engine/browser.ts';
import { joinWords, message } from '../i18n/message.ts';

/** Turns tier ids and input ids into the labels a reader knows. */
export interface LabelNames {
  tier: (id: string) => string;
  input: (id: string) => string;
}

/** Labels from a rubric document (the result page, previews); an id only when the document lacks it. */
export function documentNames(doc: RubricDocument | undefined, lang: Language): LabelNames {
  return {
    tier: (id) => pick(doc && findTier(doc.tiers, id)?.label, lang) || id,
    input: (id) => pick(doc?.inputs.find((i) => i.id === id)?.label, lang) || id,
  };
}

/** Labels from label tables (the impact report's `inputLabels` and `transitions.labels`). */
export function tableNames(tiers: Record<string, Localized>, inputs: Record<string, Localized>, lang: Language): LabelNames {
  return {
    tier: (id) => pick(Object.hasOwn(tiers, id) ? tiers[id] : undefined, lang) || id,
    input: (id) => pick(Object.hasOwn(inputs, id) ? inputs[id] : undefined, lang) || id,
  };
}

/** Trims float noise (72.50000000001 → 72.5) without rounding real decimals away. */
export const formatPoints = (n: number): string => String(Number(n.toFixed(4)));

/** "72.5–97.5"; one number when both ends meet. */
export const formatRange = (min: number, max: number): string => (min === max ? formatPoints(min) : `${formatPoints(min)}–${formatPoints(max)}`);

/** A list in the language's way: 、 in Chinese, ", " in English. */
export const joinLabels = joinWords;

/** The parts of the "so far … reachable … tier … decided by …" line, each already in words. */
export interface ReachableParts {
  /** "目前得分 72.5" / "so far 72.5". */
  soFar: string;
  /** "可达 72.5–97.5" / "reachable 72.5–97.5". */
  range: string;
  /** "档次：示范型（已确定）" or "可能档次：基础型、标准型" (and the English). */
  tier: string;
  /** Just the tier words after the colon, for a table cell or a headline value. */
  tierValue: string;
  /** "取决于：<input labels>" / "decided by: …"; null when no missing answer can change the tier. */
  decidedBy: string | null;
}

/** The reachable line's parts for a result whose total so far is `soFar`. */
export function reachableParts(reachable: Reachable, soFar: number, names: LabelNames, lang: Language): ReachableParts {
  const colon = message('common.colon', lang);
  const tierValue =
    reachable.determined !== null
      ? `${names.tier(reachable.determined)}${message('reachable.determined', lang)}`
      : reachable.tiers.length === 0
        ? message('reachable.noTier', lang)
        : joinLabels(reachable.tiers.map(names.tier), lang);
  const tierWord = message(reachable.determined !== null || reachable.tiers.length === 0 ? 'reachable.tier' : 'reachable.possible', lang);
  return {
    soFar: `${message('reachable.soFar', lang)} ${formatPoints(soFar)}`,
    range: `${message('reachable.reachable', lang)} ${formatRange(reachable.total.min, reachable.total.max)}`,
    tier: `${tierWord}${colon}${tierValue}`,
    tierValue,
    decidedBy: reachable.deciding.length ? `${message('reachable.decidedBy', lang)}${colon}${joinLabels(reachable.deciding.map(names.input), lang)}` : null,
  };
}

/** The whole line: "so far 72.5; reachable 72.5–97.5; possible tiers: Basic, Standard; decided by: …". */
export function reachableLine(reachable: Reachable, soFar: number, names: LabelNames, lang: Language): string {
  const parts = reachableParts(reachable, soFar, names, lang);
  return [parts.soFar, parts.range, parts.tier, parts.decidedBy].filter((p): p is string => p !== null).join(message('common.listSeparator', lang));
}
