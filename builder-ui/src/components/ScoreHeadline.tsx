/**
 * Total, ratio and tier — the first thing a reader of a result sees. An incomplete result is never
 * shown as a plain total: it reads "so far X", the reachable range, the tier (determined, or the
 * tiers still possible) and the missing answers that decide it, by the rubric's labels.
 */
import type { Language, RubricDocument, ScoreResult } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { documentNames, formatRange, reachableLine, reachableParts } from '../model/reachable.ts';
import { formatRatio, tierLabel } from '../model/result.ts';

export function ScoreHeadline({ result, doc, lang: given, compact }: { result: ScoreResult; doc: RubricDocument | undefined; lang?: Language; compact?: boolean }) {
  const { lang, t } = useLanguage(given);
  const gated = result.tier !== result.ratioTier && result.ratioTier !== null;
  const reachable = result.complete ? null : result.reachable;
  const names = documentNames(doc, lang);
  const parts = reachable && reachableParts(reachable, result.total, names, lang);
  return (
    <div className={`score-headline${compact ? ' compact' : ''}${reachable ? ' incomplete' : ''}`} data-testid="score-headline">
      <div className="stat">
        <span className="stat-label">{reachable ? t('headline.totalSoFar') : t('headline.total')}</span>
        <span className="stat-value" data-testid="score-total">
          {result.total}
        </span>
        <span className="stat-sub">/ {result.max}</span>
        {reachable && (
          <span className="stat-sub" data-testid="score-range">
            {t('headline.reachable')} {formatRange(reachable.total.min, reachable.total.max)}
          </span>
        )}
      </div>
      <div className="stat">
        <span className="stat-label">{t('headline.ratio')}</span>
        <span className="stat-value" data-testid="score-ratio">
          {reachable?.ratio ? `${formatRatio(reachable.ratio.min)}–${formatRatio(reachable.ratio.max)}` : formatRatio(result.ratio)}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">{reachable && reachable.determined === null ? t('headline.possibleTiers') : t('headline.tier')}</span>
        <span className="stat-value tier" data-testid="score-tier" data-tier={result.tier ?? reachable?.determined ?? ''}>
          {parts ? parts.tierValue : tierLabel(doc, result.tier, lang)}
        </span>
        {gated && <span className="stat-sub">{t('headline.gated', { tier: tierLabel(doc, result.ratioTier, lang) })}</span>}
        {!result.complete && <span className="stat-sub">{t('headline.notAllAssessed')}</span>}
      </div>
      {reachable && (
        <p className="reachable-line" data-testid="score-reachable">
          {reachableLine(reachable, result.total, names, lang)}
        </p>
      )}
    </div>
  );
}
