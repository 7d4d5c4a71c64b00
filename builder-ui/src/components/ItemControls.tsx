/** Move up / move down / remove buttons for one item of a list in the document. */
import { moveItem, type Path, removeItem } from '../model/document.ts';
import { useEditor } from './EditorContext.ts';

interface Props {
  listPath: Path;
  index: number;
  count: number;
  /** Names the item in the buttons' accessible names ("Remove criterion C3"). */
  name: string;
}

export function ItemControls({ listPath, index, count, name }: Props) {
  const { readOnly, edit } = useEditor();
  if (readOnly) return null;
  return (
    <span className="item-controls">
      <button type="button" aria-label={`Move ${name} up`} title="Move up" disabled={index === 0} onClick={() => edit((d) => moveItem(d, listPath, index, index - 1))}>
        ↑
      </button>
      <button type="button" aria-label={`Move ${name} down`} title="Move down" disabled={index === count - 1} onClick={() => edit((d) => moveItem(d, listPath, index, index + 1))}>
        ↓
      </button>
      <button type="button" className="danger" aria-label={`Remove ${name}`} title="Remove" onClick={() => edit((d) => removeItem(d, listPath, index))}>
        ✕
      </button>
    </span>
  );
}
