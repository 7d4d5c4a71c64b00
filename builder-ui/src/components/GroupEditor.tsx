/** One group of the scored hierarchy, with its sub-groups and indicators. */
import type { Group } from '../../../engine/browser.ts';
import { addItem, getAt, newGroup, newIndicator, type Path, pointerOf, positions } from '../model/document.ts';
import { pick } from '../model/result.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { IndicatorEditor } from './IndicatorEditor.tsx';
import { ItemControls } from './ItemControls.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { PointsField } from './PointsField.tsx';
import { TextField } from './TextField.tsx';

export function GroupEditor({ path, index, count }: { path: Path; index: number; count: number }) {
  const { doc, readOnly, edit } = useEditor();
  const group = getAt(doc, path) as Group;
  const pointer = pointerOf(path);
  return (
    <details className="group card" data-pointer={pointer} data-group={group.id} open>
      <summary>
        <span className="badge">Group {group.id}</span> {pick(group.title, 'zh') || '(untitled)'} — {group.points}
      </summary>
      <div className="item-header">
        <span />
        <ItemControls listPath={path.slice(0, -1)} index={index} count={count} name={`group ${group.id}`} />
      </div>
      <FieldIssues pointer={pointer} />
      <div className="row">
        <TextField path={[...path, 'id']} label="Group id" />
        <PointsField path={path} name={`group ${group.id}`} />
        <CheckboxField path={[...path, 'cap']} label="Points are a cap" optional />
      </div>
      <LocalizedField path={[...path, 'title']} label="Group title" />
      <div className="sublist">
        {positions(group.groups).map((g) => (
          <GroupEditor key={g} path={[...path, 'groups', g]} index={g} count={group.groups?.length ?? 0} />
        ))}
        {positions(group.indicators).map((i) => (
          <IndicatorEditor key={i} path={[...path, 'indicators', i]} index={i} count={group.indicators?.length ?? 0} />
        ))}
        {!readOnly && (
          <div className="actions">
            {!group.groups?.length && (
              <button type="button" onClick={() => edit((d) => addItem(d, [...path, 'indicators'], newIndicator(d)))}>
                + Indicator in {group.id}
              </button>
            )}
            {!group.indicators?.length && (
              <button type="button" onClick={() => edit((d) => addItem(d, [...path, 'groups'], newGroup(d)))}>
                + Sub-group in {group.id}
              </button>
            )}
          </div>
        )}
      </div>
    </details>
  );
}
