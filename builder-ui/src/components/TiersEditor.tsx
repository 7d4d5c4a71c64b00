/**
 * Tiers, lowest first, by score ratio or by total points (a rubric/2 document's tierBasis): bounds
 * are entered and shown in that unit. Moving a threshold moves the neighbouring tier's bound too.
 */
import { maxTotalOf, tierBasisOf, type TierBasis } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { addItem, newTier, renameTier, setTierBasis, setTierBound, setTierInclusive } from '../model/document.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

export function TiersEditor() {
  const { doc, readOnly, edit } = useEditor();
  const { t, l } = useLanguage();
  const basis = tierBasisOf(doc);
  const max = maxTotalOf(doc).toFixed();
  return (
    <div className="tiers">
      <h2>{t('editor.section.tiers')}</h2>
      {doc.format === 'rubric/2' ? (
        <>
          <SelectField
            path={['tierBasis']}
            label={t('editor.tier.basis')}
            options={[
              { value: 'ratio', label: t('editor.tier.basisRatio') },
              { value: 'points', label: t('editor.tier.basisPoints', { max }) },
            ]}
            // One undoable step: the basis and every converted bound together.
            onValue={(value) => edit((d) => setTierBasis(d, value as TierBasis), { step: true })}
          />
          <p className="hint">{t('editor.tier.basisConverts', { max })}</p>
        </>
      ) : (
        <p className="hint" data-testid="tier-basis-rubric-1">
          {t('editor.tier.basisRubric1')}
        </p>
      )}
      <p className="hint">{basis === 'points' ? t('editor.tier.hintPoints', { max }) : t('editor.tier.hint')}</p>
      <FieldIssues pointer="/tiers" />
      {doc.tiers.map((tier, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: tiers are renamed in place; position is their identity
        <fieldset className="card" key={i} data-pointer={`/tiers/${i}`} data-tier={tier.id}>
          <legend>
            {t('editor.name.tier', { label: l(tier.label, tier.id) })}
          </legend>
          <div className="item-header">
            <span />
            <ItemControls listPath={['tiers']} index={i} count={doc.tiers.length} name={t('editor.name.tier', { label: l(tier.label, tier.id) })} />
          </div>
          <FieldIssues pointer={`/tiers/${i}`} />
          <div className="row">
            <TextField path={['tiers', i, 'id']} label={t('editor.tier.id')} onValue={(v) => edit((d) => renameTier(d, i, v))} />
            <NumberField path={['tiers', i, 'min', 'value']} label={t('editor.tier.min', { tier: l(tier.label, tier.id) })} onValue={(v) => v !== undefined && edit((d) => setTierBound(d, i, 'min', v))} />
            <CheckboxField path={['tiers', i, 'min', 'inclusive']} label={t('editor.tier.minIncluded')} onValue={(v) => edit((d) => setTierInclusive(d, i, 'min', v))} />
            <NumberField path={['tiers', i, 'max', 'value']} label={t('editor.tier.max', { tier: l(tier.label, tier.id) })} onValue={(v) => v !== undefined && edit((d) => setTierBound(d, i, 'max', v))} />
            <CheckboxField path={['tiers', i, 'max', 'inclusive']} label={t('editor.tier.maxIncluded')} onValue={(v) => edit((d) => setTierInclusive(d, i, 'max', v))} />
          </div>
          <FieldIssues pointer={`/tiers/${i}/min`} />
          <FieldIssues pointer={`/tiers/${i}/max`} />
          <LocalizedField path={['tiers', i, 'label']} label={t('editor.tier.name')} />
        </fieldset>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => edit((d) => addItem(d, ['tiers'], newTier(d)), { step: true })}>
          {t('editor.add.tier')}
        </button>
      )}
    </div>
  );
}
