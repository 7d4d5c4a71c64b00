/**
 * "Start the next assessment from this one": an assessor names the period and the assessor, the
 * server carries the answers into a draft under the newest published version, and the page moves
 * to that draft (its notice lists what to look at).
 */
import { useState } from 'react';
import type { Language } from '../../../engine/browser.ts';
import { type Assessment, api, ApiError, errorMessage, type PeriodKind } from '../api.ts';
import { navigate } from './App.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';

const ASSESSOR_KEY = 'rubric-studio.assessor';

export function CarryForwardAction({ assessment, lang }: { assessment: Assessment; lang: Language }) {
  const zh = lang === 'zh';
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(assessment.period.year + 1);
  const [kind, setKind] = useState<PeriodKind>(assessment.period.kind);
  const [assessor, setAssessor] = useState(() => localStorage.getItem(ASSESSOR_KEY) ?? assessment.assessor);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const start = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const name = assessor.trim() || assessment.assessor;
      localStorage.setItem(ASSESSOR_KEY, name);
      const created = await api.carryForward(assessment.id, { period: { year, kind }, assessor: name });
      navigate('assessments', created.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <button type="button" className="carry-forward-open" onClick={() => setOpen(true)}>
        {zh ? '以此为基础开始下一次评价' : 'Start the next assessment from this one'}
      </button>
    );
  }
  return (
    <section className="card carry-forward" aria-labelledby="carry-heading">
      <h2 id="carry-heading">{zh ? '以此为基础开始下一次评价' : 'Start the next assessment from this one'}</h2>
      <p className="hint">
        {zh
          ? '新草稿使用最新发布的版本，带入本次的答案；新增、评分已改和待回答的细则会标出。'
          : 'The new draft uses the newest published version and starts from these answers; new, changed and unanswered criteria are flagged.'}
      </p>
      <ErrorBanner
        message={error ? errorMessage(error) : null}
        items={error instanceof ApiError ? error.details.map((d) => ({ field: d.path.replace(/^\/body\//, '') || (zh ? '请求' : 'request'), message: d.message })) : []}
      />
      <div className="row">
        <div className="field">
          <label htmlFor="carry-year">{zh ? '年度' : 'Year'}</label>
          <input id="carry-year" type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </div>
        <div className="field">
          <label htmlFor="carry-kind">{zh ? '评价期' : 'Period'}</label>
          <select id="carry-kind" value={kind} onChange={(e) => setKind(e.target.value as PeriodKind)}>
            <option value="mid-term">{zh ? '中期' : 'mid-term'}</option>
            <option value="final">{zh ? '终期' : 'final'}</option>
            <option value="quarterly">{zh ? '季度' : 'quarterly'}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="carry-assessor">{zh ? '评价人' : 'Assessor'}</label>
          <input id="carry-assessor" value={assessor} onChange={(e) => setAssessor(e.target.value)} />
        </div>
      </div>
      <div className="form-buttons">
        <button type="button" onClick={() => setOpen(false)} disabled={busy}>
          {zh ? '取消' : 'Cancel'}
        </button>
        <button type="button" className="primary" onClick={() => void start()} disabled={busy}>
          {zh ? '开始新草稿' : 'Start the draft'}
        </button>
      </div>
    </section>
  );
}
