/**
 * The entries of the engine's message catalogue (messages.ts, which includes them) that the
 * modules an assessor's browser loads need: tier bounds (scoring/tiers.ts) and capped issue lists
 * (issues.ts). Kept apart so that loading tiers does not load every validation message.
 */
import type { Localized, TierBasis } from '../types.ts';

type MessageText = Required<Localized>;

/** What a bound is compared with, by basis: the word messages name it by. */
const BASIS_WORD: Record<TierBasis, MessageText> = { ratio: { en: 'ratio', zh: '得分率' }, points: { en: 'total', zh: '总分' } };

export const BASIC_MESSAGES = {
  // Tiers ----------------------------------------------------------------------------------------
  tierEmpty: (tier: string): MessageText => ({
    en: `tier "${tier}" is empty: its min must lie below its max`,
    zh: `档次 "${tier}" 的区间为空：请使其 min 小于 max`,
  }),
  lowestTierStart: (basis: TierBasis): MessageText =>
    basis === 'ratio'
      ? {
          en: 'the lowest tier must start at ratio 0 inclusive: set min to {"value": 0, "inclusive": true} (tiers are listed lowest first)',
          zh: '最低档次须从得分率 0（含）起：请将 min 设为 {"value": 0, "inclusive": true}（档次按从低到高排列）',
        }
      : {
          en: 'the lowest tier must start at 0 points inclusive (tiers are by points, tierBasis "points"): set min to {"value": 0, "inclusive": true} (tiers are listed lowest first)',
          zh: '最低档次须从总分 0 分（含）起（档次按分数划分，tierBasis 为 "points"）：请将 min 设为 {"value": 0, "inclusive": true}（档次按从低到高排列）',
        },
  highestTierEnd: (basis: TierBasis, top: string): MessageText =>
    basis === 'ratio'
      ? {
          en: 'the highest tier must end at ratio 1 inclusive: set max to {"value": 1, "inclusive": true}',
          zh: '最高档次须止于得分率 1（含）：请将 max 设为 {"value": 1, "inclusive": true}',
        }
      : {
          en: `the highest tier must end at the maximum total ${top} inclusive (tiers are by points, tierBasis "points"): set max to {"value": ${top}, "inclusive": true}`,
          zh: `最高档次须止于满分 ${top} 分（含）（档次按分数划分，tierBasis 为 "points"）：请将 max 设为 {"value": ${top}, "inclusive": true}`,
        },
  ratioBoundLooksLikePoints: (value: number, max: string, asRatio: string): MessageText => ({
    en: `tiers are by ratio (tierBasis "ratio"): bounds run 0 to 1; ${value} looks like points: divide by the maximum ${max} (${value} → ${asRatio}), or set tierBasis to "points" (format rubric/2)`,
    zh: `档次按得分率划分（tierBasis 为 "ratio"）：界限取 0 至 1；${value} 看来是分数：请除以满分 ${max}（${value} → ${asRatio}），或将 tierBasis 设为 "points"（格式 rubric/2）`,
  }),
  pointsBoundAboveMax: (value: number, max: string): MessageText => ({
    en: `tiers are by points (tierBasis "points"): bounds run 0 to the maximum total ${max}; ${value} is above it: lower the bound to at most ${max}`,
    zh: `档次按分数划分（tierBasis 为 "points"）：界限取 0 至满分 ${max}；${value} 超过满分：请将该界限降至不超过 ${max}`,
  }),
  pointsBoundLooksLikeRatio: (value: number, max: string, asPoints: string): MessageText => ({
    en: `tiers are by points (tierBasis "points"): bounds run 0 to the maximum total ${max}; ${value} looks like a ratio: multiply every bound by the maximum ${max} (${value} → ${asPoints}), or set tierBasis to "ratio"`,
    zh: `档次按分数划分（tierBasis 为 "points"）：界限取 0 至满分 ${max}；${value} 看来是得分率：请将每个界限乘以满分 ${max}（${value} → ${asPoints}），或将 tierBasis 设为 "ratio"`,
  }),
  tierGap: (below: number, above: number, tier: string, basis: TierBasis): MessageText => ({
    en: `gap between ${below} and ${above}: start tier "${tier}" at ${below}`,
    zh: `${BASIS_WORD[basis].zh} ${below} 与 ${above} 之间没有档次：请让档次 "${tier}" 从 ${below} 起`,
  }),
  tierOverlap: (tier: string, below: number): MessageText => ({
    en: `tier "${tier}" overlaps the tier below it: start it at ${below} (tiers are listed lowest first)`,
    zh: `档次 "${tier}" 与其下一档次重叠：请让其从 ${below} 起（档次按从低到高排列）`,
  }),
  tierBoundary: (value: number, inBoth: boolean, lower: string, upper: string, basis: TierBasis): MessageText => ({
    en: `${BASIS_WORD[basis].en} ${value} is ${inBoth ? 'in both' : 'in neither'} "${lower}" and "${upper}": make exactly one of the two bounds inclusive`,
    zh: `${BASIS_WORD[basis].zh} ${value} ${inBoth ? `同时属于 "${lower}" 和 "${upper}"` : `既不属于 "${lower}"，也不属于 "${upper}"`}：请使两个边界中恰有一个含端点（inclusive）`,
  }),

  // Capped lists ---------------------------------------------------------------------------------
  moreIssues: (count: number, kind: 'error' | 'warning'): MessageText => ({
    en: `… and ${count.toLocaleString('en')} more ${kind}${count > 1 ? 's' : ''} of the same kinds: fix these first and validate again`,
    zh: `…… 另有 ${count} 条同类${kind === 'error' ? '错误' : '警告'}：请先修正以上各条，再重新验证`,
  }),
};
