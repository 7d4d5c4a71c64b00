/** One indicator (a row of the source table) and its criteria. */
import type { Indicator } from '../../../engine/browser.ts';
import { addItem, getAt, newCriterion, type Path, pointerOf, positions, renameIndicator } from '../model/document.ts';
import { pick } from '../model/result.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { CriterionEditor } from './CriterionEditor.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { PointsField } from './PointsField.tsx';
import { TextField } from './TextField.tsx';

export function IndicatorEditor({ path, index, count }: { path: Path; index: number; count: number }) {
  const { doc, readOnly, edit } = useEditor();
  const indicator = getAt(doc, path) as Indicator;
  const pointer = pointerOf(path);
  return (
    <details className="indicator card" data-pointer={pointer} data-indicator={indicator.id} open>
      <summary>
        <span className="badge">Indicator {indicator.number ?? indicator.id}</span> {pick(indicator.title, 'zh') || '(untitled)'} — {indicator.points}
      </summary>
      <div className="item-header">
        <span />
        <ItemControls listPath={path.slice(0, -1)} index={index} count={count} name={`indicator ${indicator.id}`} />
      </div>
      <FieldIssues pointer={pointer} />
      <div className="row">
        <TextField path={[...path, 'id']} label="Indicator id" onValue={(v) => edit((d) => renameIndicator(d, path, v))} />
        <TextField path={[...path, 'number']} label="Row number (序号)" optional />
        <TextField path={[...path, 'clause']} label="Clause" />
        <PointsField path={path} name={`indicator ${indicator.id}`} />
        <CheckboxField path={[...path, 'cap']} label="Points are a cap" optional />
      </div>
      <LocalizedField path={[...path, 'title']} label="Indicator title" />
      <div className="sublist">
        {positions(indicator.criteria).map((c) => (
          <CriterionEditor key={c} path={[...path, 'criteria', c]} index={c} count={indicator.criteria.length} indicator={indicator} />
        ))}
        <FieldIssues pointer={`${pointer}/criteria`} />
        {!readOnly && (
          <button type="button" onClick={() => edit((d) => addItem(d, [...path, 'criteria'], newCriterion(d)))}>
            + Criterion in {indicator.id}
          </button>
        )}
      </div>
    </details>
  );
}
