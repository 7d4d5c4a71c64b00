/**
 * Many supplementary answers at once: a CSV or XLSX file (columns community, period, input,
 * value, source, or 社区, 评价期, 输入项, 值, 来源) for one rubric version. One bad row and nothing
 * is stored; each bad row is named with its line.
 */
import { useState } from 'react';
import { api, ApiError, errorMessage, type RubricSummary, type SupplementUploadResult } from '../api.ts';
import { useDeployment } from '../deployment.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { said } from '../i18n/message.ts';

export function SupplementUpload({ rubrics }: { rubrics: RubricSummary[] }) {
  const { t, l, lang } = useLanguage();
  const deployment = useDeployment(lang);
  const [rubricId, setRubricId] = useState('');
  const [version, setVersion] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<SupplementUploadResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const rubric = rubrics.find((r) => r.id === (rubricId || rubrics[0]?.id));
  const chosenVersion = version || rubric?.versions.at(-1)?.version || '';

  const upload = async (): Promise<void> => {
    if (!rubric || !chosenVersion || !file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.uploadSupplements(rubric.id, chosenVersion, file));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const rows = error instanceof ApiError ? error.details : [];
  return (
    <section className="card supplement-upload" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('upload.heading')}</h2>
      {/* A period as the file may write it: the year and a kind's label (its id works too). */}
      <p className="hint">{t('upload.hint', { period: deployment.period({ year: 2025, kind: deployment.defaultKind }) })}</p>
      <div className="row">
        <div className="field">
          <label htmlFor="upload-rubric">{t('term.rubric')}</label>
          <select
            id="upload-rubric"
            value={rubric?.id ?? ''}
            onChange={(e) => {
              setRubricId(e.target.value);
              setVersion('');
            }}
          >
            {rubrics.map((r) => (
              <option key={r.id} value={r.id}>
                {l(r.title, r.id)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="upload-version">{t('term.version')}</label>
          <select id="upload-version" value={chosenVersion} onChange={(e) => setVersion(e.target.value)}>
            {(rubric?.versions ?? []).map((v) => (
              <option key={v.version} value={v.version}>
                {v.version} · {t(`status.${v.status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="upload-file">{t('upload.file')}</label>
          <input id="upload-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
      </div>
      <button type="button" className="primary" disabled={busy || !file || !chosenVersion} onClick={() => void upload()}>
        {t('upload.submit')}
      </button>
      {result && (
        <p className="status-message" role="status" data-testid="upload-result">
          {result.assessments !== undefined ? t('upload.storedOn', { stored: result.stored, assessments: result.assessments }) : t('upload.stored', { stored: result.stored })}
        </p>
      )}
      {error !== null && (
        <div className="error-banner" role="alert" data-testid="upload-errors">
          <p>{errorMessage(error)}</p>
          {rows.length > 0 && (
            <ul>
              {rows.map((d) => {
                const row = /^\/rows\/(\d+)/.exec(d.path)?.[1];
                return (
                  <li key={`${d.path}-${d.message}`}>
                    <strong>{row ? t('upload.row', { row }) : d.path}</strong>: {said(d, lang)}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
