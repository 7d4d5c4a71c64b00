/** Tiers by score ratio, lowest first; moving a threshold moves the neighbouring tier's bound too. */
import { addItem, newTier, renameTier, setTierBound, setTierInclusive } from '../model/document.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { NumberField } from './NumberField.tsx';
import { TextField } from './TextField.tsx';

export function TiersEditor() {
  const { doc, readOnly, edit } = useEditor();
  return (
    <div className="tiers">
      <p className="hint">Ratios from 0 to 1 (0.85 = 85 %). Each ratio must fall in exactly one tier.</p>
      <FieldIssues pointer="/tiers" />
      {doc.tiers.map((tier, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: tiers are renamed in place; position is their identity
        <fieldset className="card" key={i} data-pointer={`/tiers/${i}`} data-tier={tier.id}>
          <legend>
            Tier {tier.id} {tier.label.zh ?? ''}
          </legend>
          <div className="item-header">
            <span />
            <ItemControls listPath={['tiers']} index={i} count={doc.tiers.length} name={`tier ${tier.id}`} />
          </div>
          <FieldIssues pointer={`/tiers/${i}`} />
          <div className="row">
            <TextField path={['tiers', i, 'id']} label="Tier id" onValue={(v) => edit((d) => renameTier(d, i, v))} />
            <NumberField path={['tiers', i, 'min', 'value']} label={`Lower bound of ${tier.id}`} onValue={(v) => v !== undefined && edit((d) => setTierBound(d, i, 'min', v))} />
            <CheckboxField path={['tiers', i, 'min', 'inclusive']} label="lower bound included (≥)" onValue={(v) => edit((d) => setTierInclusive(d, i, 'min', v))} />
            <NumberField path={['tiers', i, 'max', 'value']} label={`Upper bound of ${tier.id}`} onValue={(v) => v !== undefined && edit((d) => setTierBound(d, i, 'max', v))} />
            <CheckboxField path={['tiers', i, 'max', 'inclusive']} label="upper bound included (≤)" onValue={(v) => edit((d) => setTierInclusive(d, i, 'max', v))} />
          </div>
          <FieldIssues pointer={`/tiers/${i}/min`} />
          <FieldIssues pointer={`/tiers/${i}/max`} />
          <LocalizedField path={['tiers', i, 'label']} label="Tier name" />
        </fieldset>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => edit((d) => addItem(d, ['tiers'], newTier(d)))}>
          + Tier
        </button>
      )}
    </div>
  );
}
