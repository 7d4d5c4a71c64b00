/**
 * The score while a draft is filled in: points so far, the range still reachable, the tier (or the
 * tiers still possible) and the points missing to the next tier, all as the server computed them
 * (components/live-score.ts) and named by the rubric's labels.
 */
import type { LiveScore, RubricDocument } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import type { MessageKey } from '../i18n/messages/index.ts';
import { documentNames, formatPoints, reachableParts } from '../model/reachable.ts';

interface Props {
  live: LiveScore | null;
  problem: string | null;
  pending: boolean;
  doc: RubricDocument | undefined;
}

export function LiveScorePanel({ live, problem, pending, doc }: Props) {
  const { lang, t } = useLanguage();
  const names = documentNames(doc, lang);
  if (!live) {
    return (
      <section className="live-score panel" aria-label={t('live.label')} data-testid="live-score">
        <p className="hint">{problem ?? t('live.working')}</p>
      </section>
    );
  }
  const parts = live.reachable && reachableParts(live.reachable, live.total, names, lang);
  const tierValue = live.tier !== null ? names.tier(live.tier) : (parts?.tierValue ?? '—');
  const tierWord = t(live.tier !== null || !live.reachable || live.reachable.tiers.length < 2 ? 'live.tier' : 'live.possibleTiers');
  return (
    <section className={`live-score panel${pending ? ' pending' : ''}`} aria-label={t('live.label')} aria-busy={pending} data-testid="live-score">
      <dl>
        <div>
          <dt>{t(live.complete ? 'live.total' : 'live.soFar')}</dt>
          <dd data-testid="live-total">
            <strong>{formatPoints(live.total)}</strong> / {formatPoints(live.max)}
          </dd>
        </div>
        {live.reachable && (
          <div>
            <dt>{t('live.reachable')}</dt>
            <dd data-testid="live-range">
              {formatPoints(live.reachable.total.min)}–{formatPoints(live.reachable.total.max)}
            </dd>
          </div>
        )}
        <div>
          <dt>{tierWord}</dt>
          <dd data-testid="live-tier" data-tier={live.tier ?? ''}>
            {tierValue}
          </dd>
        </div>
        <div>
          <dt>{t('live.toNext')}</dt>
          <dd data-testid="live-next">{nextTierText(live, names.tier, t)}</dd>
        </div>
      </dl>
      {problem && (
        <p className="live-problem" role="status">
          {t('live.notUpdated', { problem })}
        </p>
      )}
    </section>
  );
}

/** "标准型还差 17.5 分" / "17.5 points to Standard"; at the top tier, says so. */
function nextTierText(live: LiveScore, tierName: (id: string) => string, t: (key: MessageKey, params?: Record<string, string>) => string): string {
  if (!live.nextTier) return live.tierSoFar === null ? '—' : t('live.topTier');
  return t('live.pointsToTier', { tier: tierName(live.nextTier.id), points: formatPoints(live.nextTier.pointsToReach) });
}
