/** The scored hierarchy: top-level groups → indicators → criteria → rules. */
import { addItem, newGroup, positions } from '../model/document.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { GroupEditor } from './GroupEditor.tsx';

export function StructureEditor() {
  const { doc, readOnly, edit } = useEditor();
  return (
    <div className="structure">
      <FieldIssues pointer="/groups" />
      {positions(doc.groups).map((g) => (
        <GroupEditor key={g} path={['groups', g]} index={g} count={doc.groups.length} />
      ))}
      {!readOnly && (
        <button type="button" onClick={() => edit((d) => addItem(d, ['groups'], newGroup(d)))}>
          + Group
        </button>
      )}
    </div>
  );
}
