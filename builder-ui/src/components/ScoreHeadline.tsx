/**
 * Total, ratio and tier — the first thing a reader of a result sees. An incomplete result is never
 * shown as a plain total: it reads "so far X", the reachable range, the tier (determined, or the
 * tiers still possible) and the missing answers that decide it, by the rubric's labels.
 */
import type { Language, RubricDocument, ScoreResult } from '../../../engine/browser.ts';
import { documentNames, formatRange, reachableLine, reachableParts } from '../model/reachable.ts';
import { formatRatio, tierLabel } from '../model/result.ts';

export function ScoreHeadline({ result, doc, lang, compact }: { result: ScoreResult; doc: RubricDocument | undefined; lang: Language; compact?: boolean }) {
  const zh = lang === 'zh';
  const gated = result.tier !== result.ratioTier && result.ratioTier !== null;
  const reachable = result.complete ? null : result.reachable;
  const names = documentNames(doc, lang);
  const parts = reachable && reachableParts(reachable, result.total, names, lang);
  return (
    <div className={`score-headline${compact ? ' compact' : ''}${reachable ? ' incomplete' : ''}`} data-testid="score-headline">
      <div className="stat">
        <span className="stat-label">{reachable ? (zh ? '目前得分' : 'Total so far') : zh ? '总分' : 'Total'}</span>
        <span className="stat-value" data-testid="score-total">
          {result.total}
        </span>
        <span className="stat-sub">/ {result.max}</span>
        {reachable && (
          <span className="stat-sub" data-testid="score-range">
            {zh ? '可达' : 'reachable'} {formatRange(reachable.total.min, reachable.total.max)}
          </span>
        )}
      </div>
      <div className="stat">
        <span className="stat-label">{zh ? '得分率' : 'Ratio'}</span>
        <span className="stat-value" data-testid="score-ratio">
          {reachable?.ratio ? `${formatRatio(reachable.ratio.min)}–${formatRatio(reachable.ratio.max)}` : formatRatio(result.ratio)}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">{reachable && reachable.determined === null ? (zh ? '可能档次' : 'Possible tiers') : zh ? '等级' : 'Tier'}</span>
        <span className="stat-value tier" data-testid="score-tier" data-tier={result.tier ?? reachable?.determined ?? ''}>
          {parts ? parts.tierValue : tierLabel(doc, result.tier, lang)}
        </span>
        {gated && (
          <span className="stat-sub">
            {zh ? `按得分率为 ${tierLabel(doc, result.ratioTier, lang)}，因基本要求未满足而降档` : `${tierLabel(doc, result.ratioTier, lang)} by ratio, capped by an unmet requirement`}
          </span>
        )}
        {!result.complete && <span className="stat-sub">{zh ? '尚有未评项' : 'Some criteria are not assessed yet'}</span>}
      </div>
      {reachable && (
        <p className="reachable-line" data-testid="score-reachable">
          {reachableLine(reachable, result.total, names, lang)}
        </p>
      )}
    </div>
  );
}
