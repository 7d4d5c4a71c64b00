/** All validation errors and lint warnings of the draft, each a button that jumps to its field. */
import type { RubricDocument } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { said } from '../i18n/message.ts';
import { describePointer, type PlacedIssue } from '../model/issues.ts';

interface Props {
  doc: RubricDocument;
  issues: PlacedIssue[];
  checking: boolean;
  valid: boolean | null;
  onJump: (pointer: string) => void;
}

export function IssueSummary({ doc, issues, checking, valid, onJump }: Props) {
  const { t, lang } = useLanguage();
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <section className="panel issue-summary" aria-labelledby="issues-heading">
      <h2 id="issues-heading">{t('editor.issues.heading')}</h2>
      <p className={`validity ${valid ? 'ok' : valid === false ? 'bad' : ''}`} role="status" data-testid="validity" data-checking={checking || undefined}>
        {valid === null ? t('editor.issues.checking') : valid ? t('editor.issues.valid') : t(errors.length === 1 ? 'editor.issues.error' : 'editor.issues.errors', { count: errors.length })}
        {warnings.length > 0 && t(warnings.length === 1 ? 'editor.issues.warning' : 'editor.issues.warnings', { count: warnings.length })}
        {checking && valid !== null && t('editor.issues.recheck')}
      </p>
      {issues.length > 0 && (
        <ul className="issue-list">
          {issues.map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues may repeat; position identifies them
            <li key={i} className={issue.severity}>
              <button type="button" className="link" onClick={() => onJump(issue.path)}>
                {describePointer(doc, issue.path, lang)}
              </button>
              {t('common.colon')}
              {said(issue, lang)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
