/** A value of one input, typed by the input's definition (for test cases): unset, yes/no, number, option(s), series. */
import { useState } from 'react';
import type { InputDefinition, InputValue } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';

interface Props {
  id: string;
  input: InputDefinition;
  value: InputValue | undefined;
  readOnly: boolean;
  onChange: (value: InputValue | undefined) => void;
}

export function InputValueField({ id, input, value, readOnly, onChange }: Props) {
  const { t, l } = useLanguage();
  const label = (input: InputDefinition): string => l(input.label, input.id);
  if (input.type === 'boolean') {
    return (
      <div className="field">
        <label htmlFor={id}>{label(input)}</label>
        <select id={id} value={value === undefined ? '' : String(value)} disabled={readOnly} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}>
          <option value="">{t('editor.value.notGiven')}</option>
          <option value="true">{t('common.yes')}</option>
          <option value="false">{t('common.no')}</option>
        </select>
      </div>
    );
  }
  if (input.type === 'choice') {
    return (
      <div className="field">
        <label htmlFor={id}>{label(input)}</label>
        <select id={id} value={value === undefined ? '' : String(value)} disabled={readOnly} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          <option value="">{t('editor.value.notGiven')}</option>
          {(input.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {l(o.label, o.value)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (input.type === 'multiChoice') {
    const chosen = Array.isArray(value) ? (value as string[]) : [];
    return (
      <fieldset className="field">
        <legend>{label(input)}</legend>
        {(input.options ?? []).map((o, i) => (
          <span key={o.value} className="field-check">
            <input
              id={`${id}-${i}`}
              type="checkbox"
              checked={chosen.includes(o.value)}
              disabled={readOnly}
              onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))}
            />
            <label htmlFor={`${id}-${i}`}>{l(o.label, o.value)}</label>
          </span>
        ))}
      </fieldset>
    );
  }
  return <NumericValue id={id} input={input} value={value} readOnly={readOnly} onChange={onChange} />;
}

/** Numbers, or for a series numbers separated by commas; typed text kept locally until it parses. */
function NumericValue({ id, input, value, readOnly, onChange }: Props) {
  const { t, l } = useLanguage();
  const series = input.type === 'series';
  const shown = value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(shown);
  if (shown !== seen) {
    setSeen(shown);
    setText(shown);
  }
  const parse = (t: string): InputValue | undefined => {
    if (t.trim() === '') return undefined;
    if (series) return t.split(/[,，\s]+/).filter(Boolean).map(Number);
    return Number(t);
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {series ? t('editor.value.series', { label: l(input.label, input.id), count: input.length ?? '' }) : l(input.label, input.id)}
      </label>
      <input
        id={id}
        inputMode={series ? 'text' : 'decimal'}
        value={text}
        readOnly={readOnly}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parse(e.target.value);
          const ok = parsed === undefined || (Array.isArray(parsed) ? parsed.every(Number.isFinite) : Number.isFinite(parsed));
          if (ok) {
            setSeen(parsed === undefined ? '' : Array.isArray(parsed) ? parsed.join(', ') : String(parsed));
            onChange(parsed);
          }
        }}
      />
    </div>
  );
}
