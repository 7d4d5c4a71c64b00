/**
 * The draft as JSON for power users: editable, checked as it is typed (parse errors at once,
 * the server's validation a moment later), applied to the draft only when valid — and then one
 * undo step. Shown as text, never HTML. Read-only versions show it read-only.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Issue, RubricDocument } from '../../../engine/browser.ts';
import { api, ApiError, errorMessage } from '../api.ts';
import { useLanguage } from '../i18n/language.tsx';
import { said } from '../i18n/message.ts';
import { useEditor } from './EditorContext.ts';

/** Issues listed under the text; the rest are counted (a broken document can have thousands). */
const SHOWN_ISSUES = 20;
const CHECK_DELAY_MS = 400;

type Parsed = { ok: true; doc: RubricDocument; text: string } | { ok: false; error: string };

export function JsonView() {
  const { doc, readOnly, edit } = useEditor();
  const { t, lang } = useLanguage();
  const current = useMemo(() => JSON.stringify(doc, null, 2), [doc]);
  /** The text as typed; null while it follows the draft. */
  const [typed, setTyped] = useState<string | null>(null);
  const [check, setCheck] = useState<{ text: string; errors: Issue[] } | null>(null);
  const [applied, setApplied] = useState(false);
  const text = typed ?? current;

  const parsed: Parsed = useMemo(() => {
    try {
      const value: unknown = JSON.parse(text);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: t('editor.json.notObject') };
      return { ok: true, doc: value as RubricDocument, text };
    } catch (error) {
      return { ok: false, error: t('editor.json.parseError', { error: errorMessage(error) }) };
    }
  }, [text, t]);

  useEffect(() => {
    if (typed === null || !parsed.ok) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .previewValidate(parsed.doc)
        .then((report) => live && setCheck({ text: parsed.text, errors: report.errors }))
        .catch((e) => live && setCheck({ text: parsed.text, errors: e instanceof ApiError && e.details.length ? e.details : [{ path: '', message: errorMessage(e) }] }));
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [typed, parsed]);

  const checked = parsed.ok && check?.text === text ? check : null;
  const unchanged = typed === null || text === current;
  const canApply = !readOnly && parsed.ok && !!checked && checked.errors.length === 0 && !unchanged;
  const status = unchanged
    ? applied
      ? t('editor.json.applied')
      : t('editor.json.unchanged')
    : !parsed.ok
      ? parsed.error
      : !checked
        ? t('editor.json.checking')
        : checked.errors.length === 0
          ? t('editor.json.valid')
          : t('editor.json.invalid', { count: checked.errors.length });

  return (
    <section className="json-view card" aria-labelledby="json-heading">
      <h2 id="json-heading">{t('editor.section.json')}</h2>
      {!readOnly && <p className="hint">{t('editor.json.hint')}</p>}
      <div className="actions">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(text)}>
          {t('editor.json.copy')}
        </button>
        {!readOnly && (
          <>
            <button
              type="button"
              className="primary"
              disabled={!canApply}
              onClick={() => {
                if (!parsed.ok) return;
                edit(() => parsed.doc, { step: true });
                setTyped(null);
                setApplied(true);
              }}
            >
              {t('editor.json.apply')}
            </button>
            <button type="button" disabled={typed === null} onClick={() => setTyped(null)}>
              {t('editor.json.revert')}
            </button>
          </>
        )}
      </div>
      <p role="status" className={`json-status ${parsed.ok && checked?.errors.length === 0 ? 'ok' : !parsed.ok || (checked?.errors.length ?? 0) > 0 ? 'bad' : ''}`} data-testid="json-status">
        {status}
      </p>
      {checked && checked.errors.length > 0 && (
        <ul className="issue-list">
          {checked.errors.slice(0, SHOWN_ISSUES).map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues may repeat; position identifies them
            <li key={i} className="error">
              <code>{issue.path || '/'}</code> {said(issue, lang)}
            </li>
          ))}
          {checked.errors.length > SHOWN_ISSUES && <li>… +{checked.errors.length - SHOWN_ISSUES}</li>}
        </ul>
      )}
      <label htmlFor="json-view" className="visually-hidden">
        {t('editor.json.label')}
      </label>
      <textarea
        id="json-view"
        readOnly={readOnly}
        value={text}
        rows={30}
        spellCheck={false}
        aria-invalid={!parsed.ok || (checked?.errors.length ?? 0) > 0 || undefined}
        onChange={(e) => {
          setApplied(false);
          setTyped(e.target.value);
        }}
      />
    </section>
  );
}
