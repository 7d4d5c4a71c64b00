/**
 * Runs the saved version's embedded tests and shows each case's pass or fail with the differences;
 * for failed cases, the expectations the draft would give, to confirm one by one (never all at once).
 */
import type { RubricDocument, TestReport } from '../../../engine/browser.ts';
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
  return (
    <section className="panel test-run" aria-labelledby="tests-heading">
      <div className="item-header">
        <h2 id="tests-heading">Embedded tests</h2>
        <button type="button" onClick={onRun} disabled={running || !canRun}>
          {running ? 'Running…' : 'Save and run tests'}
        </button>
      </div>
      {report ? (
        <>
          <p className={`validity ${report.failed === 0 ? 'ok' : 'bad'}`} role="status" data-testid="test-summary">
            {report.failed === 0 ? `✓ ${report.passed} passed` : `✗ ${report.failed} failed, ${report.passed} passed`}
            {stale && ' (before your latest changes: run again)'}
          </p>
          <ul className="test-cases">
            {report.cases.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: case names may repeat
              <li key={i} className={c.passed ? 'pass' : 'fail'}>
                <span aria-hidden="true">{c.passed ? '✓' : '✗'}</span> <span className="visually-hidden">{c.passed ? 'passed' : 'failed'}</span> {c.name}
                {c.failures.length > 0 && (
                  <ul>
                    {c.failures.map((f, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat
                      <li key={j}>
                        <button type="button" className="link" onClick={() => onJump(f.path)}>
                          {describePointer(doc, f.path)}
                        </button>
                        : {f.message}
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
        <p className="hint">Not run yet. Tests run on the saved version, so this saves first.</p>
      )}
    </section>
  );
}
