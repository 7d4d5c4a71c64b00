/**
 * Many supplementary answers at once: a CSV or XLSX file (columns community, period, input,
 * value, source, or 社区, 评估期, 输入, 值, 来源) for one rubric version. One bad row and nothing
 * is stored; each bad row is named with its line.
 */
import { useState } from 'react';
import { api, ApiError, errorMessage, type RubricSummary, type SupplementUploadResult } from '../api.ts';

export function SupplementUpload({ rubrics }: { rubrics: RubricSummary[] }) {
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
      <h2 id="upload-heading">Upload supplementary answers 批量上传补充答案</h2>
      <p className="hint">
        CSV (UTF-8) or XLSX; first row: community, period, input, value, source — 首行列名：社区, 评估期, 输入, 值, 来源. One bad row and nothing is stored. 有一行出错则全部不保存。
      </p>
      <div className="row">
        <div className="field">
          <label htmlFor="upload-rubric">Rubric 细则</label>
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
                {r.title.zh ?? r.title.en ?? r.id} {r.title.en && r.title.zh ? `· ${r.title.en}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="upload-version">Version 版本</label>
          <select id="upload-version" value={chosenVersion} onChange={(e) => setVersion(e.target.value)}>
            {(rubric?.versions ?? []).map((v) => (
              <option key={v.version} value={v.version}>
                {v.version} · {v.status === 'draft' ? 'draft 草稿' : v.status === 'published' ? 'published 已发布' : 'retired 已停用'}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="upload-file">File 文件 (.csv, .xlsx)</label>
          <input id="upload-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
      </div>
      <button type="button" className="primary" disabled={busy || !file || !chosenVersion} onClick={() => void upload()}>
        Upload 上传
      </button>
      {result && (
        <p className="status-message" role="status" data-testid="upload-result">
          Stored {result.stored} answers{result.assessments !== undefined ? ` on ${result.assessments} assessments` : ''}. 已保存 {result.stored} 条补充答案
          {result.assessments !== undefined ? `，涉及 ${result.assessments} 次评价` : ''}。
        </p>
      )}
      {error !== null && (
        <div className="error-banner" role="alert" data-testid="upload-errors">
          <p>{errorMessage(error)}</p>
          {rows.length > 0 && (
            <ul>
              {rows.map((d) => (
                <li key={`${d.path}-${d.message}`}>
                  <strong>{/^\/rows\/(\d+)/.test(d.path) ? `Row 第 ${d.path.replace(/^\/rows\/(\d+).*/, '$1')} 行` : d.path}</strong>: {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
