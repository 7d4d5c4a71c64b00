/** A labelled checkbox editing the boolean at a document path (unchecked removes the key when optional). */
import { getAt, type Path, pointerOf, setAt } from '../model/document.ts';
import { controlId } from '../model/issues.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';

interface Props {
  path: Path;
  label: string;
  optional?: boolean;
  /** The value shown when the key is absent. */
  absent?: boolean;
  onValue?: (value: boolean) => void;
}

export function CheckboxField({ path, label, optional, absent = false, onValue }: Props) {
  const { doc, readOnly, edit } = useEditor();
  const pointer = pointerOf(path);
  const id = controlId(pointer);
  const raw = getAt(doc, path);
  const value = raw === undefined ? absent : Boolean(raw);
  const change = (checked: boolean): void => {
    if (onValue) onValue(checked);
    else edit((d) => setAt(d, path, optional && checked === absent ? undefined : checked));
  };
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={value} disabled={readOnly} data-pointer={pointer} onChange={(e) => change(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      <FieldIssues pointer={pointer} />
    </div>
  );
}
