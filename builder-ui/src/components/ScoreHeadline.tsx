/** Total, ratio and tier — the first thing a reader of a result sees. */
import type { Language, RubricDocument, ScoreResult } from '../../../engine/browser.ts';
import { formatRatio, tierLabel } from '../model/result.ts';

export function ScoreHeadline({ result, doc, lang, compact }: { result: ScoreResult; doc: RubricDocument | undefined; lang: Language; compact?: boolean }) {
  const zh = lang === 'zh';
  const gated = result.tier !== result.ratioTier && result.ratioTier !== null;
  return (
    <div className={`score-headline${compact ? ' compact' : ''}`} data-testid="score-headline">
      <div className="stat">
        <span className="stat-label">{zh ? '总分' : 'Total'}</span>
        <span className="stat-value" data-testid="score-total">
          {result.total}
        </span>
        <span className="stat-sub">/ {result.max}</span>
      </div>
      <div className="stat">
        <span className="stat-label">{zh ? '得分率' : 'Ratio'}</span>
        <span className="stat-value" data-testid="score-ratio">
          {formatRatio(result.ratio)}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">{zh ? '等级' : 'Tier'}</span>
        <span className="stat-value tier" data-testid="score-tier" data-tier={result.tier ?? ''}>
          {tierLabel(doc, result.tier, lang)}
        </span>
        {gated && (
          <span className="stat-sub">
            {zh ? `按得分率为 ${tierLabel(doc, result.ratioTier, lang)}，因基本要求未满足而降档` : `${tierLabel(doc, result.ratioTier, lang)} by ratio, capped by an unmet requirement`}
          </span>
        )}
        {!result.complete && <span className="stat-sub">{zh ? '尚有未评项' : 'Some criteria are not assessed yet'}</span>}
      </div>
    </div>
  );
}
