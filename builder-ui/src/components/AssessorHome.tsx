/** Assessments: the list (drafts to come back to, submitted results) and starting a new one. */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Localized } from '../../../engine/browser.ts';
import { type AssessmentSummary, api, type Community, errorMessage, type RubricSummary, type Role } from '../api.ts';
import { useDeployment } from '../deployment.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { navigate } from './App.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';
import { NewAssessmentForm } from './NewAssessmentForm.tsx';

// Uploading supplementary answers is an occasional task: a chunk of its own keeps the assessor's
// first load within budget (builder-ui/vite.config.ts).
const SupplementUpload = lazy(() => import('./SupplementUpload.tsx').then((module) => ({ default: module.SupplementUpload })));

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
  const [assessments, setAssessments] = useState<AssessmentSummary[] | null>(null);
  const [communities, setCommunities] = useState<Community[]>([]);
  const [rubrics, setRubrics] = useState<RubricSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    Promise.all([api.listAssessments(), api.listCommunities(), api.listRubrics()])
      .then(([a, c, r]) => {
        setAssessments([...a].sort((x, y) => y.updatedAt.localeCompare(x.updatedAt)));
        setCommunities(c);
        setRubrics(r);
      })
      .catch((e) => setError(errorMessage(e)));
  }, []);

  useEffect(load, [load]);
  const tierLabels = useTierLabels(assessments);

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
        {assessments === null ? (
          <p>{t('shell.loading')}</p>
        ) : assessments.length === 0 ? (
          <p>{t('assessments.none')}</p>
        ) : (
          <table className="list">
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
              {assessments.map((a) => {
                const why = versionWhy(a);
                return (
                  <tr key={a.id} data-assessment={a.id}>
                    <td>
                      <a href={`#/assessments/${encodeURIComponent(a.id)}`}>{communityName(a.communityId)}</a>
                    </td>
                    <td data-testid="assessment-version">
                      {rubricTitle(a.rubric.id)} {a.rubric.version}
                      {why && <span className={`hint version-why${a.versionChoice?.inForce === a.rubric.version ? '' : ' not-in-force'}`}> · {why}</span>}
                    </td>
                    <td>{deployment.period(a.period)}</td>
                    <td>{a.assessor}</td>
                    <td>
                      <span className={`status status-${a.status}`}>{t(`status.${a.status}`)}</span>
                    </td>
                    <td data-testid="assessment-tier" data-tier={a.tier ?? ''}>
                      {a.total === null ? '—' : `${a.total} · ${tierName(a)}`}
                    </td>
                    <td>{new Date(a.updatedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
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
