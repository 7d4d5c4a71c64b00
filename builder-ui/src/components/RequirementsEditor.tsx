/** Baseline requirements: clause, modality, text, the conditions that meet them, and an optional tier gate. */
import { addItem, newRequirement, setAt } from '../model/document.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { ConditionEditor } from './ConditionEditor.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const MODALITIES = [
  { value: 'shall', label: 'shall 应' },
  { value: 'should', label: 'should 宜' },
  { value: 'may', label: 'may 可' },
];

export function RequirementsEditor() {
  const { doc, readOnly, edit } = useEditor();
  const tiers = doc.tiers.map((t) => ({ value: t.id, label: `${t.id} ${t.label.zh ?? t.label.en ?? ''}` }));
  return (
    <div className="requirements">
      <FieldIssues pointer="/requirements" />
      {doc.requirements.map((requirement, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: requirements are edited in place; position is their identity
        <fieldset className="card" key={i} data-pointer={`/requirements/${i}`} data-requirement={requirement.id}>
          <legend>Requirement {requirement.id}</legend>
          <div className="item-header">
            <span />
            <ItemControls listPath={['requirements']} index={i} count={doc.requirements.length} name={`requirement ${requirement.id}`} />
          </div>
          <FieldIssues pointer={`/requirements/${i}`} />
          <div className="row">
            <TextField path={['requirements', i, 'id']} label="Requirement id" />
            <TextField path={['requirements', i, 'clause']} label="Clause" />
            <SelectField path={['requirements', i, 'modality']} label="Modality" options={MODALITIES} />
            <CheckboxField
              path={['requirements', i, 'gate']}
              label="Gate: caps the tier when not met"
              onValue={(on) => edit((d) => setAt(d, ['requirements', i, 'gate'], on ? { capTier: d.tiers[0]?.id ?? '' } : undefined))}
            />
            {requirement.gate && <SelectField path={['requirements', i, 'gate', 'capTier']} label="Highest tier when not met" options={tiers} />}
          </div>
          <LocalizedField path={['requirements', i, 'text']} label="Requirement text" multiline />
          <ConditionEditor path={['requirements', i, 'conditions']} label={`Requirement ${requirement.id} is met when`} />
        </fieldset>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => edit((d) => addItem(d, ['requirements'], newRequirement(d)))}>
          + Requirement
        </button>
      )}
    </div>
  );
}
