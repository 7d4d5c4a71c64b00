/** A text field editing a list of strings (ids, clauses), separated by commas. */
import { useState } from 'react';
import { getAt, type Path, pointerOf, setAt, splitList } from '../model/document.ts';
import { controlId } from '../model/issues.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';

export function ListField({ path, label }: { path: Path; label: string }) {
  const { doc, readOnly, edit } = useEditor();
  const pointer = pointerOf(path);
  const id = controlId(pointer);
  const value = (getAt(doc, path) as string[] | undefined) ?? [];
  const joined = value.join(', ');
  // Local text so a trailing comma can be typed; follows outside changes.
  const [text, setText] = useState(joined);
  const [seen, setSeen] = useState(joined);
  if (joined !== seen) {
    setSeen(joined);
    if (splitList(text).join(', ') !== joined) setText(joined);
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        readOnly={readOnly}
        data-pointer={pointer}
        onChange={(e) => {
          setText(e.target.value);
          const list = splitList(e.target.value);
          edit((d) => setAt(d, path, list));
        }}
      />
      <FieldIssues pointer={pointer} />
    </div>
  );
}
