/**
 * Validation issues and the editing controls they belong to: each control carries the JSON
 * pointer of the value it edits, so an issue's path finds its control (or the nearest enclosing
 * one) and is shown next to it.
 */
import { findKind, type Issue, type KindField, type Language, type Localized, type RubricDocument } from '../../../engine/browser.ts';
import { localized, message } from '../i18n/message.ts';
import { isMessageKey } from '../i18n/messages/index.ts';
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

/** The catalogue's word for each list of a rubric document, its items named by their label. */
const ITEM_NAMES: Record<string, 'group' | 'indicator' | 'criterion' | 'input' | 'tier' | 'requirement' | 'test' | 'reading'> = {
  groups: 'group',
  indicators: 'indicator',
  criteria: 'criterion',
  inputs: 'input',
  tiers: 'tier',
  requirements: 'requirement',
  tests: 'test',
  readings: 'reading',
};

type Named = { id?: string; name?: string; value?: string; title?: Localized; label?: Localized; text?: Localized; topic?: Localized };

/** Labels in a path are cut to this many characters: a criterion's title is a whole scoring rule. */
const LABEL_LENGTH = 24;

const short = (text: string): string => (text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text);

/**
 * A pointer in words a rubric author recognises, in the page language: each item by its label
 * (`评分项“开放式布局” › 规则 1 › 分值`), a field by its name (a scoring's fields by the names
 * their kind gives them), positions counted from 1.
 */
export function describePointer(doc: RubricDocument, pointer: string, lang: Language): string {
  if (pointer === '') return message('editor.pointer.document', lang);
  const path = steps(pointer);
  const words: string[] = [];
  /** Inside a scoring: the fields its kind declares, which name the steps below. */
  let fields = null as KindField[] | null;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const next = path[i + 1];
    const field: KindField | undefined = fields?.find((f) => f.key === step);
    if (step === 'params') {
      fields = findKind((getAt(doc, path.slice(0, i + 1)) as { kind?: string } | undefined)?.kind ?? '')?.fields ?? null;
    } else if (field?.type === 'list' && next !== undefined && /^\d+$/.test(next)) {
      words.push(`${localized(field.itemLabel, lang)} ${Number(next) + 1}`);
      fields = field.item;
      i++;
    } else if (field?.type === 'optionPoints' && next !== undefined) {
      // Points of one option: the option by its label, as the table beside the field shows it.
      const item = getAt(doc, path.slice(0, i)) as Record<string, unknown> | undefined;
      const input = doc.inputs.find((candidate) => candidate.id === item?.[field.inputKey]);
      const option = input?.options?.find((o) => o.value === next);
      words.push(localized(field.label, lang, step), message('editor.pointer.option', lang, { label: localized(option?.label, lang, next) }));
      i++;
    } else if (field) {
      words.push(localized(field.label, lang, step));
    } else if (next !== undefined && /^\d+$/.test(next)) {
      const n = Number(next) + 1;
      const node = getAt(doc, path.slice(0, i + 2)) as Named | undefined;
      const kind = ITEM_NAMES[step];
      if (kind) {
        const label = kind === 'test' ? (node?.name ?? `#${n}`) : short(localized(node?.title ?? node?.label ?? node?.text ?? node?.topic, lang, node?.id ?? `#${n}`));
        words.push(message(`editor.name.${kind}`, lang, { label }));
      } else if (step === 'rules') words.push(message('editor.pointer.rule', lang, { n }));
      else if (step === 'options') words.push(message('editor.pointer.option', lang, { label: localized(node?.label, lang, node?.value ?? `#${n}`) }));
      else words.push(`${fieldWord(step, lang)} ${message('editor.pointer.item', lang, { n })}`);
      i++;
    } else if (step !== 'event') {
      words.push(fieldWord(step, lang));
    }
  }
  return words.join(' › ');
}

/** A field's name from the catalogue; a key it does not know (an input id under `inputs`) as it is. */
function fieldWord(key: string, lang: Language): string {
  const name = `field.${key}`;
  return isMessageKey(name) ? message(name, lang) : key;
}
