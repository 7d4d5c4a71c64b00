/**
 * The outline of a rubric document, without React: sections (metadata, inputs, groups → indicators
 * → criteria, tiers, requirements, tests, readings), each item named by its rubric label, the
 * pointer the property panel opens for any pointer, issue counts per item, and search.
 */
import type { Group, Localized, RubricDocument } from '../../../engine/browser.ts';
import type { Path } from './document.ts';
import type { PlacedIssue } from './issues.ts';

/** What a node of the outline stands for (decides its icon word and how it can be reordered). */
export type OutlineKind = 'metadata' | 'section' | 'group' | 'indicator' | 'criterion' | 'input' | 'tier' | 'requirement' | 'test' | 'reading' | 'json';

export interface OutlineNode {
  /** JSON pointer of the item (also what selecting it opens); sections are their list's pointer. */
  pointer: string;
  kind: OutlineKind;
  /** Rubric text in the page language (title or label), else the id. */
  label: string;
  /** The id, shown small beside the label and searched too. */
  id?: string;
  /** The list the item sits in and its position, for reordering by drag or keyboard. */
  list?: { path: Path; index: number; count: number };
  children: OutlineNode[];
}

/** The pseudo-pointer of the editable JSON view (no document value lives there). */
export const JSON_VIEW = '#json';
/** The metadata section: the root pointer, where issues about the whole document land too. */
export const METADATA = '';

function steps(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

const join = (path: (string | number)[]): string => path.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/**
 * The pointer whose editor shows the control for `pointer`: an indicator (with its criteria), a
 * group's own fields, one input / requirement / test / reading, all tiers (their bounds move
 * together), a list section, or the metadata.
 */
export function ownerOf(pointer: string): string {
  if (pointer === JSON_VIEW) return JSON_VIEW;
  const path = steps(pointer);
  const [first, second] = path;
  switch (first) {
    case 'groups': {
      let owner = '/groups';
      for (let i = 0; i + 1 < path.length; i += 2) {
        const [list, index] = [path[i], path[i + 1]];
        if (!/^\d+$/.test(index) || (list !== 'groups' && list !== 'indicators')) break;
        owner = join(path.slice(0, i + 2));
        if (list === 'indicators') break;
      }
      return owner;
    }
    case 'inputs':
    case 'requirements':
    case 'tests':
    case 'readings':
      return second !== undefined && /^\d+$/.test(second) ? join([first, Number(second)]) : `/${first}`;
    case 'tiers':
      return '/tiers';
    default:
      return METADATA;
  }
}

/** Rubric text in the page language, else the other language, else the fallback (language.tsx's `l`). */
export type Pick = (text: Localized | undefined, fallback: string) => string;

/** The whole outline, in document order. `section` names the sections in the page language. */
export function buildOutline(doc: RubricDocument, text: Pick, section: (kind: 'metadata' | 'inputs' | 'groups' | 'tiers' | 'requirements' | 'tests' | 'readings' | 'json') => string): OutlineNode[] {
  const group = (g: Group, path: Path, index: number, count: number): OutlineNode => ({
    pointer: join(path),
    kind: 'group',
    label: text(g.title, g.id),
    id: g.id,
    list: { path: path.slice(0, -1), index, count },
    children: [
      ...(g.groups ?? []).map((child, i, all) => group(child, [...path, 'groups', i], i, all.length)),
      ...(g.indicators ?? []).map((indicator, i, all) => ({
        pointer: join([...path, 'indicators', i]),
        kind: 'indicator' as const,
        label: text(indicator.title, indicator.id),
        id: indicator.number ?? indicator.id,
        list: { path: [...path, 'indicators'], index: i, count: all.length },
        children: indicator.criteria.map((criterion, c, criteria) => ({
          pointer: join([...path, 'indicators', i, 'criteria', c]),
          kind: 'criterion' as const,
          label: text(criterion.title, criterion.id),
          id: criterion.id,
          list: { path: [...path, 'indicators', i, 'criteria'], index: c, count: criteria.length },
          children: [],
        })),
      })),
    ],
  });
  const list = <T>(key: 'inputs' | 'tiers' | 'requirements' | 'tests' | 'readings', items: T[], kind: OutlineKind, name: (item: T) => { label: string; id?: string }): OutlineNode => ({
    pointer: `/${key}`,
    kind: 'section',
    label: section(key),
    // A document as typed in the JSON view may leave a list out.
    children: (items ?? []).map((item, i, all) => ({ pointer: `/${key}/${i}`, kind, ...name(item), list: { path: [key], index: i, count: all.length }, children: [] })),
  });
  return [
    { pointer: METADATA, kind: 'metadata', label: section('metadata'), children: [] },
    list('inputs', doc.inputs, 'input', (i) => ({ label: text(i.label, i.id), id: i.id })),
    { pointer: '/groups', kind: 'section', label: section('groups'), children: (doc.groups ?? []).map((g, i, all) => group(g, ['groups', i], i, all.length)) },
    list('tiers', doc.tiers, 'tier', (t) => ({ label: text(t.label, t.id), id: t.id })),
    list('requirements', doc.requirements, 'requirement', (r) => ({ label: text(r.text, r.id), id: r.clause ? `${r.id} · ${r.clause}` : r.id })),
    list('tests', doc.tests, 'test', (t) => ({ label: t.name })),
    list('readings', doc.readings, 'reading', (r) => ({ label: text(r.topic, r.id), id: r.id })),
    { pointer: JSON_VIEW, kind: 'json', label: section('json'), children: [] },
  ];
}

export interface IssueCount {
  errors: number;
  warnings: number;
}

/**
 * Errors and warnings at or below each pointer (an issue deep in a criterion's rule counts for the
 * criterion, its indicator, group and section): one pass over the issues, one step per pointer level.
 */
export function countIssues(issues: PlacedIssue[]): Map<string, IssueCount> {
  const counts = new Map<string, IssueCount>();
  for (const issue of issues) {
    const path = issue.path.split('/');
    for (let n = path.length; n >= 1; n--) {
      const pointer = path.slice(0, n).join('/');
      const count = counts.get(pointer) ?? { errors: 0, warnings: 0 };
      if (issue.severity === 'error') count.errors++;
      else count.warnings++;
      counts.set(pointer, count);
    }
  }
  return counts;
}

/**
 * The outline cut to the nodes matching `query` (label or id, case-insensitive), their ancestors
 * and the sections; a matching node keeps its children so a found indicator still lists its criteria.
 */
export function filterOutline(nodes: OutlineNode[], query: string): OutlineNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return nodes;
  const keep = (node: OutlineNode): OutlineNode | null => {
    if (node.label.toLowerCase().includes(q) || node.id?.toLowerCase().includes(q)) return node;
    const children = node.children.map(keep).filter((c): c is OutlineNode => c !== null);
    return children.length ? { ...node, children } : null;
  };
  // Sections stay, so the way to add an input or a test is never searched away.
  return nodes.map((section) => keep(section) ?? { ...section, children: [] });
}

/** Every pointer of the outline in display order (for keyboard moves between items). */
export function flatten(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}
