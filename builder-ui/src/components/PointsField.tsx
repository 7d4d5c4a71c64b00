/** Points of a group or indicator, with a button setting them to the sum of the children. */
import type { Group, Indicator } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { childrenPoints, getAt, type Path, setAt } from '../model/document.ts';
import { useEditor } from './EditorContext.ts';
import { NumberField } from './NumberField.tsx';

export function PointsField({ path, name }: { path: Path; name: string }) {
  const { doc, readOnly, edit } = useEditor();
  const { t } = useLanguage();
  const node = getAt(doc, path) as Group | Indicator;
  const sum = childrenPoints(node);
  return (
    <div className="points-field">
      <NumberField path={[...path, 'points']} label={t('editor.points')} />
      {!readOnly && !node.cap && sum !== node.points && (
        <button type="button" title={t('editor.pointsSumHint', { name })} onClick={() => edit((d) => setAt(d, [...path, 'points'], sum))}>
          {t('editor.pointsSum', { sum })}
        </button>
      )}
    </div>
  );
}
