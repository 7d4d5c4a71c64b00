/**
 * "Start the next assessment from this one": an assessor names the period and the assessor, the
 * server carries the answers into a draft under the newest published version, and the page moves
 * to that draft (its notice lists what to look at).
 */
import { useState } from 'react';
import type { Language } from '../../../engine/browser.ts';
import { type Assessment, api, ApiError, errorMessage, type PeriodKind } from '../api.ts';
import { useDeployment } from '../deployment.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { navigate } from './App.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';
import { ASSESSOR_KEY, PeriodFields } from './PeriodFields.tsx';
import { said } from '../i18n/message.ts';


export function CarryForwardAction({ assessment, lang: given }: { assessment: Assessment; lang?: Language }) {
  const { t, lang } = useLanguage(given);
  const deployment = useDeployment(lang);
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(assessment.period.year + 1);
  // The same kind as the assessment carried from, while the profile still has it.
  const [kind, setKind] = useState<PeriodKind>(() => (deployment.kinds.some((k) => k.id === assessment.period.kind) ? assessment.period.kind : deployment.defaultKind));
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
        {t('carry.open')}
      </button>
    );
  }
  return (
    <section className="card carry-forward" aria-labelledby="carry-heading">
      <h2 id="carry-heading">{t('carry.open')}</h2>
      <p className="hint">
        {t('carry.hint')}
      </p>
      <ErrorBanner
        message={error ? errorMessage(error) : null}
        items={error instanceof ApiError ? error.details.map((d) => ({ field: d.path.replace(/^\/body\//, '') || t('common.request'), message: said(d, lang) })) : []}
      />
      <div className="row">
        <PeriodFields idPrefix="carry-" year={year} kind={kind} assessor={assessor} onYear={setYear} onKind={setKind} onAssessor={setAssessor} />
      </div>
      <div className="form-buttons">
        <button type="button" onClick={() => setOpen(false)} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void start()} disabled={busy}>
          {t('carry.start')}
        </button>
      </div>
    </section>
  );
}
