/** Points of a group or indicator, with a button setting them to the sum of the children. */
import type { Group, Indicator } from '../../../engine/browser.ts';
import { childrenPoints, getAt, type Path, setAt } from '../model/document.ts';
import { useEditor } from './EditorContext.ts';
import { NumberField } from './NumberField.tsx';

export function PointsField({ path, name }: { path: Path; name: string }) {
  const { doc, readOnly, edit } = useEditor();
  const node = getAt(doc, path) as Group | Indicator;
  const sum = childrenPoints(node);
  return (
    <div className="points-field">
      <NumberField path={[...path, 'points']} label="Maximum points" />
      {!readOnly && !node.cap && sum !== node.points && (
        <button type="button" title={`Set the points of ${name} to the sum of its children`} onClick={() => edit((d) => setAt(d, [...path, 'points'], sum))}>
          Set to sum {sum}
        </button>
      )}
    </div>
  );
}
