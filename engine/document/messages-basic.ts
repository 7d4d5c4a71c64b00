/**
 * The entries of the engine's message catalogue (messages.ts, which includes them) that the
 * modules an assessor's browser loads need: tier bounds (scoring/tiers.ts) and capped issue lists
 * (issues.ts). Kept apart so that loading tiers does not load every validation message.
 */
import type { Localized } from '../types.ts';

type MessageText = Required<Localized>;

export const BASIC_MESSAGES = {
  // Tiers ----------------------------------------------------------------------------------------
  tierEmpty: (tier: string): MessageText => ({
    en: `tier "${tier}" is empty: its min must lie below its max`,
    zh: `档次 "${tier}" 的区间为空：请使其 min 小于 max`,
  }),
  lowestTierStart: (): MessageText => ({
    en: 'the lowest tier must start at ratio 0 inclusive: set min to {"value": 0, "inclusive": true} (tiers are listed lowest first)',
    zh: '最低档次须从得分率 0（含）起：请将 min 设为 {"value": 0, "inclusive": true}（档次按从低到高排列）',
  }),
  highestTierEnd: (): MessageText => ({
    en: 'the highest tier must end at ratio 1 inclusive: set max to {"value": 1, "inclusive": true}',
    zh: '最高档次须止于得分率 1（含）：请将 max 设为 {"value": 1, "inclusive": true}',
  }),
  tierGap: (below: number, above: number, tier: string): MessageText => ({
    en: `gap between ${below} and ${above}: start tier "${tier}" at ${below}`,
    zh: `得分率 ${below} 与 ${above} 之间没有档次：请让档次 "${tier}" 从 ${below} 起`,
  }),
  tierOverlap: (tier: string, below: number): MessageText => ({
    en: `tier "${tier}" overlaps the tier below it: start it at ${below} (tiers are listed lowest first)`,
    zh: `档次 "${tier}" 与其下一档次重叠：请让其从 ${below} 起（档次按从低到高排列）`,
  }),
  tierBoundary: (ratio: number, inBoth: boolean, lower: string, upper: string): MessageText => ({
    en: `ratio ${ratio} is ${inBoth ? 'in both' : 'in neither'} "${lower}" and "${upper}": make exactly one of the two bounds inclusive`,
    zh: `得分率 ${ratio} ${inBoth ? `同时属于 "${lower}" 和 "${upper}"` : `既不属于 "${lower}"，也不属于 "${upper}"`}：请使两个边界中恰有一个含端点（inclusive）`,
  }),

  // Capped lists ---------------------------------------------------------------------------------
  moreIssues: (count: number, kind: 'error' | 'warning'): MessageText => ({
    en: `… and ${count.toLocaleString('en')} more ${kind}${count > 1 ? 's' : ''} of the same kinds: fix these first and validate again`,
    zh: `…… 另有 ${count} 条同类${kind === 'error' ? '错误' : '警告'}：请先修正以上各条，再重新验证`,
  }),
};
