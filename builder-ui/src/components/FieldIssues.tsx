/** The errors and warnings at one JSON pointer, shown under its control. */
import { useLanguage } from '../i18n/language.tsx';
import { said } from '../i18n/message.ts';
import { controlId } from '../model/issues.ts';
import { useEditor } from './EditorContext.ts';

export function FieldIssues({ pointer }: { pointer: string }) {
  const { issues } = useEditor();
  const { t, lang } = useLanguage();
  const list = issues.get(pointer);
  if (!list?.length) return null;
  return (
    <ul className="field-issues" id={`${controlId(pointer)}-issues`} data-pointer={pointer}>
      {list.map((issue, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same message may appear twice at one pointer
        <li key={`${issue.severity}:${issue.message}:${i}`} className={issue.severity}>
          <span className="issue-kind">
            {t(issue.severity === 'error' ? 'editor.issue.error' : 'editor.issue.warning')}
            {t('common.colon')}
          </span>
          {said(issue, lang)}
        </li>
      ))}
    </ul>
  );
}
