/** Rubrics and their versions with status; open one, or start a draft from any version. */
import { useEffect, useState } from 'react';
import { api, ApiError, errorMessage, type Role, type RubricSummary } from '../api.ts';
import { useLanguage } from '../i18n/language.tsx';
import { navigate } from './App.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';
import { said } from '../i18n/message.ts';

/** The next patch version not used yet: 1.0.0 → 1.0.1 (or 1.0.2 when 1.0.1 exists). */
function suggestVersion(from: string, used: string[]): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(from);
  if (!match) return `${from}-draft`;
  for (let patch = Number(match[3]) + 1; ; patch++) {
    const candidate = `${match[1]}.${match[2]}.${patch}`;
    if (!used.includes(candidate)) return candidate;
  }
}

export function RubricList({ role }: { role: Role }) {
  const { lang, t, l } = useLanguage();
  const [rubrics, setRubrics] = useState<RubricSummary[] | null>(null);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [copying, setCopying] = useState<{ id: string; from: string; version: string } | null>(null);

  useEffect(() => {
    api
      .listRubrics()
      .then(setRubrics)
      .catch((e) => setError(errorMessage(e)));
  }, []);

  const startDraft = async (): Promise<void> => {
    if (!copying) return;
    setError(null);
    try {
      await api.createVersion(copying.id, copying.version.trim(), copying.from);
      navigate('rubrics', copying.id, copying.version.trim());
    } catch (e) {
      setError(e instanceof ApiError ? e : errorMessage(e));
    }
  };

  const editor = role === 'editor';
  return (
    <div className="page rubric-list">
      <h1>{t('rubrics.heading')}</h1>
      <ErrorBanner
        message={typeof error === 'string' ? error : (error ? said(error, lang) : null)}
        items={error instanceof ApiError ? error.details.map((d) => ({ field: d.path.replace(/^\//, '') || t('common.request'), message: said(d, lang) })) : []}
      />
      {rubrics === null && !error && <p>{t('shell.loading')}</p>}
      {rubrics?.length === 0 && <p>{t('rubrics.none')}</p>}
      {rubrics?.map((rubric) => (
        <section key={rubric.id} className="card" data-rubric={rubric.id} aria-labelledby={`rubric-${rubric.id}`}>
          <h2 id={`rubric-${rubric.id}`}>
            {l(rubric.title, rubric.id)} <code>{rubric.id}</code>
          </h2>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('term.version')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('common.updated')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rubric.versions.map((v) => (
                <tr key={v.version} data-version={v.version}>
                  <td>
                    <a href={`#/rubrics/${encodeURIComponent(rubric.id)}/${encodeURIComponent(v.version)}`}>{v.version}</a>
                  </td>
                  <td>
                    <span className={`status status-${v.status}`}>{t(`status.${v.status}`)}</span>
                  </td>
                  <td>{new Date(v.updatedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</td>
                  <td>
                    <a href={`#/rubrics/${encodeURIComponent(rubric.id)}/${encodeURIComponent(v.version)}`}>{v.status === 'draft' && editor ? t('rubrics.edit') : t('rubrics.open')}</a>
                    {editor && (
                      <button
                        type="button"
                        aria-label={t('rubrics.newDraftOf', { rubric: rubric.id, version: v.version })}
                        onClick={() => setCopying({ id: rubric.id, from: v.version, version: suggestVersion(v.version, rubric.versions.map((x) => x.version)) })}
                      >
                        {t('rubrics.newDraft')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {copying?.id === rubric.id && (
            <form
              className="row copy-form"
              onSubmit={(e) => {
                e.preventDefault();
                void startDraft();
              }}
            >
              <div className="field">
                <label htmlFor="new-version">{t('rubrics.newVersion', { from: copying.from })}</label>
                <input id="new-version" value={copying.version} onChange={(e) => setCopying({ ...copying, version: e.target.value })} />
              </div>
              <button type="submit" className="primary">
                {t('rubrics.createDraft')}
              </button>
              <button type="button" onClick={() => setCopying(null)}>
                {t('common.cancel')}
              </button>
            </form>
          )}
        </section>
      ))}
    </div>
  );
}
