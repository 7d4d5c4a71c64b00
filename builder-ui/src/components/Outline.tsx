/**
 * The whole rubric as a tree on the left of the builder: search, an error / warning badge per
 * item, selection (the property panel shows the selected item), reordering by drag or Alt+↑/↓.
 * ↑/↓ alone move between items, as in a file tree.
 */
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useLanguage } from '../i18n/language.tsx';
import type { Path } from '../model/document.ts';
import { filterOutline, type IssueCount, type OutlineNode } from '../model/outline.ts';

interface Props {
  nodes: OutlineNode[];
  /** The pointer the property panel shows. */
  selected: string;
  counts: Map<string, IssueCount>;
  readOnly: boolean;
  onSelect: (pointer: string) => void;
  /** Moves an item within its list; returns the moved item's new pointer. */
  onMove: (list: Path, from: number, to: number) => string;
}

/** Indicators start folded (their criteria show when one is selected or searched for). */
const startsFolded = (node: OutlineNode): boolean => node.kind === 'indicator';

export function Outline({ nodes, selected, counts, readOnly, onSelect, onMove }: Props) {
  const { t } = useLanguage();
  const [query, setQuery] = useState('');
  /** Nodes the person folded or unfolded, against their default. */
  const [toggled, setToggled] = useState<Set<string>>(() => new Set());
  const [focusAfterMove, setFocusAfterMove] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const tree = useRef<HTMLUListElement>(null);
  /** The list (as JSON of its path) of the item being dragged: drops land only within it. */
  const dragging = useRef<string | null>(null);
  const shown = useMemo(() => filterOutline(nodes, query), [nodes, query]);
  const searching = query.trim() !== '';

  useEffect(() => {
    if (!focusAfterMove) return;
    tree.current?.querySelector<HTMLElement>(`[data-outline="${CSS.escape(focusAfterMove)}"]`)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  const open = (node: OutlineNode): boolean =>
    searching || selected.startsWith(`${node.pointer}/`) || (startsFolded(node) ? toggled.has(node.pointer) : !toggled.has(node.pointer));
  const toggle = (pointer: string): void =>
    setToggled((s) => {
      const next = new Set(s);
      if (!next.delete(pointer)) next.add(pointer);
      return next;
    });

  const move = (node: OutlineNode, to: number): void => {
    if (!node.list || readOnly || to < 0 || to >= node.list.count) return;
    const moved = onMove(node.list.path, node.list.index, to);
    setAnnouncement(t('editor.outline.moved', { position: to + 1 }));
    setFocusAfterMove(moved);
  };

  const onKey = (event: KeyboardEvent<HTMLButtonElement>, node: OutlineNode): void => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown') && node.list) {
      event.preventDefault();
      move(node, node.list.index + (event.key === 'ArrowUp' ? -1 : 1));
      return;
    }
    if (!event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const items = [...(tree.current?.querySelectorAll<HTMLElement>('[data-outline]') ?? [])];
      const at = items.indexOf(event.currentTarget);
      items[at + (event.key === 'ArrowUp' ? -1 : 1)]?.focus();
    }
  };

  const render = (node: OutlineNode) => {
    const count = counts.get(node.pointer);
    const expanded = node.children.length > 0 ? open(node) : undefined;
    const sameList = (path: string): boolean => !!node.list && JSON.stringify(node.list.path) === path;
    return (
      <li
        key={node.pointer}
        className={`outline-${node.kind}`}
        onDragOver={(e) => {
          if (sameList(dragging.current ?? '')) e.preventDefault();
        }}
        onDrop={(e) => {
          e.stopPropagation();
          const from = Number(e.dataTransfer.getData('application/x-rubric-index'));
          if (node.list && sameList(dragging.current ?? '') && Number.isInteger(from) && from !== node.list.index) {
            e.preventDefault();
            const moved = onMove(node.list.path, from, node.list.index);
            setAnnouncement(t('editor.outline.moved', { position: node.list.index + 1 }));
            onSelect(moved);
          }
          dragging.current = null;
        }}
      >
        <div className="outline-row">
          {expanded !== undefined ? (
            <button type="button" className="outline-toggle" aria-expanded={expanded} aria-label={t('editor.outline.expand', { name: node.label })} onClick={() => toggle(node.pointer)} tabIndex={-1}>
              {expanded ? '▾' : '▸'}
            </button>
          ) : (
            <span className="outline-toggle" aria-hidden="true" />
          )}
          <button
            type="button"
            className="outline-item"
            data-outline={node.pointer}
            aria-current={selected === node.pointer ? 'true' : undefined}
            title={node.list && !readOnly ? t('editor.outline.reorderHint') : undefined}
            draggable={!!node.list && !readOnly}
            onDragStart={(e) => {
              if (!node.list) return;
              dragging.current = JSON.stringify(node.list.path);
              e.dataTransfer.setData('application/x-rubric-index', String(node.list.index));
              e.dataTransfer.effectAllowed = 'move';
            }}
            onClick={() => onSelect(node.pointer)}
            onKeyDown={(e) => onKey(e, node)}
          >
            <span className="outline-label">{node.label}</span>
            {node.id && node.id !== node.label && <code className="outline-id">{node.id}</code>}
            {count && count.errors > 0 && (
              <span className="outline-badge error" role="img" aria-label={t('editor.outline.errors', { count: count.errors })}>
                {count.errors}
              </span>
            )}
            {count && count.warnings > 0 && (
              <span className="outline-badge warning" role="img" aria-label={t('editor.outline.warnings', { count: count.warnings })}>
                {count.warnings}
              </span>
            )}
          </button>
        </div>
        {expanded && <ul>{node.children.map(render)}</ul>}
      </li>
    );
  };
  return (
    <nav className="editor-outline" aria-label={t('editor.outline')}>
      <div className="field outline-search">
        <label htmlFor="outline-search" className="visually-hidden">
          {t('editor.outline.search')}
        </label>
        <input id="outline-search" type="search" value={query} placeholder={`${t('editor.outline.search')}: ${t('editor.outline.searchHint')}`} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {searching && shown.every((section) => section.children.length === 0) && <p className="hint">{t('editor.outline.noMatch', { query })}</p>}
      <ul className="outline-tree" ref={tree}>
        {shown.map(render)}
      </ul>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </nav>
  );
}
