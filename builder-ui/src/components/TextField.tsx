/** A labelled text field editing the string at a document path (empty text removes optional keys when `optional`). */
import { getAt, type Path, pointerOf, setAt } from '../model/document.ts';
import { controlId } from '../model/issues.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';

interface Props {
  path: Path;
  label: string;
  multiline?: boolean;
  optional?: boolean;
  type?: 'text' | 'date';
  /** Replaces the plain set, e.g. to rename references along with an id. */
  onValue?: (value: string) => void;
  className?: string;
}

export function TextField({ path, label, multiline, optional, type = 'text', onValue, className }: Props) {
  const { doc, readOnly, edit, issues } = useEditor();
  const pointer = pointerOf(path);
  const id = controlId(pointer);
  const value = (getAt(doc, path) as string | undefined) ?? '';
  const change = (text: string): void => {
    if (onValue) onValue(text);
    else edit((d) => setAt(d, path, optional && text === '' ? undefined : text));
  };
  const invalid = issues.get(pointer)?.some((i) => i.severity === 'error');
  const common = {
    id,
    value,
    readOnly,
    'aria-invalid': invalid || undefined,
    'aria-describedby': issues.has(pointer) ? `${id}-issues` : undefined,
    'data-pointer': pointer,
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...common} rows={2} onChange={(e) => change(e.target.value)} /> : <input {...common} type={type} onChange={(e) => change(e.target.value)} />}
      <FieldIssues pointer={pointer} />
    </div>
  );
}
