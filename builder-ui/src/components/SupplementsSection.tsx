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
import { formatRange, joinLabels } from '../model/reachable.ts';
import { tierLabel } from '../model/result.ts';
import { type DraftValue, inputLabel, newerVersions, parseDraftValue, unansweredInputs, valueText } from '../model/supplements.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { ScoreHeadline } from './ScoreHeadline.tsx';
import { SupplementValueField } from './SupplementValueField.tsx';

interface Props {
  assessment: AssessmentWithSupplements;
  role: Role;
  lang: Language;
  /** The record after a change, or read again after a refused one. */
  onChange: (assessment: AssessmentWithSupplements) => void;
}

export function SupplementsSection({ assessment, role, lang, onChange }: Props) {
  const zh = lang === 'zh';
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
      setStatus(zh ? '有人在你打开后修改了这次评价，已重新加载；请核对后再试。' : 'Someone changed this assessment after you opened it; it has been reloaded. Check and try again.');
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
      setError(new ApiError(422, 'VALIDATION_FAILED', 'problem' in parsed ? parsed.problem : zh ? '请注明答案的来源。' : 'Say where the answer comes from.'));
      return;
    }
    setBusy(true);
    try {
      const next = await api.saveSupplement(assessment.id, input, { value: parsed.value, version: chosen, source }, assessment.revision);
      setDrafts(({ [input]: _done, ...rest }) => rest);
      setSources(({ [input]: _done, ...rest }) => rest);
      setStatus(zh ? `已记录“${inputLabel(doc ?? undefined, input, lang)}”的补充答案。` : `Recorded the answer to “${inputLabel(doc ?? undefined, input, lang)}”.`);
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
      setStatus(zh ? `已删除“${inputLabel(doc ?? undefined, input, lang)}”的补充答案。` : `Removed the answer to “${inputLabel(doc ?? undefined, input, lang)}”.`);
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
      <h2 id="supplements-heading">{zh ? '补充答案' : 'Supplementary answers'}</h2>
      <p className="hint">
        {zh
          ? '新版本提出了本次评价当时没有回答的问题：可在此补充答案并注明来源。原始答案和冻结的结果不会改变。'
          : 'A newer version asks what this assessment never answered: record those answers here with their source. The original answers and the frozen result never change.'}
      </p>
      <ErrorBanner
        message={error ? errorMessage(error) : null}
        items={error instanceof ApiError ? error.details.map((d) => ({ field: d.path.replace(/^\/(params|body)\//, '') || (zh ? '请求' : 'request'), message: d.message })) : []}
      />
      {status && (
        <p className="status-message" role="status">
          {status}
        </p>
      )}
      {versions === null ? (
        <p>{zh ? '加载中…' : 'Loading…'}</p>
      ) : versions.length === 0 ? (
        <p>{zh ? '该细则还没有更新的版本。' : 'The rubric has no newer version yet.'}</p>
      ) : (
        <div className="field">
          <label htmlFor="supplement-version">{zh ? '按哪个新版本补充' : 'Newer version to answer'}</label>
          <select id="supplement-version" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version} · {v.status === 'draft' ? (zh ? '草稿' : 'draft') : v.status === 'published' ? (zh ? '已发布' : 'published') : zh ? '已停用' : 'retired'}
              </option>
            ))}
          </select>
        </div>
      )}

      {doc && (
        <>
          <h3>{zh ? `${chosen} 提出、本次评价未回答的问题` : `What ${chosen} asks that this assessment never answered`}</h3>
          {open.length === 0 ? (
            <p data-testid="supplements-none-open">{asked.length === 0 ? (zh ? '没有——本次评价已回答该版本的全部问题。' : 'Nothing: the assessment answered everything this version asks.') : zh ? '都已补充。' : 'All of them are answered below.'}</p>
          ) : (
            <ul className="supplement-open">
              {open.map((input) => (
                <li key={input.id} data-input={input.id}>
                  {canSupply ? (
                    <div className="row">
                      <SupplementValueField id={`supplement-${input.id}`} input={input} lang={lang} value={drafts[input.id]} onChange={(v) => setDrafts((d) => ({ ...d, [input.id]: v }))} />
                      <div className="field">
                        <label htmlFor={`supplement-${input.id}-source`}>{zh ? '来源' : 'Source'}</label>
                        <input
                          id={`supplement-${input.id}-source`}
                          value={sources[input.id] ?? ''}
                          placeholder={zh ? '例如：2025年社区台账' : 'e.g. the 2025 community register'}
                          onChange={(e) => setSources((s) => ({ ...s, [input.id]: e.target.value }))}
                        />
                      </div>
                      <button type="button" className="primary" disabled={busy} onClick={() => void save(input.id)}>
                        {zh ? '记录答案' : 'Record the answer'}
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

      <h3>{zh ? '已补充的答案' : 'Answers supplied'}</h3>
      {stored.length === 0 ? (
        <p>{zh ? '还没有。' : 'None yet.'}</p>
      ) : (
        <div className="table-scroll">
          <table className="list" data-testid="supplements-list">
            <thead>
              <tr>
                <th scope="col">{zh ? '问题' : 'Question'}</th>
                <th scope="col">{zh ? '答案' : 'Answer'}</th>
                <th scope="col">{zh ? '版本' : 'Version'}</th>
                <th scope="col">{zh ? '来源' : 'Source'}</th>
                <th scope="col">{zh ? '记录人' : 'Recorded by'}</th>
                <th scope="col">{zh ? '时间' : 'When'}</th>
                {canSupply && <th scope="col">{zh ? '操作' : 'Action'}</th>}
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
                      {s.by} ({s.role === 'editor' ? (zh ? '编辑' : 'editor') : zh ? '评价员' : 'assessor'})
                    </td>
                    <td>{new Date(s.at).toLocaleString(zh ? 'zh-CN' : 'en-GB')}</td>
                    {canSupply && (
                      <td>
                        <button type="button" disabled={busy} onClick={() => void remove(id)} aria-label={zh ? `删除“${label}”的补充答案` : `Remove the answer to “${label}”`}>
                          {zh ? '删除' : 'Remove'}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {chosen && (
        <>
          <h3>{zh ? `按 ${chosen} 重新评分（含补充答案）` : `Rescored under ${chosen} (with the supplied answers)`}</h3>
          {!result || !doc ? (
            <p>{zh ? '计算中…' : 'Scoring…'}</p>
          ) : (
            <div data-testid="supplements-rescored" data-complete={String(result.complete)}>
              <ScoreHeadline result={result} doc={doc} lang={lang} compact />
              <p className="hint">
                {result.complete
                  ? zh
                    ? `结果完整：${result.total} / ${result.max}，${tierLabel(doc, result.tier, lang)}。`
                    : `Complete: ${result.total} / ${result.max}, ${tierLabel(doc, result.tier, lang)}.`
                  : zh
                    ? `尚缺答案，可达 ${formatRange(result.reachable?.total.min ?? result.total, result.reachable?.total.max ?? result.total)}。`
                    : `Answers still missing; reachable ${formatRange(result.reachable?.total.min ?? result.total, result.reachable?.total.max ?? result.total)}.`}
                {rescored && rescored.mapping.supplied.length > 0 &&
                  (zh
                    ? ` 使用的补充答案：${joinLabels(rescored.mapping.supplied.map((id) => inputLabel(doc, id, lang)), lang)}。`
                    : ` Supplied answers used: ${joinLabels(rescored.mapping.supplied.map((id) => inputLabel(doc, id, lang)), lang)}.`)}
              </p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
