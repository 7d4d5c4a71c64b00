/**
 * Baseline requirements: the section (its issues and "+ Requirement") and one requirement —
 * clause, modality, text, the conditions that meet it, and an optional tier gate.
 */
import type { MessageKey } from '../i18n/messages/index.ts';
import { useLanguage } from '../i18n/language.tsx';
import { addItem, newRequirement, setAt } from '../model/document.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { ConditionEditor } from './ConditionEditor.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const MODALITIES: { value: string; label: MessageKey }[] = [
  { value: 'shall', label: 'modality.shall' },
  { value: 'should', label: 'modality.should' },
  { value: 'may', label: 'modality.may' },
];

export function RequirementsEditor() {
  const { doc, readOnly, edit, select } = useEditor();
  const { t } = useLanguage();
  return (
    <section className="requirements card" aria-labelledby="requirements-heading">
      <h2 id="requirements-heading">{t('editor.section.requirements')}</h2>
      <FieldIssues pointer="/requirements" />
      {!readOnly && (
        <div className="actions">
          <span>{t('editor.section.pick')}</span>
          <button
            type="button"
            onClick={() => {
              edit((d) => addItem(d, ['requirements'], newRequirement(d)), { step: true });
              select(`/requirements/${doc.requirements.length}`);
            }}
          >
            {t('editor.add.requirement')}
          </button>
        </div>
      )}
    </section>
  );
}

export function RequirementEditor({ index: i }: { index: number }) {
  const { doc, edit, select } = useEditor();
  const { t, l } = useLanguage();
  const requirement = doc.requirements[i];
  const tiers = doc.tiers.map((tier) => ({ value: tier.id, label: l(tier.label, tier.id) }));
  const pointer = `/requirements/${i}`;
  return (
    <section className="card requirement" data-pointer={pointer} data-requirement={requirement.id} aria-labelledby={`${pointer}-heading`}>
      <div className="item-header">
        <h2 id={`${pointer}-heading`}>{t('editor.requirement.heading', { id: requirement.id })}</h2>
        <ItemControls listPath={['requirements']} index={i} count={doc.requirements.length} name={t('editor.name.requirement', { label: requirement.clause ?? requirement.id })} onMoved={select} />
      </div>
      <FieldIssues pointer={pointer} />
      <div className="row">
        <TextField path={['requirements', i, 'id']} label={t('editor.requirement.id')} />
        <TextField path={['requirements', i, 'clause']} label={t('editor.requirement.clause')} />
        <SelectField path={['requirements', i, 'modality']} label={t('editor.requirement.modality')} options={MODALITIES.map((m) => ({ value: m.value, label: t(m.label) }))} />
      </div>
      <div className="row">
        <CheckboxField
          path={['requirements', i, 'gate']}
          label={t('editor.requirement.gate')}
          onValue={(on) => edit((d) => setAt(d, ['requirements', i, 'gate'], on ? { capTier: d.tiers[0]?.id ?? '' } : undefined))}
        />
        {requirement.gate && <SelectField path={['requirements', i, 'gate', 'capTier']} label={t('editor.requirement.capTier')} options={tiers} />}
      </div>
      <LocalizedField path={['requirements', i, 'text']} label={t('editor.requirement.text')} multiline />
      <ConditionEditor path={['requirements', i, 'conditions']} label={t('editor.requirement.metWhen', { id: requirement.id })} readsResults />
    </section>
  );
}
