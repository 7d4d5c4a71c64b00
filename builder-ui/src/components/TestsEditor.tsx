/** The embedded tests' section: its issues and "+ Test" (each test opens from the outline). */
import { useLanguage } from '../i18n/language.tsx';
import { addItem, newTestCase } from '../model/document.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';

export function TestsEditor() {
  const { doc, readOnly, edit, select } = useEditor();
  const { t } = useLanguage();
  return (
    <section className="tests card" aria-labelledby="tests-heading">
      <h2 id="tests-heading">{t('editor.section.tests')}</h2>
      <FieldIssues pointer="/tests" />
      {!readOnly && (
        <div className="actions">
          <span>{t('editor.section.pick')}</span>
          <button
            type="button"
            onClick={() => {
              edit((d) => addItem(d, ['tests'], newTestCase(d)), { step: true });
              select(`/tests/${doc.tests.length}`);
            }}
          >
            {t('editor.add.test')}
          </button>
        </div>
      )}
    </section>
  );
}
