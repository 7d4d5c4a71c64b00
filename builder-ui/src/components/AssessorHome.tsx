/** Assessments: the list (drafts to come back to, submitted results) and starting a new one. */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Localized } from '../../../engine/browser.ts';
import { type AssessmentSummary, api, type Community, errorMessage, type RubricSummary, type Role } from '../api.ts';
import { useDeployment } from '../deployment.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { navigate } from './App.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';
import { NewAssessmentForm } from './NewAssessmentForm.tsx';
import { ShowMore } from './ShowMore.tsx';
import { TableScroll } from './TableScroll.tsx';

// Uploading supplementary answers is an occasional task: a chunk of its own keeps the assessor's
// first load within budget (builder-ui/vite.config.ts).
const SupplementUpload = lazy(() => import('./SupplementUpload.tsx').then((module) => ({ default: module.SupplementUpload })));

/** How many rows a page adds: enough to find recent work, few enough to render at once at province scale. */
const PAGE_SIZE = 50;

/** The status filter's choice: '' for all. */
type StatusFilter = '' | 'draft' | 'submitted';
const STATUS_FILTERS: StatusFilter[] = ['', 'draft', 'submitted'];

/** The rows shown, the filter they were read under, and how many match it on the server. */
interface ShownList {
  status: StatusFilter;
  entries: AssessmentSummary[];
  total: number;
}

/** "id@version" of an entry's rubric version. */
const versionKey = (a: AssessmentSummary): string => `${a.rubric.id}@${a.rubric.version}`;

/**
 * The tier labels of the versions the listed results were scored under, by version then tier id:
 * each version's document is read once, so the list names tiers as the rubric does, never by id.
 */
function useTierLabels(assessments: AssessmentSummary[] | null): Record<string, Record<string, Localized>> {
  const [labels, setLabels] = useState<Record<string, Record<string, Localized>>>({});
  const wanted = [...new Set((assessments ?? []).filter((a) => a.tier !== null).map(versionKey))].sort().join('\n');
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    Promise.all(
      wanted.split('\n').map(async (key) => {
        const [id, version] = key.split('@');
        const { document } = await api.getVersion(id, version);
        return [key, Object.fromEntries(document.tiers.map((tier) => [tier.id, tier.label]))] as const;
      }),
    )
      .then((entries) => live && setLabels(Object.fromEntries(entries)))
      // Without the documents the tiers show by id: the list stays usable.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [wanted]);
  return labels;
}

export function AssessorHome({ role }: { role: Role }) {
  const { lang, t, l } = useLanguage();
  const deployment = useDeployment(lang);
  const [list, setList] = useState<ShownList | null>(null);
  /** A page on its way: the first page of a filter, or the next page of the rows shown. */
  const [pending, setPending] = useState<{ status: StatusFilter; more: boolean } | null>(null);
  const [communities, setCommunities] = useState<Community[]>([]);
  const [rubrics, setRubrics] = useState<RubricSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Only the page asked last may show: a slow answer to an earlier filter must not replace a newer one.
  const lastAsked = useRef(0);

  /**
   * Asks for the page of `status` at `shown`'s end (the first page without `shown`) and shows it
   * after those rows, unless another page was asked for meanwhile.
   */
  const askPage = useCallback((status: StatusFilter, shown?: ShownList) => {
    const asked = ++lastAsked.current;
    setPending({ status, more: shown !== undefined });
    api.listAssessments({ ...(status && { status }), limit: PAGE_SIZE, ...(shown && { offset: shown.entries.length }) }).then(
      (page) => {
        if (asked !== lastAsked.current) return;
        // One changed since the first page moved to the front: the next page can repeat a row already shown.
        const before = shown?.entries ?? [];
        const known = new Set(before.map((a) => a.id));
        setList({ status, entries: [...before, ...page.entries.filter((a) => !known.has(a.id))], total: page.total });
        setPending(null);
        setError(null);
      },
      (e) => {
        if (asked !== lastAsked.current) return;
        setPending(null);
        setError(errorMessage(e));
      },
    );
  }, []);
  const showFirstPage = useCallback((status: StatusFilter) => askPage(status), [askPage]);
  const showMore = (): void => {
    if (list) askPage(list.status, list);
  };

  const loadChoices = useCallback(() => {
    Promise.all([api.listCommunities(), api.listRubrics()])
      .then(([c, r]) => {
        setCommunities(c);
        setRubrics(r);
      })
      .catch((e) => setError(errorMessage(e)));
  }, []);

  useEffect(() => {
    loadChoices();
    showFirstPage('');
  }, [loadChoices, showFirstPage]);

  /** The filter chosen: the one on its way, else the one the rows were read under. */
  const status: StatusFilter = pending?.status ?? list?.status ?? '';
  const load = (): void => {
    loadChoices();
    showFirstPage(status);
  };
  const tierLabels = useTierLabels(list?.entries ?? null);

  const communityName = (id: string): string => communities.find((c) => c.id === id)?.name ?? id;
  const rubricTitle = (id: string): string => l(rubrics.find((r) => r.id === id)?.title, id);
  const tierName = (a: AssessmentSummary): string => {
    if (a.tier === null) return t('assessments.tierOpen');
    const labels = tierLabels[versionKey(a)];
    return l(labels && Object.hasOwn(labels, a.tier) ? labels[a.tier] : undefined, a.tier);
  };
  /** Why this version: in force that day, or the reason given for another; nothing for older records. */
  const versionWhy = (a: AssessmentSummary): string | null => {
    const choice = a.versionChoice;
    if (!choice) return null;
    if (choice.inForce === a.rubric.version) return t('assessments.inForce');
    const reason = choice.reason ?? '—';
    return choice.inForce ? t('assessments.notInForce', { version: choice.inForce, reason }) : t('assessments.noneInForce', { reason });
  };
  return (
    <div className="page assessor-home">
      <h1>{t('assessments.heading')}</h1>
      <ErrorBanner message={error} />
      {role !== 'viewer' && <NewAssessmentForm communities={communities} rubrics={rubrics} onCommunityAdded={load} onCreated={(id) => navigate('assessments', id)} />}
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t('assessments.listHeading')}</h2>
        <div className="field inline list-filter">
          <label htmlFor="assessment-status">{t('common.status')}</label>
          <select id="assessment-status" value={status} onChange={(e) => showFirstPage(e.target.value as StatusFilter)}>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`assessments.filter.${s || 'all'}`)}
              </option>
            ))}
          </select>
        </div>
        {list === null ? (
          pending && <p>{t('shell.loading')}</p>
        ) : list.entries.length === 0 ? (
          <p>{t(list.status ? 'assessments.noneMatching' : 'assessments.none')}</p>
        ) : (
          <ShowMore
            shown={list.entries.length}
            total={list.total}
            page={PAGE_SIZE}
            onMore={showMore}
            busy={pending !== null}
            loadingMore={pending?.more ?? false}
            countTestId="assessment-count"
            moreTestId="show-more"
          >
            <TableScroll label={t('assessments.listHeading')}>
              <table className="list stacked" aria-busy={pending !== null}>
                <thead>
                  <tr>
                    <th scope="col">{deployment.subject}</th>
                    <th scope="col">{t('assessments.version')}</th>
                    <th scope="col">{t('term.period')}</th>
                    <th scope="col">{t('term.assessor')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col">{t('assessments.totalTier')}</th>
                    <th scope="col">{t('common.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.entries.map((a) => {
                    const why = versionWhy(a);
                    return (
                      <tr key={a.id} data-assessment={a.id}>
                        <td data-label={deployment.subject}>
                          <a href={`#/assessments/${encodeURIComponent(a.id)}`}>{communityName(a.communityId)}</a>
                        </td>
                        <td data-testid="assessment-version" data-label={t('assessments.version')}>
                          {rubricTitle(a.rubric.id)} {a.rubric.version}
                          {why && <span className={`hint version-why${a.versionChoice?.inForce === a.rubric.version ? '' : ' not-in-force'}`}> · {why}</span>}
                        </td>
                        <td data-label={t('term.period')}>{deployment.period(a.period)}</td>
                        <td data-label={t('term.assessor')}>{a.assessor}</td>
                        <td data-label={t('common.status')}>
                          <span className={`status status-${a.status}`}>{t(`status.${a.status}`)}</span>
                        </td>
                        <td data-testid="assessment-tier" data-tier={a.tier ?? ''} data-label={t('assessments.totalTier')}>
                          {a.total === null ? '—' : `${a.total} · ${tierName(a)}`}
                        </td>
                        <td data-label={t('common.updated')}>{new Date(a.updatedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          </ShowMore>
        )}
      </section>
      {role !== 'viewer' && rubrics.length > 0 && (
        <Suspense fallback={<p className="loading">{t('shell.loading')}</p>}>
          <SupplementUpload rubrics={rubrics} />
        </Suspense>
      )}
    </div>
  );
}
