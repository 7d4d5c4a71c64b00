/**
 * Review of expected values: per test, the expectation it has and the one the draft's
 * scores would give (total, tier and the indicators and requirements it lists), each with its own
 * confirm checkbox. Only confirmed tests change; nothing is taken from the draft silently.
 */
import { useState } from 'react';
import type { Language, RubricDocument } from '../../../engine/browser.ts';
import { api, errorMessage } from '../api.ts';
import { localized, message, useLanguage } from '../i18n/language.tsx';
import { walkHierarchy } from '../model/document.ts';
import { tierLabel } from '../model/result.ts';
import { type ExpectationChange, expectationChange } from '../model/test-expectations.ts';

interface Props {
  doc: RubricDocument;
  changes: ExpectationChange[];
  readOnly: boolean;
  /** Applies the confirmed changes (one edit). */
  onApply: (confirmed: ExpectationChange[]) => void;
  /** Distinguishes several reviews on one page (control ids). */
  idPrefix: string;
}

/** An expected field ("total", "tier", "indicators.<id>", "requirements.<id>") named by the rubric's labels. */
function fieldName(doc: RubricDocument, field: string, lang: Language): string {
  if (field === 'total' || field === 'tier') return message(`editor.review.${field}`, lang);
  const [part, id] = field.split('.');
  if (part === 'indicators') {
    const indicator = walkHierarchy(doc).indicators.find((i) => i.id === id);
    return message('editor.review.indicator', lang, { label: localized(indicator?.title, lang, id) });
  }
  return message('editor.review.requirement', lang, { clause: doc.requirements.find((r) => r.id === id)?.clause || id });
}

function shown(doc: RubricDocument, field: string, value: unknown, lang: Language): string {
  if (value === undefined) return '—';
  if (field === 'tier') return value === null ? message('editor.review.noTier', lang) : tierLabel(doc, value as string, lang);
  if (field.startsWith('requirements.') && (value === 'met' || value === 'notMet' || value === 'notAssessed')) return message(`findings.${value}`, lang);
  return String(value);
}

export function ExpectationReview({ doc, changes, readOnly, onApply, idPrefix }: Props) {
  const [confirmed, setConfirmed] = useState<Set<number>>(new Set());
  const { t, lang } = useLanguage();
  const chosen = changes.filter((c) => confirmed.has(c.index));
  const allId = `${idPrefix}-confirm-all`;
  return (
    <div className="expectation-review" data-testid="expectation-review">
      {changes.length > 1 && !readOnly && (
        // One confirmation for every change listed below, each still shown before it is applied.
        <span className="field-check">
          <input
            type="checkbox"
            id={allId}
            checked={chosen.length === changes.length}
            onChange={(e) => setConfirmed(e.target.checked ? new Set(changes.map((c) => c.index)) : new Set())}
          />
          <label htmlFor={allId}>{t('editor.review.acceptAll', { count: changes.length })}</label>
        </span>
      )}
      <ul>
        {changes.map((change) => (
          <li key={change.index} data-review-test={change.name}>
            <span className="field-check">
              <input
                type="checkbox"
                id={`${idPrefix}-confirm-${change.index}`}
                checked={confirmed.has(change.index)}
                disabled={readOnly}
                onChange={(e) =>
                  setConfirmed((set) => {
                    const next = new Set(set);
                    if (e.target.checked) next.add(change.index);
                    else next.delete(change.index);
                    return next;
                  })
                }
              />
              <label htmlFor={`${idPrefix}-confirm-${change.index}`}>
                {t('editor.review.accept', { name: change.name })}
              </label>
            </span>
            <table className="expectation-changes">
              <thead>
                <tr>
                  <th scope="col">{t('editor.review.field')}</th>
                  <th scope="col">{t('editor.review.now')}</th>
                  <th scope="col">{t('editor.review.draft')}</th>
                </tr>
              </thead>
              <tbody>
                {change.fields.map((f) => (
                  <tr key={f.field}>
                    <th scope="row">{fieldName(doc, f.field, lang)}</th>
                    <td>{shown(doc, f.field, f.before, lang)}</td>
                    <td>→ {shown(doc, f.field, f.after, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
      {!readOnly && (
        <button
          type="button"
          disabled={chosen.length === 0}
          onClick={() => {
            onApply(chosen);
            setConfirmed(new Set());
          }}
        >
          {t('editor.review.apply', { count: chosen.length })}
        </button>
      )}
    </div>
  );
}

/**
 * After a test run with failures: scores the failed tests with the current draft (the preview
 * route: the run's report carries no results) and offers their changes for review.
 */
export function ReviewFailedTests({ doc, failed, onApply }: { doc: RubricDocument; failed: number[]; onApply: (confirmed: ExpectationChange[]) => void }) {
  const { t } = useLanguage();
  const [state, setState] = useState<{ changes: ExpectationChange[]; unscored: string[] } | 'loading' | null>(null);
  const review = async (): Promise<void> => {
    setState('loading');
    const changes: ExpectationChange[] = [];
    const unscored: string[] = [];
    for (const index of failed) {
      const test = doc.tests[index];
      if (!test) continue;
      try {
        const result = await api.previewScore(doc, { inputs: test.inputs, ...(test.notApplicable && { notApplicable: test.notApplicable }) }, false);
        const change = expectationChange(doc, index, result);
        if (change) changes.push(change);
      } catch (error) {
        unscored.push(`${test.name}: ${errorMessage(error)}`);
      }
    }
    setState({ changes, unscored });
  };
  return (
    <div className="review-expectations">
      {state === null || state === 'loading' ? (
        <button type="button" disabled={state === 'loading'} onClick={() => void review()}>
          {state === 'loading' ? t('editor.review.scoring') : t('editor.review.failed', { count: failed.length })}
        </button>
      ) : (
        <>
          <h3>{t('editor.review.heading')}</h3>
          <p className="hint">{t('editor.review.hint')}</p>
          {state.changes.length > 0 ? (
            <ExpectationReview doc={doc} changes={state.changes} readOnly={false} onApply={onApply} idPrefix="run-review" />
          ) : (
            <p className="hint">{t('editor.review.none')}</p>
          )}
          {state.unscored.length > 0 && (
            <>
              <p className="hint">{t('editor.review.unscored')}</p>
              <ul>
                {state.unscored.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}
