/** A labelled number field editing the number at a document path; empty removes it when optional. */
import { useState } from 'react';
import { getAt, type Path, pointerOf, setAt } from '../model/document.ts';
import { controlId } from '../model/issues.ts';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';

interface Props {
  path: Path;
  label: string;
  optional?: boolean;
  step?: number | 'any';
  min?: number;
  /** Replaces the plain set (e.g. tier thresholds that move their neighbour too). */
  onValue?: (value: number | undefined) => void;
  className?: string;
  /** Keeps the label for screen readers only (a table row already names the value). */
  hiddenLabel?: boolean;
}

const parse = (text: string): number | undefined => (text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text));
const format = (value: number | undefined): string => (value === undefined ? '' : String(value));

export function NumberField({ path, label, optional, step = 'any', min, onValue, className, hiddenLabel }: Props) {
  const { doc, readOnly, edit, issues } = useEditor();
  const pointer = pointerOf(path);
  const id = controlId(pointer);
  const value = getAt(doc, path) as number | undefined;
  // Local text so half-typed numbers ("0.", "-") survive re-renders; follows outside changes.
  const [text, setText] = useState(format(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (parse(text) !== value) setText(format(value));
  }
  const change = (next: string): void => {
    setText(next);
    const number = parse(next);
    if (number === undefined && !optional && next.trim() !== '') return;
    if (number === undefined && !optional) return;
    if (onValue) onValue(number);
    else edit((d) => setAt(d, path, number));
  };
  return (
    <div className={`field field-number ${className ?? ''}`}>
      <label htmlFor={id} className={hiddenLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={step}
        min={min}
        value={text}
        readOnly={readOnly}
        data-pointer={pointer}
        aria-invalid={issues.get(pointer)?.some((i) => i.severity === 'error') || undefined}
        aria-describedby={issues.has(pointer) ? `${id}-issues` : undefined}
        onChange={(e) => change(e.target.value)}
      />
      <FieldIssues pointer={pointer} />
    </div>
  );
}
