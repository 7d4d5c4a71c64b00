/** The list of inputs, with a button per type to add one. */
import type { InputType } from '../../../engine/browser.ts';
import { addItem, newInput, positions } from '../model/document.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { INPUT_TYPES, InputEditor } from './InputEditor.tsx';

export function InputsEditor() {
  const { doc, readOnly, edit } = useEditor();
  const add = (type: InputType): void => edit((d) => addItem(d, ['inputs'], newInput(d, type)));
  return (
    <div className="inputs">
      <FieldIssues pointer="/inputs" />
      {positions(doc.inputs).map((i) => (
        <InputEditor key={i} index={i} count={doc.inputs.length} />
      ))}
      {!readOnly && (
        <div className="actions">
          <span>Add input:</span>
          {INPUT_TYPES.map((t) => (
            <button key={t.value} type="button" onClick={() => add(t.value)}>
              + {t.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
