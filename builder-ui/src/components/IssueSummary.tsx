/** All validation errors and lint warnings of the draft, each a button that jumps to its field. */
import type { RubricDocument } from '../../../engine/browser.ts';
import { describePointer, type PlacedIssue } from '../model/issues.ts';

interface Props {
  doc: RubricDocument;
  issues: PlacedIssue[];
  checking: boolean;
  valid: boolean | null;
  onJump: (pointer: string) => void;
}

export function IssueSummary({ doc, issues, checking, valid, onJump }: Props) {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <section className="panel issue-summary" aria-labelledby="issues-heading">
      <h2 id="issues-heading">Validation</h2>
      <p className={`validity ${valid ? 'ok' : valid === false ? 'bad' : ''}`} role="status" data-testid="validity">
        {valid === null ? 'Checking…' : valid ? '✓ Valid' : `✗ ${errors.length} error${errors.length === 1 ? '' : 's'}`}
        {warnings.length > 0 && ` · ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`}
        {checking && valid !== null && ' · checking…'}
      </p>
      {issues.length > 0 && (
        <ul className="issue-list">
          {issues.map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues may repeat; position identifies them
            <li key={i} className={issue.severity}>
              <button type="button" className="link" onClick={() => onJump(issue.path)}>
                {describePointer(doc, issue.path)}
              </button>
              : {issue.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
