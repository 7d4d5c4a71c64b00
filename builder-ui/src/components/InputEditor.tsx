/** One input an assessor records: id, type, labels, unit, bounds, options or series items. */
import type { InputDefinition, InputType } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { addItem, getAt, newText, type Path, pointerOf, renameInput, setAt, withInputType } from '../model/document.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { SetInputInTests } from './SetInputInTests.tsx';
import { TextField } from './TextField.tsx';

/** The input types an editor can choose, each named by the catalogue (`inputType.<type>`). */
export const INPUT_TYPES: InputType[] = ['boolean', 'count', 'number', 'percentage', 'choice', 'multiChoice', 'series'];

export function InputEditor({ index }: { index: number }) {
  const { doc, readOnly, edit, select } = useEditor();
  const { t, l } = useLanguage();
  const count = doc.inputs.length;
  const path: Path = ['inputs', index];
  const input = getAt(doc, path) as InputDefinition;
  const pointer = pointerOf(path);
  const numeric = input.type === 'count' || input.type === 'number' || input.type === 'percentage' || input.type === 'series';
  return (
    <section className="input card" data-pointer={pointer} data-input={input.id} aria-labelledby={`${pointer}-heading`}>
      <div className="item-header">
        <h2 id={`${pointer}-heading`}>
          <code className="badge">{input.id}</code> {l(input.label) || t('editor.untitled')} · {t(`inputType.${input.type}`)}
        </h2>
        <ItemControls listPath={['inputs']} index={index} count={count} name={t('editor.name.input', { label: l(input.label, input.id) })} onMoved={select} />
      </div>
      <FieldIssues pointer={pointer} />
      <div className="row">
        <TextField path={[...path, 'id']} label={t('editor.input.id')} onValue={(v) => edit((d) => renameInput(d, index, v))} />
        <SelectField
          path={[...path, 'type']}
          label={t('editor.input.type')}
          options={INPUT_TYPES.map((type) => ({ value: type, label: t(`inputType.${type}`) }))}
          onValue={(type) => edit((d) => setAt(d, path, withInputType(d.inputs[index], type as InputType)))}
        />
        <CheckboxField path={[...path, 'required']} label={t('editor.input.required')} optional absent />
        {numeric && <NumberField path={[...path, 'minimum']} label={t('editor.input.minimum')} optional />}
        {numeric && <NumberField path={[...path, 'maximum']} label={t('editor.input.maximum')} optional />}
        {input.type === 'series' && <NumberField path={[...path, 'length']} label={t('editor.input.length')} step={1} min={1} />}
        {input.type === 'choice' && <CheckboxField path={[...path, 'ordered']} label={t('editor.input.ordered')} optional />}
      </div>
      <SetInputInTests key={`${input.id}-${input.type}`} input={input} />
      <LocalizedField path={[...path, 'label']} label={t('editor.input.label')} />
      <LocalizedField path={[...path, 'unit']} label={t('editor.input.unit')} />
      <LocalizedField path={[...path, 'help']} label={t('editor.input.help')} multiline />
      {(input.type === 'choice' || input.type === 'multiChoice') && (
        <div className="sublist">
          <h3>{t('editor.input.options')}</h3>
          <FieldIssues pointer={`${pointer}/options`} />
          {(input.options ?? []).map((option, o) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place; position is their identity
            <div className="row boxed" key={o}>
              <TextField path={[...path, 'options', o, 'value']} label={t('editor.input.optionValue', { n: o + 1 })} />
              <TextField path={[...path, 'options', o, 'label', 'zh']} label={t('editor.input.optionLabelZh', { n: o + 1 })} optional />
              <TextField path={[...path, 'options', o, 'label', 'en']} label={t('editor.input.optionLabelEn', { n: o + 1 })} optional />
              <ItemControls listPath={[...path, 'options']} index={o} count={input.options?.length ?? 0} name={t('editor.name.option', { label: l(option.label, option.value) })} />
            </div>
          ))}
          {!readOnly && (
            <button type="button" onClick={() => edit((d) => addItem(d, [...path, 'options'], { value: `option${(input.options?.length ?? 0) + 1}`, label: newText() }), { step: true })}>
              {t('editor.input.addOption')}
            </button>
          )}
        </div>
      )}
      {input.type === 'series' && (
        <div className="sublist">
          <h3>{t('editor.input.itemLabels')}</h3>
          <FieldIssues pointer={`${pointer}/itemLabels`} />
          <div className="row">
            {Array.from({ length: input.length ?? 0 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: series items are positional
              <div key={i} className="localized">
                <TextField path={[...path, 'itemLabels', i, 'zh']} label={t('editor.input.itemZh', { n: i + 1 })} optional />
                <TextField path={[...path, 'itemLabels', i, 'en']} label={t('editor.input.itemEn', { n: i + 1 })} optional />
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
