/**
 * Supplementary answers of a submitted assessment: under a newer version of its rubric (published
 * or draft), the inputs that version asks which the assessment never answered, each answerable by
 * an assessor or editor with a source note; the answers recorded so far (who, when, from where)
 * and what the assessment scores under that version with them. The original result never changes.
 * Every write names the revision read; when someone changed the record since, the page says so
 * and reloads it.
 */
import { useEffect, useState } from 'react';
import type { Language, RubricDocument } from '../../../engine/browser.ts';
import { type AssessmentWithSupplements, api, ApiError, errorMessage, isStale, type RescoreReport, type Role, type VersionSummary } from '../api.ts';
import { useLanguage } from '../i18n/language.tsx';
import { formatRange, joinLabels } from '../model/reachable.ts';
import { tierLabel } from '../model/result.ts';
import { type DraftValue, inputLabel, newerVersions, parseDraftValue, unansweredInputs, valueText } from '../model/supplements.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { ScoreHeadline } from './ScoreHeadline.tsx';
import { SupplementValueField } from './SupplementValueField.tsx';
import { said } from '../i18n/message.ts';
import { TableScroll } from './TableScroll.tsx';

interface Props {
  assessment: AssessmentWithSupplements;
  role: Role;
  /** The page language unless given (callers that still keep their own). */
  lang?: Language;
  /** The record after a change, or read again after a refused one. */
  onChange: (assessment: AssessmentWithSupplements) => void;
}

export function SupplementsSection({ assessment, role, lang: given, onChange }: Props) {
  const { lang, t } = useLanguage(given);
  const canSupply = role === 'assessor' || role === 'editor';
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [doc, setDoc] = useState<RubricDocument | null>(null);
  const [rescored, setRescored] = useState<RescoreReport | null>(null);
  const [drafts, setDrafts] = useState<Record<string, DraftValue>>({});
  const [sources, setSources] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .listRubrics()
      .then((rubrics) => {
        if (!live) return;
        const newer = newerVersions(rubrics.find((r) => r.id === assessment.rubric.id)?.versions ?? [], assessment.rubric.version);
        setVersions(newer);
        setChosen((c) => c || newer[0]?.version || '');
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [assessment.rubric.id, assessment.rubric.version]);

  useEffect(() => {
    if (!chosen) return;
    let live = true;
    setDoc(null);
    api
      .getVersion(assessment.rubric.id, chosen)
      .then((v) => live && setDoc(v.document))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [assessment.rubric.id, chosen]);

  // Rescored again after every change of the record (its revision), so the result shows the supplements.
  const revision = assessment.revision;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the revision is the trigger: a changed record rescores differently
  useEffect(() => {
    if (!chosen) return;
    let live = true;
    setRescored(null);
    api
      .rescoreAssessment(assessment.id, { id: assessment.rubric.id, version: chosen })
      .then((r) => live && setRescored(r))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [assessment.id, assessment.rubric.id, chosen, revision]);

  /** A refused write on a stale revision: say so, and read the record again. */
  const handle = async (e: unknown): Promise<void> => {
    if (isStale(e)) {
      setStatus(t('supplements.stale'));
      try {
        onChange(await api.getAssessment(assessment.id));
      } catch (again) {
        setError(again);
      }
    } else setError(e);
  };

  const save = async (input: string): Promise<void> => {
    const definition = doc?.inputs.find((i) => i.id === input);
    if (!definition) return;
    setError(null);
    setStatus(null);
    const parsed = parseDraftValue(definition, drafts[input], lang);
    const source = (sources[input] ?? '').trim();
    if ('problem' in parsed || !source) {
      setError(new ApiError(422, 'VALIDATION_FAILED', 'problem' in parsed ? parsed.problem : t('supplements.needSource')));
      return;
    }
    setBusy(true);
    try {
      const next = await api.saveSupplement(assessment.id, input, { value: parsed.value, version: chosen, source }, assessment.revision);
      setDrafts(({ [input]: _done, ...rest }) => rest);
      setSources(({ [input]: _done, ...rest }) => rest);
      setStatus(t('supplements.recorded', { input: inputLabel(doc ?? undefined, input, lang) }));
      onChange(next);
    } catch (e) {
      await handle(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (input: string): Promise<void> => {
    setError(null);
    setStatus(null);
    setBusy(true);
    try {
      const next = await api.removeSupplement(assessment.id, input, assessment.revision);
      setStatus(t('supplements.removed', { input: inputLabel(doc ?? undefined, input, lang) }));
      onChange(next);
    } catch (e) {
      await handle(e);
    } finally {
      setBusy(false);
    }
  };

  const supplements = assessment.supplements ?? {};
  // Until the rescore under the chosen version arrives, inputs are matched by id.
  const carried = rescored?.rescored.rubric.version === chosen ? rescored.mapping : undefined;
  const asked = doc ? unansweredInputs(doc, assessment.inputs ?? {}, carried) : [];
  const open = asked.filter((i) => !Object.hasOwn(supplements, i.id));
  const stored = Object.entries(supplements);
  const result = rescored?.rescored;

  return (
    <section className="card supplements no-print" aria-labelledby="supplements-heading" data-testid="supplements">
      <h2 id="supplements-heading">{t('supplements.heading')}</h2>
      <p className="hint">
        {t('supplements.intro')}
      </p>
      <ErrorBanner
        message={error ? errorMessage(error) : null}
        items={error instanceof ApiError ? error.details.map((d) => ({ field: d.path.replace(/^\/(params|body)\//, '') || t('common.request'), message: said(d, lang) })) : []}
      />
      {status && (
        <p className="status-message" role="status">
          {status}
        </p>
      )}
      {versions === null ? (
        <p>{t('shell.loading')}</p>
      ) : versions.length === 0 ? (
        <p>{t('supplements.noNewer')}</p>
      ) : (
        <div className="field">
          <label htmlFor="supplement-version">{t('supplements.version')}</label>
          <select id="supplement-version" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version} · {t(`status.${v.status}`)}
              </option>
            ))}
          </select>
        </div>
      )}

      {doc && (
        <>
          <h3>{t('supplements.asks', { version: chosen })}</h3>
          {open.length === 0 ? (
            <p data-testid="supplements-none-open">{asked.length === 0 ? t('supplements.nothingAsked') : t('supplements.allAnswered')}</p>
          ) : (
            <ul className="supplement-open">
              {open.map((input) => (
                <li key={input.id} data-input={input.id}>
                  {canSupply ? (
                    <div className="row">
                      <SupplementValueField id={`supplement-${input.id}`} input={input} lang={lang} value={drafts[input.id]} onChange={(v) => setDrafts((d) => ({ ...d, [input.id]: v }))} />
                      <div className="field">
                        <label htmlFor={`supplement-${input.id}-source`}>{t('supplements.source')}</label>
                        <input
                          id={`supplement-${input.id}-source`}
                          value={sources[input.id] ?? ''}
                          placeholder={t('supplements.sourceExample')}
                          onChange={(e) => setSources((s) => ({ ...s, [input.id]: e.target.value }))}
                        />
                      </div>
                      <button type="button" className="primary" disabled={busy} onClick={() => void save(input.id)}>
                        {t('supplements.record')}
                      </button>
                    </div>
                  ) : (
                    <span>{inputLabel(doc, input.id, lang)}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <h3>{t('supplements.supplied')}</h3>
      {stored.length === 0 ? (
        <p>{t('supplements.noneYet')}</p>
      ) : (
        <TableScroll label={t('supplements.heading')}>
          <table className="list" data-testid="supplements-list">
            <thead>
              <tr>
                <th scope="col">{t('supplements.question')}</th>
                <th scope="col">{t('supplements.answer')}</th>
                <th scope="col">{t('term.version')}</th>
                <th scope="col">{t('supplements.source')}</th>
                <th scope="col">{t('supplements.by')}</th>
                <th scope="col">{t('supplements.when')}</th>
                {canSupply && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {stored.map(([id, s]) => {
                const definition = doc?.inputs.find((i) => i.id === id);
                const label = inputLabel(doc ?? undefined, id, lang);
                return (
                  <tr key={id} data-input={id}>
                    <td>{label}</td>
                    <td>{valueText(definition, s.value, lang)}</td>
                    <td>{s.version}</td>
                    <td>{s.source}</td>
                    <td>
                      {t('supplements.byRole', { name: s.by, role: t(`role.${s.role}`) })}
                    </td>
                    <td>{new Date(s.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</td>
                    {canSupply && (
                      <td>
                        <button type="button" disabled={busy} onClick={() => void remove(id)} aria-label={t('supplements.removeLabel', { input: label })}>
                          {t('supplements.remove')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}

      {chosen && (
        <>
          <h3>{t('supplements.rescored', { version: chosen })}</h3>
          {!result || !doc ? (
            <p>{t('supplements.scoring')}</p>
          ) : (
            <div data-testid="supplements-rescored" data-complete={String(result.complete)}>
              <ScoreHeadline result={result} doc={doc} lang={lang} compact />
              <p className="hint">
                {result.complete
                  ? t('supplements.complete', { total: result.total, max: result.max, tier: tierLabel(doc, result.tier, lang) })
                  : t('supplements.incomplete', { range: formatRange(result.reachable?.total.min ?? result.total, result.reachable?.total.max ?? result.total) })}
                {rescored &&
                  rescored.mapping.supplied.length > 0 &&
                  ` ${t('supplements.used', { inputs: joinLabels(rescored.mapping.supplied.map((id) => inputLabel(doc, id, lang)), lang) })}`}
              </p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
