/** The widget for one supplementary answer, suited to the input's type, labelled by the version's label. */
import type { InputDefinition, Language } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import type { DraftValue } from '../model/supplements.ts';

interface Props {
  id: string;
  input: InputDefinition;
  /** The page language unless given. */
  lang?: Language;
  value: DraftValue | undefined;
  onChange: (value: DraftValue) => void;
}

export function SupplementValueField({ id, input, lang: given, value, onChange }: Props) {
  const { t, l } = useLanguage(given);
  const label = l(input.label, input.id);
  const unit = l(input.unit);
  if (input.type === 'boolean' || input.type === 'multiChoice') {
    const options =
      input.type === 'boolean'
        ? [
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]
        : (input.options ?? []).map((o) => ({ value: o.value, label: l(o.label, o.value) }));
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="field supplement-value">
        <legend>{label}</legend>
        {options.map((o, i) => (
          <span key={o.value} className="field-check">
            {input.type === 'boolean' ? (
              <input id={`${id}-${i}`} type="radio" name={id} checked={value === o.value} onChange={() => onChange(o.value)} />
            ) : (
              <input
                id={`${id}-${i}`}
                type="checkbox"
                checked={chosen.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))}
              />
            )}
            <label htmlFor={`${id}-${i}`}>{o.label}</label>
          </span>
        ))}
      </fieldset>
    );
  }
  if (input.type === 'choice') {
    return (
      <div className="field supplement-value">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('value.choose')}</option>
          {(input.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {l(o.label, o.value)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const numeric = input.type !== 'series';
  return (
    <div className="field supplement-value">
      <label htmlFor={id}>
        {label}
        {unit && t('value.unit', { unit })}
        {!numeric && t('value.commaSeparated')}
      </label>
      <input
        id={id}
        type={numeric ? 'number' : 'text'}
        inputMode="decimal"
        {...(numeric && input.minimum !== undefined && { min: input.minimum })}
        {...(numeric && input.maximum !== undefined && { max: input.maximum })}
        step={input.type === 'count' ? 1 : 'any'}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
