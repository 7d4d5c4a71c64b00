/**
 * Result page data without React: tier names, percentages for bars, and the rows of the
 * printed table laid out like Table C.1 of the standard (序号 / 评价内容 / 评价指标 / 评分规则 / 分值 / 得分).
 */
import { findTier, pick, weightWords } from '../../../engine/browser.ts';
import type { Group, Indicator, Language, RubricDocument, ScoreResult } from '../../../engine/browser.ts';
import { message } from '../i18n/message.ts';

export { pick };

export function tierLabel(doc: RubricDocument | undefined, tier: string | null, lang: Language): string {
  if (tier === null) return message('result.noTier', lang);
  return pick(doc && findTier(doc.tiers, tier)?.label, lang) || tier;
}

/** Share of the maximum as a percentage between 0 and 100, for bar widths. */
export function percent(points: number, max: number): number {
  if (max <= 0) return 0;
  return Math.max(0, Math.min(100, (points / max) * 100));
}

export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`;
}

export interface TableRow {
  /** Top-level group title, on the first row of the group only (rowSpan rows). */
  content: { text: string; rowSpan: number } | null;
  /** Indicator number and title, on the first row of the indicator only. */
  indicator: { number: string; title: string; rowSpan: number } | null;
  rule: string;
  max: number;
  points: number | null;
}

/** One row per criterion, grouped like Table C.1: content (top group) → indicator → scoring rule. */
export function tableRows(doc: RubricDocument, result: ScoreResult, lang: Language): TableRow[] {
  const rows: TableRow[] = [];
  const withPoints = (title: string, n: number): string => (lang === 'zh' ? `${title}（${n}）` : `${title} (${n})`);
  const points = new Map(result.criteria.map((c) => [c.id, c.points]));
  // A weighted group says its weight and credits, the rest their points.
  const groupHeading = (group: Group): string => {
    const weight = weightWords(group, lang);
    if (!weight) return withPoints(pick(group.title, lang), group.points);
    return lang === 'zh' ? `${pick(group.title, lang)}（${weight}）` : `${pick(group.title, lang)} (${weight})`;
  };
  const indicatorsOf = (group: Group): Indicator[] => [...(group.indicators ?? []), ...(group.groups ?? []).flatMap(indicatorsOf)];
  for (const group of doc.groups) {
    const indicators = indicatorsOf(group);
    const groupRows = indicators.reduce((n, i) => n + Math.max(1, i.criteria.length), 0);
    let firstOfGroup = true;
    for (const indicator of indicators) {
      indicator.criteria.forEach((criterion, i) => {
        rows.push({
          content: firstOfGroup ? { text: groupHeading(group), rowSpan: groupRows } : null,
          indicator: i === 0 ? { number: indicator.number ?? '', title: withPoints(pick(indicator.title, lang), indicator.points), rowSpan: indicator.criteria.length } : null,
          rule: pick(criterion.title, lang),
          max: criterion.points,
          points: points.get(criterion.id) ?? null,
        });
        firstOfGroup = false;
      });
    }
  }
  return rows;
}
