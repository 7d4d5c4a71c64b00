/** One input an assessor records: id, type, labels, unit, bounds, options or series items. */
import type { InputDefinition, InputType } from '../../../engine/browser.ts';
import { addItem, getAt, type Path, pointerOf, renameInput, setAt, withInputType } from '../model/document.ts';
import { pick } from '../model/result.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { SetInputInTests } from './SetInputInTests.tsx';
import { TextField } from './TextField.tsx';

export const INPUT_TYPES: { value: InputType; label: string }[] = [
  { value: 'boolean', label: 'yes / no 是否' },
  { value: 'count', label: 'count 个数' },
  { value: 'number', label: 'number 数值' },
  { value: 'percentage', label: 'percentage 百分比' },
  { value: 'choice', label: 'one choice 单选' },
  { value: 'multiChoice', label: 'several choices 多选' },
  { value: 'series', label: 'series (e.g. per month) 序列' },
];

export function InputEditor({ index, count }: { index: number; count: number }) {
  const { doc, readOnly, edit } = useEditor();
  const path: Path = ['inputs', index];
  const input = getAt(doc, path) as InputDefinition;
  const pointer = pointerOf(path);
  const numeric = input.type === 'count' || input.type === 'number' || input.type === 'percentage' || input.type === 'series';
  return (
    <details className="input card" data-pointer={pointer} data-input={input.id} open>
      <summary>
        <span className="badge">Input {input.id}</span> {pick(input.label, 'zh') || '(unlabelled)'} · {input.type}
      </summary>
      <div className="item-header">
        <span />
        <ItemControls listPath={['inputs']} index={index} count={count} name={`input ${input.id}`} />
      </div>
      <FieldIssues pointer={pointer} />
      <div className="row">
        <TextField path={[...path, 'id']} label="Input id (letters, digits, _)" onValue={(v) => edit((d) => renameInput(d, index, v))} />
        <SelectField
          path={[...path, 'type']}
          label="Type"
          options={INPUT_TYPES}
          onValue={(type) => edit((d) => setAt(d, path, withInputType(d.inputs[index], type as InputType)))}
        />
        <CheckboxField path={[...path, 'required']} label="Required" optional absent />
        {numeric && <NumberField path={[...path, 'minimum']} label="Minimum (optional)" optional />}
        {numeric && <NumberField path={[...path, 'maximum']} label="Maximum (optional)" optional />}
        {input.type === 'series' && <NumberField path={[...path, 'length']} label="Number of items" step={1} min={1} />}
        {input.type === 'choice' && <CheckboxField path={[...path, 'ordered']} label="Options are grades, lowest first" optional />}
      </div>
      <SetInputInTests key={`${input.id}-${input.type}`} input={input} />
      <LocalizedField path={[...path, 'label']} label="Label" />
      <LocalizedField path={[...path, 'unit']} label="Unit (optional)" />
      <LocalizedField path={[...path, 'help']} label="Help (optional)" multiline />
      {(input.type === 'choice' || input.type === 'multiChoice') && (
        <div className="sublist">
          <h5>Options</h5>
          <FieldIssues pointer={`${pointer}/options`} />
          {(input.options ?? []).map((option, o) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place; position is their identity
            <div className="row boxed" key={o}>
              <TextField path={[...path, 'options', o, 'value']} label={`Option ${o + 1} value`} />
              <TextField path={[...path, 'options', o, 'label', 'zh']} label={`Option ${o + 1} label (中文)`} optional />
              <TextField path={[...path, 'options', o, 'label', 'en']} label={`Option ${o + 1} label (English)`} optional />
              <ItemControls listPath={[...path, 'options']} index={o} count={input.options?.length ?? 0} name={`option ${option.value}`} />
            </div>
          ))}
          {!readOnly && (
            <button type="button" onClick={() => edit((d) => addItem(d, [...path, 'options'], { value: `option${(input.options?.length ?? 0) + 1}`, label: { zh: '', en: '' } }))}>
              + Option
            </button>
          )}
        </div>
      )}
      {input.type === 'series' && (
        <div className="sublist">
          <h5>Item labels (optional)</h5>
          <FieldIssues pointer={`${pointer}/itemLabels`} />
          <div className="row">
            {Array.from({ length: input.length ?? 0 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: series items are positional
              <div key={i} className="localized">
                <TextField path={[...path, 'itemLabels', i, 'zh']} label={`Item ${i + 1} (中文)`} optional />
                <TextField path={[...path, 'itemLabels', i, 'en']} label={`Item ${i + 1} (English)`} optional />
              </div>
            ))}
          </div>
        </div>
      )}
    </details>
  );
}
