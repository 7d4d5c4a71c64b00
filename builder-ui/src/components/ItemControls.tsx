/**
 * Move up / move down / remove buttons for one item of a list in the document. Removing asks
 * first, in place (no modal dialog to lose the page behind), and the editor then offers undo.
 */
import { useEffect, useRef, useState } from 'react';
import { useLanguage } from '../i18n/language.tsx';
import { moveItem, type Path, pointerOf, removeItem } from '../model/document.ts';
import { controlId } from '../model/issues.ts';
import { useEditor } from './EditorContext.ts';

interface Props {
  listPath: Path;
  index: number;
  count: number;
  /** Names the item in the buttons' accessible names ("Remove criterion “开放式布局”"). */
  name: string;
  /** After a move, the item's editor follows it (the property panel shows one item by pointer). */
  onMoved?: (pointer: string) => void;
}

export function ItemControls({ listPath, index, count, name, onMoved }: Props) {
  const { readOnly, edit } = useEditor();
  const { t } = useLanguage();
  const [confirming, setConfirming] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  // The question replaces the ✕ under the pointer: focus follows so the keyboard answers it.
  useEffect(() => {
    if (confirming) yes.current?.focus();
  }, [confirming]);
  if (readOnly) return null;
  const move = (to: number): void => {
    edit((d) => moveItem(d, listPath, index, to), { step: true });
    onMoved?.(pointerOf([...listPath, to]));
  };
  const confirmId = `${controlId(pointerOf([...listPath, index]))}-confirm`;
  return (
    <span className="item-controls">
      <button type="button" aria-label={t('editor.item.up', { name })} title={t('editor.item.up', { name })} disabled={index === 0} onClick={() => move(index - 1)}>
        ↑
      </button>
      <button type="button" aria-label={t('editor.item.down', { name })} title={t('editor.item.down', { name })} disabled={index === count - 1} onClick={() => move(index + 1)}>
        ↓
      </button>
      {confirming ? (
        <span className="confirm-delete" role="alert" aria-labelledby={confirmId}>
          <span id={confirmId}>{t('editor.item.confirm', { name })}</span>
          <button
            type="button"
            className="danger"
            ref={yes}
            onClick={() => {
              setConfirming(false);
              edit((d) => removeItem(d, listPath, index), { step: true, deleted: name });
            }}
          >
            {t('editor.item.confirmYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('editor.item.confirmNo')}
          </button>
        </span>
      ) : (
        <button type="button" className="danger" aria-label={t('editor.item.remove', { name })} title={t('editor.item.remove', { name })} onClick={() => setConfirming(true)}>
          ✕
        </button>
      )}
    </span>
  );
}
