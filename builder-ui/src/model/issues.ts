/**
 * Validation issues and the editing controls they belong to: each control carries the JSON
 * pointer of the value it edits, so an issue's path finds its control (or the nearest enclosing
 * one) and is shown next to it.
 */
import type { Issue, RubricDocument } from '../../../engine/browser.ts';
import { getAt } from './document.ts';

export type Severity = 'error' | 'warning';
export interface PlacedIssue extends Issue {
  severity: Severity;
}

/** DOM id of the control editing the value at a pointer. */
export function controlId(pointer: string): string {
  return `f${pointer.replace(/[^A-Za-z0-9_-]/g, (c) => (c === '/' ? '-' : `_${c.charCodeAt(0).toString(16)}`))}`;
}

/** The pointer with its last step removed ('' stays ''). */
export function parentPointer(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}

function steps(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Issues grouped by pointer, for constant-time look-up by each control. */
export function indexIssues(errors: Issue[], warnings: Issue[]): Map<string, PlacedIssue[]> {
  const map = new Map<string, PlacedIssue[]>();
  const add = (issue: Issue, severity: Severity): void => {
    const list = map.get(issue.path) ?? [];
    list.push({ ...issue, severity });
    map.set(issue.path, list);
  };
  for (const e of errors) add(e, 'error');
  for (const w of warnings) add(w, 'warning');
  return map;
}

/** Editor section (tab) that holds the control for a pointer. */
export type EditorTab = 'metadata' | 'readings' | 'inputs' | 'structure' | 'tiers' | 'requirements' | 'tests' | 'json';

export function tabOf(pointer: string): EditorTab {
  const first = steps(pointer)[0];
  switch (first) {
    case 'groups':
      return 'structure';
    case 'inputs':
    case 'readings':
    case 'tiers':
    case 'requirements':
    case 'tests':
      return first;
    default:
      return 'metadata';
  }
}

/** A pointer in words a rubric author recognises: "Group G1 › Indicator I2 › Criterion C3 › points". */
export function describePointer(doc: RubricDocument, pointer: string): string {
  if (pointer === '') return 'Whole document';
  const path = steps(pointer);
  const words: string[] = [];
  const names: Record<string, string> = { groups: 'Group', indicators: 'Indicator', criteria: 'Criterion', rules: 'Rule', inputs: 'Input', tiers: 'Tier', requirements: 'Requirement', tests: 'Test', readings: 'Reading', options: 'Option', deductions: 'Deduction', terms: 'Term' };
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const next = path[i + 1];
    if (names[step] && next !== undefined && /^\d+$/.test(next)) {
      const node = getAt(doc, path.slice(0, i + 2)) as { id?: string; name?: string } | undefined;
      const name = node?.id ?? node?.name ?? `#${Number(next) + 1}`;
      words.push(`${names[step]} ${step === 'rules' || step === 'deductions' || step === 'terms' || step === 'options' ? `#${Number(next) + 1}` : name}`);
      i++;
    } else if (step !== 'event' && step !== 'params') {
      words.push(step);
    }
  }
  return words.join(' › ');
}
