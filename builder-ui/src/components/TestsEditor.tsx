/** The embedded test cases of the rubric. */
import { addItem, newTestCase, positions } from '../model/document.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { TestCaseEditor } from './TestCaseEditor.tsx';

export function TestsEditor() {
  const { doc, readOnly, edit } = useEditor();
  return (
    <div className="tests">
      <FieldIssues pointer="/tests" />
      {positions(doc.tests).map((i) => (
        <TestCaseEditor key={i} index={i} count={doc.tests.length} />
      ))}
      {!readOnly && (
        <button type="button" onClick={() => edit((d) => addItem(d, ['tests'], newTestCase(d)))}>
          + Test case
        </button>
      )}
    </div>
  );
}
