/**
 * Versions side by side, for reviewers (every role): pick a rubric and two versions of it (any
 * status), then read what changed (the diff), what the change does to the stored submitted
 * assessments (impact: summary, tier transitions, score distributions, per assessment) and take
 * the impact away as CSV, XLSX or a printable page. Author text is always rendered as text.
 */
import { useEffect, useMemo, useState } from 'react';
import { attributeText, type ImpactReport, type Language, type RubricDiff, type RubricDocument, type SubjectAttribute, type VersionScore } from '../../../engine/browser.ts';
import { useDeployment } from '../deployment.tsx';
import { ApiError, api, type ExportFormat, errorMessage, type ImpactRequest, type RubricSummary } from '../api.ts';
import { useLanguage } from '../i18n/language.tsx';
import { countText, message } from '../i18n/message.ts';
import type { MessageKey } from '../i18n/messages/index.ts';
import { formatRange, joinLabels, type LabelNames, reachableParts, tableNames } from '../model/reachable.ts';
import { suggestionLine } from '../model/revision.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { RubricChangesTable } from './RubricChangesTable.tsx';
import { ShowMore } from './ShowMore.tsx';
import { said } from '../i18n/message.ts';
import { TableScroll } from './TableScroll.tsx';

const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(Number(n.toFixed(2))));
const signed = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : n > 0 ? `+${fmt(n)}` : fmt(n));

/**
 * How many rows of the per-assessment table and of the tier changes a step renders: a province's
 * report holds 100,000 assessments, and rendering them all freezes the tab (the downloads carry everything).
 */
const IMPACT_PAGE = 100;

/** Counts of complete totals in 10-point bins, for both versions (a total so far is no total); the bins reach the largest maximum. */
export function histogram(report: ImpactReport): { label: string; base: number; candidate: number }[] {
  // A loop, not Math.max(...all): spreading a province's 400,000 numbers overflows the call stack.
  let top = 0;
  for (const a of report.assessments) {
    for (const n of [a.base.max, a.candidate.max, a.base.total, a.candidate.total]) if (n !== null && n > top) top = n;
  }
  const bins = Math.max(1, Math.ceil(top / 10));
  const rows = Array.from({ length: bins }, (_, i) => ({ label: `${i * 10}–${(i + 1) * 10}`, base: 0, candidate: 0 }));
  const at = (total: number): number => Math.min(bins - 1, Math.max(0, Math.floor(total / 10)));
  for (const a of report.assessments) {
    if (a.base.total !== null && a.base.status === 'complete') rows[at(a.base.total)].base++;
    if (a.candidate.total !== null && a.candidate.status === 'complete') rows[at(a.candidate.total)].candidate++;
  }
  return rows;
}

/** The words of this screen: the keys under `compare.` in the catalogue. */
type CompareWord = Extract<MessageKey, `compare.${string}`> extends `compare.${infer Word}` ? Word : never;

/** A version's total for a table cell: an incomplete one reads "so far X (reachable min–max)". */
export function scoreTotal(score: VersionScore, lang: Language): string {
  if (score.total === null) return '—';
  const total = String(Number(score.total.toFixed(2)));
  if (score.status !== 'incomplete' || !score.reachable) return total;
  const range = formatRange(score.reachable.total.min, score.reachable.total.max);
  return message('compare.soFar', lang, { total, range });
}

/** A version's tier for a table cell: the rejection, the tier (marked determined when incomplete), or the tiers still possible. */
export function scoreTier(score: VersionScore, names: LabelNames, noTier: string, lang: Language): string {
  if (score.status === 'invalid') return score.error ?? message('score.invalid', lang);
  if (score.status === 'incomplete' && score.reachable) return reachableParts(score.reachable, score.total ?? 0, names, lang).tier;
  return score.tier === null ? noTier : names.tier(score.tier);
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The values of an attribute the subjects have, as the filter offers them: a choice's in the
 * order of its options (a value no option names, from an earlier profile, after them), text sorted.
 */
export function valuesPresent(attribute: SubjectAttribute, subjects: readonly Record<string, unknown>[]): string[] {
  const values = [...new Set(subjects.map((s) => s[attribute.id]).filter((v): v is string => typeof v === 'string' && v !== ''))].sort();
  const options = (attribute.options ?? []).map((o) => o.id);
  const rank = (value: string): number => (options.includes(value) ? options.indexOf(value) : options.length);
  return values.sort((a, b) => rank(a) - rank(b));
}

export function ComparePage() {
  const { lang, t: say, l } = useLanguage();
  const deployment = useDeployment(lang);
  const attributes = deployment.profile.subject.attributes;
  const [rubrics, setRubrics] = useState<RubricSummary[] | null>(null);
  const [rubricId, setRubricId] = useState('');
  const [base, setBase] = useState('');
  const [candidate, setCandidate] = useState('');
  /** The impact filter: attribute id → the value chosen ('' or absent: any). */
  const [chosen, setChosen] = useState<Record<string, string>>({});
  /** Per attribute, the values the subjects have, offered by the filter's selects. */
  const [present, setPresent] = useState<Record<string, string[]>>({});
  const [diff, setDiff] = useState<RubricDiff | null>(null);
  /** The two versions compared: the diff table describes scorings and conditions with their inputs' labels. */
  const [documents, setDocuments] = useState<{ before: RubricDocument; after: RubricDocument } | undefined>(undefined);
  const [report, setReport] = useState<ImpactReport | null>(null);
  const [compared, setCompared] = useState<ImpactRequest | null>(null);
  /** How many rows of the per-assessment table and of the tier changes are rendered. */
  const [shown, setShown] = useState({ assessments: IMPACT_PAGE, tierChanges: IMPACT_PAGE });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  // The screen's words, by their name under `compare.` in the catalogue.
  const t = (key: CompareWord): string => say(`compare.${key}`);
  const colon = say('common.colon');
  const separator = say('common.listSeparator');

  useEffect(() => {
    api
      .listRubrics()
      .then((list) => {
        setRubrics(list);
        const first = list[0];
        if (first) {
          setRubricId(first.id);
          setBase(first.versions[0]?.version ?? '');
          setCandidate(first.versions.at(-1)?.version ?? '');
        }
      })
      .catch((e) => setError(errorMessage(e)));
  }, []);

  useEffect(() => {
    api
      .listCommunities()
      .then((subjects) => {
        setPresent(Object.fromEntries(attributes.map((a) => [a.id, valuesPresent(a, subjects)])));
      })
      .catch((e) => setError(errorMessage(e)));
  }, [attributes]);

  const versions = rubrics?.find((r) => r.id === rubricId)?.versions ?? [];
  const chooseRubric = (id: string): void => {
    setRubricId(id);
    const list = rubrics?.find((r) => r.id === id)?.versions ?? [];
    setBase(list[0]?.version ?? '');
    setCandidate(list.at(-1)?.version ?? '');
  };

  const compare = async (): Promise<void> => {
    if (!rubricId || !base || !candidate) return;
    const wanted = Object.fromEntries(Object.entries(chosen).filter(([, value]) => value !== ''));
    const body: ImpactRequest = { base: { id: rubricId, version: base }, candidate: { id: rubricId, version: candidate }, ...(Object.keys(wanted).length > 0 && { filter: { attributes: wanted } }) };
    setBusy(true);
    setError(null);
    try {
      const [d, r, before, after] = await Promise.all([api.diffVersions(rubricId, base, candidate), api.impact(body), api.getVersion(rubricId, base), api.getVersion(rubricId, candidate)]);
      setDiff(d);
      setDocuments({ before: before.document, after: after.document });
      setReport(r);
      setCompared(body);
      setShown({ assessments: IMPACT_PAGE, tierChanges: IMPACT_PAGE });
    } catch (e) {
      setError(e instanceof ApiError ? e : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const download = async (format: ExportFormat): Promise<void> => {
    if (!compared) return;
    setError(null);
    try {
      const blob = await api.impactFile(compared, format, lang);
      saveBlob(blob, `impact-${compared.candidate.id}-${compared.base.version}-${compared.candidate.version}.${format}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : errorMessage(e));
    }
  };

  const tier = (id: string | null): string => (id === null ? t('noTier') : l(report && Object.hasOwn(report.transitions.labels, id) ? report.transitions.labels[id] : undefined, id));
  const names = tableNames(report?.transitions.labels ?? {}, report?.inputLabels ?? {}, lang);
  const missingOf = (score: VersionScore): string => joinLabels((score.missing ?? []).map(names.input), lang);
  const sourcesOf = (score: VersionScore): string =>
    (['supplied', 'defaulted', 'mapped'] as const)
      .filter((source) => score[source].length > 0)
      .map((source) => `${t(source)}${colon}${joinLabels(score[source].map(names.input), lang)}`)
      .join(separator);
  // Each pass over all the report's assessments runs once per report, not again on every "show more".
  const leftOut = useMemo(
    () =>
      report && {
        base: report.assessments.filter((a) => a.base.status === 'incomplete').length,
        candidate: report.assessments.filter((a) => a.candidate.status === 'incomplete').length,
      },
    [report],
  );
  const bins = useMemo(() => (report ? histogram(report) : []), [report]);
  /** The report's assessments by id: a tier change finds its own in one step, not by a search of them all. */
  const assessmentsById = useMemo(() => new Map(report?.assessments.map((a) => [a.id, a] as const)), [report]);
  const suggestion = diff ? suggestionLine(diff, lang) : null;
  /** A side of a tier change: its tier, or for an incomplete result without one, the tiers still possible. */
  const changeSide = (id: string, side: 'base' | 'candidate', tierId: string | null): string => {
    const score = tierId === null ? assessmentsById.get(id)?.[side] : undefined;
    return score?.status === 'incomplete' && score.reachable ? scoreTier(score, names, t('noTier'), lang) : tier(tierId);
  };
  const binMax = Math.max(1, ...bins.flatMap((b) => [b.base, b.candidate]));
  const count = (n: number): string => countText(n, lang);

  return (
    <div className="page compare">
      <div className="result-top">
        <h1>{t('title')}</h1>
      </div>
      <ErrorBanner
        message={typeof error === 'string' ? error : (error ? said(error, lang) : null)}
        items={error instanceof ApiError ? error.details.map((d) => ({ field: d.path.replace(/^\//, '') || say('common.request'), message: said(d, lang) })) : []}
      />
      <form
        className="compare-form panel"
        onSubmit={(e) => {
          e.preventDefault();
          void compare();
        }}
      >
        <label>
          {say('term.rubric')}
          <select value={rubricId} onChange={(e) => chooseRubric(e.target.value)}>
            {rubrics?.map((r) => (
              <option key={r.id} value={r.id}>
                {l(r.title, r.id)} ({r.id})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('base')}
          <select value={base} onChange={(e) => setBase(e.target.value)}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version} ({say(`status.${v.status}`)})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('candidate')}
          <select value={candidate} onChange={(e) => setCandidate(e.target.value)}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version} ({say(`status.${v.status}`)})
              </option>
            ))}
          </select>
        </label>
        {attributes.map((attribute) => (
          <label key={attribute.id}>
            {say('compare.attribute', { attribute: deployment.attribute(attribute) })}
            <select value={chosen[attribute.id] ?? ''} onChange={(e) => setChosen({ ...chosen, [attribute.id]: e.target.value })} data-testid={`impact-filter-${attribute.id}`}>
              <option value="">{t('anyValue')}</option>
              {(present[attribute.id] ?? []).map((value) => (
                <option key={value} value={value}>
                  {attributeText(attribute, value, lang)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" disabled={busy || !rubricId || !base || !candidate}>
          {busy ? t('loading') : t('compare')}
        </button>
      </form>

      {diff && (
        <section aria-labelledby="compare-diff">
          <h2 id="compare-diff">
            {t('diff')}: {diff.from.version} → {diff.to.version}
          </h2>
          {suggestion && (
            <p className="suggested-step" data-testid="diff-suggestion">
              {suggestion}
            </p>
          )}
          {diff.changes.length === 0 ? (
            <p>{t('noChanges')}</p>
          ) : (
            <TableScroll label={t('diff')}>
              <RubricChangesTable changes={diff.changes} lang={lang} beforeLabel={t('before')} afterLabel={t('after')} testId="diff-table" documents={documents} />
            </TableScroll>
          )}
        </section>
      )}

      {report && (
        <section aria-labelledby="compare-impact">
          <h2 id="compare-impact">{t('impact')}</h2>
          <div className="score-headline compact" data-testid="impact-summary">
            {(
              [
                ['assessments', count(report.summary.assessments)],
                ['tierChanged', count(report.summary.tierChanged)],
                ['up', count(report.summary.up)],
                ['down', count(report.summary.down)],
                ['meanDelta', signed(report.summary.meanDelta)],
                ['range', `${signed(report.summary.minDelta)} … ${signed(report.summary.maxDelta)}`],
                ['incomplete', `${count(report.summary.incomplete?.base ?? 0)} / ${count(report.summary.incomplete?.candidate ?? 0)}`],
                ['undetermined', `${count(report.summary.undetermined?.base ?? 0)} / ${count(report.summary.undetermined?.candidate ?? 0)}`],
              ] as const
            ).map(([key, value]) => (
              <div className="stat" key={key} data-stat={key}>
                <span className="stat-label">{t(key)}</span>
                <span className="stat-value">{value}</span>
              </div>
            ))}
          </div>
          {report.summary.assessments === 0 && <p>{t('empty')}</p>}

          {/* Many tiers with long names outgrow a phone: the matrix scrolls in its own box, not the page. */}
          <TableScroll label={t('matrix')}>
            <table className="list matrix" data-testid="transition-matrix">
              <caption>{t('matrix')}</caption>
              <thead>
                <tr>
                  <td />
                  {report.transitions.to.map((to) => (
                    <th scope="col" key={to ?? ''}>
                      {tier(to)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.transitions.from.map((from, i) => (
                  <tr key={from ?? ''}>
                    <th scope="row">{tier(from)}</th>
                    {report.transitions.to.map((to, j) => {
                      const moved = report.transitions.counts[i]?.[j] ?? 0;
                      return (
                        <td key={to ?? ''} className={`num${moved > 0 && from !== to ? ' moved' : ''}`} data-from={from ?? ''} data-to={to ?? ''}>
                          {count(moved)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>

          <figure className="bars histogram" data-testid="histogram">
            <figcaption>{t('distribution')}</figcaption>
            <p className="legend" aria-hidden="true">
              <span className="swatch swatch-base" /> {t('base')} {compared?.base.version} <span className="swatch swatch-candidate" /> {t('candidate')} {compared?.candidate.version}
            </p>
            <ul>
              {bins.map((bin) => (
                <li key={bin.label} className="hist-row">
                  <span className="bar-label">{bin.label}</span>
                  <span className="hist-bars" aria-hidden="true">
                    <span className="bar">
                      <span className="bar-fill" style={{ width: `${(bin.base / binMax) * 100}%` }} />
                    </span>
                    <span className="bar">
                      <span className="bar-fill bar-candidate" style={{ width: `${(bin.candidate / binMax) * 100}%` }} />
                    </span>
                  </span>
                  <span className="bar-value">
                    {t('base')} {count(bin.base)} · {t('candidate')} {count(bin.candidate)}
                  </span>
                </li>
              ))}
            </ul>
            {leftOut && leftOut.base + leftOut.candidate > 0 && (
              <p className="hint">
                {t('leftOut')}
                {t('base')} {count(leftOut.base)} · {t('candidate')} {count(leftOut.candidate)}
              </p>
            )}
          </figure>

          <h3>{say('compare.changes', { subjects: deployment.subjects })}</h3>
          {report.tierChanges.length === 0 ? (
            <p>{say('compare.noTierChanges', { subject: deployment.subjectInText })}</p>
          ) : (
            <ShowMore
              shown={Math.min(shown.tierChanges, report.tierChanges.length)}
              total={report.tierChanges.length}
              page={IMPACT_PAGE}
              onMore={() => setShown((now) => ({ ...now, tierChanges: now.tierChanges + IMPACT_PAGE }))}
              countTestId="tier-changes-count"
              moreTestId="tier-changes-more"
            >
              <ul data-testid="tier-changes">
                {report.tierChanges.slice(0, shown.tierChanges).map((c) => (
                  <li key={c.id} data-assessment={c.id}>
                    <strong>{c.communityName ?? c.communityId}</strong> {deployment.attributesOf(c.attributes) ? `(${deployment.attributesOf(c.attributes)}) ` : ''}
                    {c.period ? `${deployment.period(c.period)}${colon}` : ''}
                    {changeSide(c.id, 'base', c.fromTier)} → {changeSide(c.id, 'candidate', c.toTier)} {c.delta !== null && `(${signed(c.delta)})`}
                  </li>
                ))}
              </ul>
            </ShowMore>
          )}

          <h3 id="impact-assessments-heading">{t('perAssessment')}</h3>
          <ShowMore
            shown={Math.min(shown.assessments, report.assessments.length)}
            total={report.assessments.length}
            page={IMPACT_PAGE}
            onMore={() => setShown((now) => ({ ...now, assessments: now.assessments + IMPACT_PAGE }))}
            countTestId="impact-assessments-count"
            moreTestId="impact-assessments-more"
          >
            <TableScroll label={t('perAssessment')}>
              <table className="list" data-testid="impact-assessments" aria-labelledby="impact-assessments-heading">
                <thead>
                  <tr>
                    <th scope="col">{deployment.subject}</th>
                    <th scope="col">{say('term.period')}</th>
                    <th scope="col">{t('baseTotal')}</th>
                    <th scope="col">{t('baseTier')}</th>
                    <th scope="col">{t('candidateTotal')}</th>
                    <th scope="col">{t('candidateTier')}</th>
                    <th scope="col">{t('delta')}</th>
                    <th scope="col">{t('missing')}</th>
                    <th scope="col">{t('sources')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.assessments.slice(0, shown.assessments).map((a) => (
                    <tr key={a.id} className={a.tierChanged ? 'tier-changed' : undefined} data-assessment={a.id}>
                      <td>{a.communityName ?? a.communityId}</td>
                      <td>{a.period ? deployment.period(a.period) : ''}</td>
                      <td className="num">{scoreTotal(a.base, lang)}</td>
                      <td data-side="base">{scoreTier(a.base, names, t('noTier'), lang)}</td>
                      <td className="num">{scoreTotal(a.candidate, lang)}</td>
                      <td data-side="candidate">{scoreTier(a.candidate, names, t('noTier'), lang)}</td>
                      <td className="num">{signed(a.delta)}</td>
                      <td className="missing-answers" data-testid="missing-answers">
                        {missingOf(a.base) === missingOf(a.candidate)
                          ? missingOf(a.candidate) || '—'
                          : [
                              missingOf(a.base) && `${say('term.base')}${colon}${missingOf(a.base)}`,
                              missingOf(a.candidate) && `${say('term.candidate')}${colon}${missingOf(a.candidate)}`,
                            ]
                              .filter(Boolean)
                              .join(separator)}
                      </td>
                      <td className="input-sources" data-testid="input-sources">
                        {sourcesOf(a.candidate) || '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </ShowMore>

          <h3>{t('downloads')}</h3>
          <div className="save-bar">
            <button type="button" onClick={() => void download('csv')}>
              {t('csv')}
            </button>
            <button type="button" onClick={() => void download('xlsx')}>
              {t('xlsx')}
            </button>
            <button type="button" onClick={() => void download('html')}>
              {t('html')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
