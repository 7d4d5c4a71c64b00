/** The scored hierarchy's section: its top-level issues and a new top-level group (groups themselves open from the outline). */
import { useLanguage } from '../i18n/language.tsx';
import { addItem, newGroup } from '../model/document.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';

export function StructureEditor() {
  const { doc, readOnly, edit, select } = useEditor();
  const { t } = useLanguage();
  return (
    <section className="structure card" aria-labelledby="structure-heading">
      <h2 id="structure-heading">{t('editor.section.groups')}</h2>
      <FieldIssues pointer="/groups" />
      {!readOnly && (
        <div className="actions">
          <span>{t('editor.section.pick')}</span>
          <button
            type="button"
            onClick={() => {
              edit((d) => addItem(d, ['groups'], newGroup(d)), { step: true });
              select(`/groups/${doc.groups.length}`);
            }}
          >
            {t('editor.add.group')}
          </button>
        </div>
      )}
    </section>
  );
}
