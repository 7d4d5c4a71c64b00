/** A labelled select editing the string at a document path. */
import { getAt, type Path, pointerOf, setAt } from '../model/document.ts';
import { useLanguage } from '../i18n/language.tsx';
import { controlId } from '../model/issues.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';

interface Props {
  path: Path;
  label: string;
  options: { value: string; label: string }[];
  /** Adds an empty choice that removes the key. */
  emptyLabel?: string;
  onValue?: (value: string) => void;
  className?: string;
  /** Keeps the label for screen readers only (a table's column header already names the value). */
  hiddenLabel?: boolean;
}

export function SelectField({ path, label, options, emptyLabel, onValue, className, hiddenLabel }: Props) {
  const { doc, readOnly, edit, issues } = useEditor();
  const { t } = useLanguage();
  const pointer = pointerOf(path);
  const id = controlId(pointer);
  const raw = getAt(doc, path);
  const value = raw === undefined || raw === null ? '' : String(raw);
  const known = options.some((o) => o.value === value) || (emptyLabel !== undefined && value === '');
  const change = (next: string): void => {
    if (onValue) onValue(next);
    else edit((d) => setAt(d, path, emptyLabel !== undefined && next === '' ? undefined : next));
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hiddenLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={readOnly}
        data-pointer={pointer}
        aria-invalid={issues.get(pointer)?.some((i) => i.severity === 'error') || undefined}
        aria-describedby={issues.has(pointer) ? `${id}-issues` : undefined}
        onChange={(e) => change(e.target.value)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {!known && <option value={value}>{t('editor.unknown', { value })}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldIssues pointer={pointer} />
    </div>
  );
}
