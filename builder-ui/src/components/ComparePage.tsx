/**
 * Versions side by side, for reviewers (every role): pick a rubric and two versions of it (any
 * status), then read what changed (the diff), what the change does to the stored submitted
 * assessments (impact: summary, tier transitions, score distributions, per assessment) and take
 * the impact away as CSV, XLSX or a printable page. Author text is always rendered as text.
 */
import { useEffect, useState } from 'react';
import type { ImpactReport, Language, RubricDiff, VersionScore } from '../../../engine/browser.ts';
import { ApiError, api, type ExportFormat, errorMessage, type ImpactRequest, type RubricSummary } from '../api.ts';
import { formatRange, joinLabels, type LabelNames, reachableParts, tableNames } from '../model/reachable.ts';
import { pick } from '../model/result.ts';
import { suggestionLine } from '../model/revision.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { RubricChangesTable } from './RubricChangesTable.tsx';

type Text = { zh: string; en: string };
const T = {
  title: { zh: '版本对比', en: 'Compare versions' },
  rubric: { zh: '评价细则', en: 'Rubric' },
  base: { zh: '基准版本', en: 'Base version' },
  candidate: { zh: '候选版本', en: 'Candidate version' },
  street: { zh: '街道（可选）', en: 'Street (optional)' },
  compare: { zh: '对比', en: 'Compare' },
  loading: { zh: '正在计算…', en: 'Comparing…' },
  diff: { zh: '变更内容', en: 'What changed' },
  noChanges: { zh: '两个版本的内容相同。', en: 'The two versions have the same content.' },
  before: { zh: '修改前', en: 'Before' },
  after: { zh: '修改后', en: 'After' },
  impact: { zh: '对已提交评价的影响', en: 'Impact on submitted assessments' },
  assessments: { zh: '评价数', en: 'Assessments' },
  tierChanged: { zh: '档次变化', en: 'Tier changed' },
  up: { zh: '升档', en: 'Up' },
  down: { zh: '降档', en: 'Down' },
  meanDelta: { zh: '平均分差', en: 'Mean change' },
  range: { zh: '分差范围', en: 'Change range' },
  matrix: { zh: '档次迁移（行：基准版本，列：候选版本）', en: 'Tier transitions (rows: base, columns: candidate)' },
  distribution: { zh: '总分分布（每 10 分一档）', en: 'Distribution of totals (10-point bins)' },
  perAssessment: { zh: '逐项评价', en: 'Assessments' },
  community: { zh: '社区', en: 'Community' },
  period: { zh: '评价期', en: 'Period' },
  baseTotal: { zh: '基准总分', en: 'Base total' },
  baseTier: { zh: '基准档次', en: 'Base tier' },
  candidateTotal: { zh: '候选总分', en: 'Candidate total' },
  candidateTier: { zh: '候选档次', en: 'Candidate tier' },
  delta: { zh: '分差', en: 'Change' },
  changes: { zh: '档次变化的社区', en: 'Communities that change tier' },
  noTierChanges: { zh: '没有社区的档次发生变化。', en: 'No community changes tier.' },
  downloads: { zh: '下载', en: 'Downloads' },
  csv: { zh: '下载 CSV', en: 'Download CSV' },
  xlsx: { zh: '下载 XLSX', en: 'Download XLSX' },
  html: { zh: '可打印摘要（HTML）', en: 'Printable summary (HTML)' },
  noTier: { zh: '无档次', en: 'No tier' },
  empty: { zh: '没有可对比的已提交评价。', en: 'There are no submitted assessments to compare.' },
  incomplete: { zh: '未评完（基准 / 候选）', en: 'Incomplete (base / candidate)' },
  undetermined: { zh: '档次未定（基准 / 候选）', en: 'Tier still open (base / candidate)' },
  missing: { zh: '缺少的答案', en: 'Missing answers' },
  sources: { zh: '候选版本中非原答案的输入', en: 'Candidate inputs not answered as recorded' },
  supplied: { zh: '补充', en: 'supplied' },
  defaulted: { zh: '默认值', en: 'default' },
  mapped: { zh: '由旧输入对应', en: 'mapped from old inputs' },
  leftOut: { zh: '未评完的评价不计入分布：', en: 'Incomplete results are left out of the distribution: ' },
} satisfies Record<string, Text>;

const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(Number(n.toFixed(2))));
const signed = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : n > 0 ? `+${fmt(n)}` : fmt(n));

/** Counts of complete totals in 10-point bins, for both versions (a total so far is no total); the bins reach the largest maximum. */
export function histogram(report: ImpactReport): { label: string; base: number; candidate: number }[] {
  const tops = report.assessments.flatMap((a) => [a.base.max, a.candidate.max, a.base.total, a.candidate.total]).filter((n): n is number => n !== null);
  const bins = Math.max(1, Math.ceil(Math.max(0, ...tops) / 10));
  const rows = Array.from({ length: bins }, (_, i) => ({ label: `${i * 10}–${(i + 1) * 10}`, base: 0, candidate: 0 }));
  const at = (total: number): number => Math.min(bins - 1, Math.max(0, Math.floor(total / 10)));
  for (const a of report.assessments) {
    if (a.base.total !== null && a.base.status === 'complete') rows[at(a.base.total)].base++;
    if (a.candidate.total !== null && a.candidate.status === 'complete') rows[at(a.candidate.total)].candidate++;
  }
  return rows;
}

/** A version's total for a table cell: an incomplete one reads "so far X (reachable min–max)". */
export function scoreTotal(score: VersionScore, lang: Language): string {
  if (score.total === null) return '—';
  const total = String(Number(score.total.toFixed(2)));
  if (score.status !== 'incomplete' || !score.reachable) return total;
  const range = formatRange(score.reachable.total.min, score.reachable.total.max);
  return lang === 'zh' ? `目前 ${total}（可达 ${range}）` : `so far ${total} (reachable ${range})`;
}

/** A version's tier for a table cell: the rejection, the tier (marked determined when incomplete), or the tiers still possible. */
export function scoreTier(score: VersionScore, names: LabelNames, noTier: string, lang: Language): string {
  if (score.status === 'invalid') return score.error ?? score.status;
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

export function ComparePage() {
  const [lang, setLang] = useState<Language>('zh');
  const [rubrics, setRubrics] = useState<RubricSummary[] | null>(null);
  const [rubricId, setRubricId] = useState('');
  const [base, setBase] = useState('');
  const [candidate, setCandidate] = useState('');
  const [street, setStreet] = useState('');
  const [diff, setDiff] = useState<RubricDiff | null>(null);
  const [report, setReport] = useState<ImpactReport | null>(null);
  const [compared, setCompared] = useState<ImpactRequest | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const t = (key: keyof typeof T): string => T[key][lang];

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

  const versions = rubrics?.find((r) => r.id === rubricId)?.versions ?? [];
  const chooseRubric = (id: string): void => {
    setRubricId(id);
    const list = rubrics?.find((r) => r.id === id)?.versions ?? [];
    setBase(list[0]?.version ?? '');
    setCandidate(list.at(-1)?.version ?? '');
  };

  const compare = async (): Promise<void> => {
    if (!rubricId || !base || !candidate) return;
    const body: ImpactRequest = { base: { id: rubricId, version: base }, candidate: { id: rubricId, version: candidate }, ...(street.trim() && { filter: { street: street.trim() } }) };
    setBusy(true);
    setError(null);
    try {
      const [d, r] = await Promise.all([api.diffVersions(rubricId, base, candidate), api.impact(body)]);
      setDiff(d);
      setReport(r);
      setCompared(body);
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

  const tier = (id: string | null): string => (id === null ? t('noTier') : pick(report?.transitions.labels[id], lang) || id);
  const names = tableNames(report?.transitions.labels ?? {}, report?.inputLabels ?? {}, lang);
  const missingOf = (score: VersionScore): string => joinLabels((score.missing ?? []).map(names.input), lang);
  const sourcesOf = (score: VersionScore): string =>
    (['supplied', 'defaulted', 'mapped'] as const)
      .filter((source) => score[source].length > 0)
      .map((source) => `${t(source)}${lang === 'zh' ? '：' : ': '}${joinLabels(score[source].map(names.input), lang)}`)
      .join(lang === 'zh' ? '；' : '; ');
  const leftOut = report ? { base: report.assessments.filter((a) => a.base.status === 'incomplete').length, candidate: report.assessments.filter((a) => a.candidate.status === 'incomplete').length } : null;
  const suggestion = diff ? suggestionLine(diff, lang) : null;
  /** A side of a tier change: its tier, or for an incomplete result without one, the tiers still possible. */
  const changeSide = (id: string, side: 'base' | 'candidate', tierId: string | null): string => {
    const score = tierId === null ? report?.assessments.find((a) => a.id === id)?.[side] : undefined;
    return score?.status === 'incomplete' && score.reachable ? scoreTier(score, names, t('noTier'), lang) : tier(tierId);
  };
  const bins = report ? histogram(report) : [];
  const binMax = Math.max(1, ...bins.flatMap((b) => [b.base, b.candidate]));

  return (
    <div className="page compare" lang={lang}>
      <div className="result-top">
        <h1>{t('title')}</h1>
        <LanguageSwitch lang={lang} onChange={setLang} label="Language" />
      </div>
      <ErrorBanner
        message={typeof error === 'string' ? error : (error?.message ?? null)}
        items={error instanceof ApiError ? error.details.map((d) => ({ field: d.path.replace(/^\//, '') || 'request', message: d.message })) : []}
      />
      <form
        className="compare-form panel"
        onSubmit={(e) => {
          e.preventDefault();
          void compare();
        }}
      >
        <label>
          {t('rubric')}
          <select value={rubricId} onChange={(e) => chooseRubric(e.target.value)}>
            {rubrics?.map((r) => (
              <option key={r.id} value={r.id}>
                {pick(r.title, lang) || r.id} ({r.id})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('base')}
          <select value={base} onChange={(e) => setBase(e.target.value)}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version} ({v.status})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('candidate')}
          <select value={candidate} onChange={(e) => setCandidate(e.target.value)}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version} ({v.status})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('street')}
          <input type="text" value={street} onChange={(e) => setStreet(e.target.value)} />
        </label>
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
            <div className="table-scroll">
              <RubricChangesTable changes={diff.changes} lang={lang} beforeLabel={t('before')} afterLabel={t('after')} testId="diff-table" />
            </div>
          )}
        </section>
      )}

      {report && (
        <section aria-labelledby="compare-impact">
          <h2 id="compare-impact">{t('impact')}</h2>
          <div className="score-headline compact" data-testid="impact-summary">
            {(
              [
                ['assessments', String(report.summary.assessments)],
                ['tierChanged', String(report.summary.tierChanged)],
                ['up', String(report.summary.up)],
                ['down', String(report.summary.down)],
                ['meanDelta', signed(report.summary.meanDelta)],
                ['range', `${signed(report.summary.minDelta)} … ${signed(report.summary.maxDelta)}`],
                ['incomplete', `${report.summary.incomplete?.base ?? 0} / ${report.summary.incomplete?.candidate ?? 0}`],
                ['undetermined', `${report.summary.undetermined?.base ?? 0} / ${report.summary.undetermined?.candidate ?? 0}`],
              ] as const
            ).map(([key, value]) => (
              <div className="stat" key={key} data-stat={key}>
                <span className="stat-label">{t(key)}</span>
                <span className="stat-value">{value}</span>
              </div>
            ))}
          </div>
          {report.summary.assessments === 0 && <p>{t('empty')}</p>}

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
                    const count = report.transitions.counts[i]?.[j] ?? 0;
                    return (
                      <td key={to ?? ''} className={`num${count > 0 && from !== to ? ' moved' : ''}`} data-from={from ?? ''} data-to={to ?? ''}>
                        {count}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>

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
                    {t('base')} {bin.base} · {t('candidate')} {bin.candidate}
                  </span>
                </li>
              ))}
            </ul>
            {leftOut && leftOut.base + leftOut.candidate > 0 && (
              <p className="hint">
                {t('leftOut')}
                {t('base')} {leftOut.base} · {t('candidate')} {leftOut.candidate}
              </p>
            )}
          </figure>

          <h3>{t('changes')}</h3>
          {report.tierChanges.length === 0 ? (
            <p>{t('noTierChanges')}</p>
          ) : (
            <ul data-testid="tier-changes">
              {report.tierChanges.map((c) => (
                <li key={c.id}>
                  <strong>{c.communityName ?? c.communityId}</strong> {c.street ? `(${c.street}) ` : ''}
                  {c.period ? `${c.period}: ` : ''}
                  {changeSide(c.id, 'base', c.fromTier)} → {changeSide(c.id, 'candidate', c.toTier)} {c.delta !== null && `(${signed(c.delta)})`}
                </li>
              ))}
            </ul>
          )}

          <div className="table-scroll">
            <table className="list" data-testid="impact-assessments">
              <caption>{t('perAssessment')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('community')}</th>
                  <th scope="col">{t('period')}</th>
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
                {report.assessments.map((a) => (
                  <tr key={a.id} className={a.tierChanged ? 'tier-changed' : undefined} data-assessment={a.id}>
                    <td>{a.communityName ?? a.communityId}</td>
                    <td>{a.period ?? ''}</td>
                    <td className="num">{scoreTotal(a.base, lang)}</td>
                    <td data-side="base">{scoreTier(a.base, names, t('noTier'), lang)}</td>
                    <td className="num">{scoreTotal(a.candidate, lang)}</td>
                    <td data-side="candidate">{scoreTier(a.candidate, names, t('noTier'), lang)}</td>
                    <td className="num">{signed(a.delta)}</td>
                    <td className="missing-answers" data-testid="missing-answers">
                      {missingOf(a.base) === missingOf(a.candidate)
                        ? missingOf(a.candidate) || '—'
                        : [
                            missingOf(a.base) && `${t('base')}${lang === 'zh' ? '：' : ': '}${missingOf(a.base)}`,
                            missingOf(a.candidate) && `${t('candidate')}${lang === 'zh' ? '：' : ': '}${missingOf(a.candidate)}`,
                          ]
                            .filter(Boolean)
                            .join(lang === 'zh' ? '；' : '; ')}
                    </td>
                    <td className="input-sources" data-testid="input-sources">
                      {sourcesOf(a.candidate) || '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

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
