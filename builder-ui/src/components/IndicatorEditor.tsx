/** One indicator (a row of the source table) and its criteria: what the property panel shows for it and for any of its criteria. */
import type { Indicator } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { addItem, getAt, newCriterion, type Path, pointerOf, positions, renameIndicator } from '../model/document.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { CriterionEditor } from './CriterionEditor.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { PointsField } from './PointsField.tsx';
import { TextField } from './TextField.tsx';

export function IndicatorEditor({ path }: { path: Path }) {
  const { doc, readOnly, edit, select } = useEditor();
  const { t, l } = useLanguage();
  const indicator = getAt(doc, path) as Indicator;
  const pointer = pointerOf(path);
  const index = path.at(-1) as number;
  const siblings = (getAt(doc, path.slice(0, -1)) as Indicator[]).length;
  const name = t('editor.name.indicator', { label: l(indicator.title, indicator.id) });
  return (
    <section className="indicator card" data-pointer={pointer} data-indicator={indicator.id} aria-labelledby={`${pointer}-heading`}>
      <div className="item-header">
        <h2 id={`${pointer}-heading`}>
          <span className="badge">{t('editor.indicator.heading', { id: indicator.number ?? indicator.id })}</span> {l(indicator.title) || t('editor.untitled')} — {indicator.points}
        </h2>
        <ItemControls listPath={path.slice(0, -1)} index={index} count={siblings} name={name} onMoved={select} />
      </div>
      <FieldIssues pointer={pointer} />
      <div className="row">
        <TextField path={[...path, 'id']} label={t('editor.indicator.id')} onValue={(v) => edit((d) => renameIndicator(d, path, v))} />
        <TextField path={[...path, 'number']} label={t('editor.indicator.number')} optional />
        <TextField path={[...path, 'clause']} label={t('editor.clause')} />
        <PointsField path={path} name={name} />
        <CheckboxField path={[...path, 'cap']} label={t('editor.cap')} optional />
      </div>
      <LocalizedField path={[...path, 'title']} label={t('editor.indicator.title')} />
      <div className="sublist">
        {positions(indicator.criteria).map((c) => (
          <CriterionEditor key={c} path={[...path, 'criteria', c]} index={c} count={indicator.criteria.length} indicator={indicator} />
        ))}
        <FieldIssues pointer={`${pointer}/criteria`} />
        {!readOnly && (
          <button
            type="button"
            onClick={() => {
              edit((d) => addItem(d, [...path, 'criteria'], newCriterion(d)), { step: true });
              select(pointerOf([...path, 'criteria', indicator.criteria.length]));
            }}
          >
            {t('editor.add.criterion')}
          </button>
        )}
      </div>
    </section>
  );
}
