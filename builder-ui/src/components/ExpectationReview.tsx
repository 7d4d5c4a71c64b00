/**
 * Review of expected values / 核对预期值: per test, the expectation it has and the one the draft's
 * scores would give (total, tier and the indicators and requirements it lists), each with its own
 * confirm checkbox. Only confirmed tests change; nothing is taken from the draft silently.
 */
import { useState } from 'react';
import type { RubricDocument } from '../../../engine/browser.ts';
import { api, errorMessage } from '../api.ts';
import { useLanguage } from '../i18n/language.tsx';
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

const FIELD_NAMES: Record<string, string> = { total: 'total / 总分', tier: 'tier / 档次' };

function fieldName(field: string): string {
  if (FIELD_NAMES[field]) return FIELD_NAMES[field];
  const [part, id] = field.split('.');
  return part === 'indicators' ? `indicator / 指标 ${id}` : `requirement / 要求 ${id}`;
}

function shown(doc: RubricDocument, field: string, value: unknown): string {
  if (value === undefined) return '—';
  if (field === 'tier') return value === null ? '(no tier / 无档次)' : `${tierLabel(doc, value as string, 'zh')} / ${tierLabel(doc, value as string, 'en')}`;
  return String(value);
}

export function ExpectationReview({ doc, changes, readOnly, onApply, idPrefix }: Props) {
  const [confirmed, setConfirmed] = useState<Set<number>>(new Set());
  const { t } = useLanguage();
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
                Accept the new expectation of “{change.name}” / 接受测试“{change.name}”的新预期
              </label>
            </span>
            <table className="expectation-changes">
              <thead>
                <tr>
                  <th scope="col">Expected value / 预期项</th>
                  <th scope="col">Now / 现有</th>
                  <th scope="col">Draft gives / 草稿得出</th>
                </tr>
              </thead>
              <tbody>
                {change.fields.map((f) => (
                  <tr key={f.field}>
                    <th scope="row">{fieldName(f.field)}</th>
                    <td>{shown(doc, f.field, f.before)}</td>
                    <td>→ {shown(doc, f.field, f.after)}</td>
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
          Apply the {chosen.length} confirmed / 应用已确认的 {chosen.length} 项
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
          {state === 'loading' ? 'Scoring… / 计分中…' : `Review the expected values of the ${failed.length} failed / 核对 ${failed.length} 个未通过测试的预期值`}
        </button>
      ) : (
        <>
          <h3>Review expected values / 核对预期值</h3>
          <p className="hint">Accept a new expectation only where the draft's result is the right one. / 仅在草稿结果正确时接受新预期。</p>
          {state.changes.length > 0 ? (
            <ExpectationReview doc={doc} changes={state.changes} readOnly={false} onApply={onApply} idPrefix="run-review" />
          ) : (
            <p className="hint">No expected value to change. / 没有需要修改的预期值。</p>
          )}
          {state.unscored.length > 0 && (
            <>
              <p className="hint">Could not be scored: give their missing inputs first. / 无法计分：请先补齐输入。</p>
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
