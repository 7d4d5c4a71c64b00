/**
 * Runs the saved version's embedded tests and shows each case's pass or fail with the differences;
 * for failed cases, the expectations the draft would give, to confirm one by one (never all at once).
 */
import type { RubricDocument, TestReport } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { said } from '../i18n/message.ts';
import { describePointer } from '../model/issues.ts';
import type { ExpectationChange } from '../model/test-expectations.ts';
import { ReviewFailedTests } from './ExpectationReview.tsx';

interface Props {
  doc: RubricDocument;
  report: TestReport | null;
  stale: boolean;
  running: boolean;
  canRun: boolean;
  onRun: () => void;
  onJump: (pointer: string) => void;
  /** Applies the expectation changes the editor confirmed (one edit). */
  onApplyExpectations: (confirmed: ExpectationChange[]) => void;
}

export function TestRunPanel({ doc, report, stale, running, canRun, onRun, onJump, onApplyExpectations }: Props) {
  const { t, lang } = useLanguage();
  return (
    <section className="panel test-run" aria-labelledby="tests-heading">
      <div className="item-header">
        <h2 id="tests-heading">{t('editor.run.heading')}</h2>
        <button type="button" onClick={onRun} disabled={running || !canRun}>
          {running ? t('editor.run.running') : t('editor.run.button')}
        </button>
      </div>
      {report ? (
        <>
          <p className={`validity ${report.failed === 0 ? 'ok' : 'bad'}`} role="status" data-testid="test-summary">
            {report.failed === 0 ? t('editor.run.passed', { passed: report.passed }) : t('editor.run.failed', { failed: report.failed, passed: report.passed })}
            {stale && t('editor.run.stale')}
          </p>
          <ul className="test-cases">
            {report.cases.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: case names may repeat
              <li key={i} className={c.passed ? 'pass' : 'fail'}>
                <span aria-hidden="true">{c.passed ? '✓' : '✗'}</span> <span className="visually-hidden">{c.passed ? t('editor.run.casePassed') : t('editor.run.caseFailed')}</span> {c.name}
                {c.failures.length > 0 && (
                  <ul>
                    {c.failures.map((f, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat
                      <li key={j}>
                        <button type="button" className="link" onClick={() => onJump(f.path)}>
                          {describePointer(doc, f.path, lang)}
                        </button>
                        {t('common.colon')}
                        {said(f, lang)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {!stale && report.failed > 0 && (
            <ReviewFailedTests key={JSON.stringify(report)} doc={doc} failed={report.cases.flatMap((c, i) => (c.passed ? [] : [i]))} onApply={onApplyExpectations} />
          )}
        </>
      ) : (
        <p className="hint">{t('editor.run.notYet')}</p>
      )}
    </section>
  );
}
