/**
 * What differs between a record someone else saved and the edits not saved yet, without React:
 * every differing field of two JSON documents (named by the ids along its path), and the inputs
 * of two assessment drafts as labelled values. The rubric's structural diff is the engine's own
 * (engine/compare/diff.ts); these cover what it does not name (tests, readings, texts).
 */
import { criteriaOf, pick } from '../../../engine/browser.ts';
import type { AssessmentInputs, InputDefinition, Language, RubricDocument } from '../../../engine/browser.ts';

/** One field whose value differs; `before`/`after` are undefined where the field is absent. */
export interface FieldDifference {
  /** JSON pointer of the field. */
  pointer: string;
  before: unknown;
  after: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const pointerStep = (step: string): string => step.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The differing leaves of two JSON values, in document order, at most `limit` of them (`total`
 * counts all). Arrays are compared by position; an object or array that exists on one side only
 * is one difference.
 */
export function fieldDifferences(before: unknown, after: unknown, limit = 200): { differences: FieldDifference[]; total: number } {
  const differences: FieldDifference[] = [];
  let total = 0;
  const walk = (a: unknown, b: unknown, pointer: string): void => {
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${pointer}/${i}`);
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
      for (const key of keys) walk(a[key], b[key], `${pointer}/${pointerStep(key)}`);
      return;
    }
    if (a === b || (a === undefined && b === null) || (a === null && b === undefined)) return;
    total++;
    if (differences.length < limit) differences.push({ pointer, before: a, after: b });
  };
  walk(before, after, '');
  return { differences, total };
}

/**
 * A pointer as a reader names the place: array positions replaced by the id of the item there
 * (`/groups/0/indicators/2/points` → `groups › basic-setup › indicators › i03 › points`).
 */
export function readablePath(doc: unknown, pointer: string): string {
  const steps = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const names: string[] = [];
  let node: unknown = doc;
  for (const step of steps) {
    const next = Array.isArray(node) ? node[Number(step)] : isObject(node) && Object.hasOwn(node, step) ? node[step] : undefined;
    const id = isObject(next) && typeof next.id === 'string' ? next.id : isObject(next) && typeof next.name === 'string' ? next.name : null;
    names.push(Array.isArray(node) && id ? id : Array.isArray(node) ? `#${Number(step) + 1}` : step);
    node = next;
  }
  return names.join(' › ') || '(document)';
}

/** A value as short text: strings as they are, anything else as compact JSON, long ones cut. */
export function showValue(value: unknown, lang: Language, max = 160): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value === '' ? (lang === 'zh' ? '（空）' : '(empty)') : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One input whose answer differs between two assessment drafts, as the assessor reads it. */
export interface InputDifference {
  id: string;
  label: string;
  theirs: string;
  mine: string;
}

function answerText(definition: InputDefinition | undefined, value: unknown, lang: Language): string {
  const zh = lang === 'zh';
  if (value === undefined || value === null) return zh ? '（未填）' : '(not answered)';
  if (typeof value === 'boolean') return value ? (zh ? '是' : 'yes') : zh ? '否' : 'no';
  const option = (v: unknown): string => pick(definition?.options?.find((o) => o.value === v)?.label, lang) || String(v);
  if (Array.isArray(value)) return value.length === 0 ? (zh ? '（无）' : '(none)') : value.map((v) => (definition?.options ? option(v) : v === null ? '—' : String(v))).join(zh ? '、' : ', ');
  if (definition?.options) return option(value);
  return String(value);
}

/** The inputs (and not-applicable reasons) whose answers differ, labelled in `lang`, in the rubric's input order. */
export function inputDifferences(doc: RubricDocument, theirs: AssessmentInputs, mine: AssessmentInputs, lang: Language): InputDifference[] {
  const zh = lang === 'zh';
  const known = doc.inputs.map((i) => i.id);
  const ids = [...new Set([...known, ...Object.keys(theirs.inputs), ...Object.keys(mine.inputs)])];
  const rows: InputDifference[] = [];
  for (const id of ids) {
    const definition = doc.inputs.find((i) => i.id === id);
    const label = pick(definition?.label, lang) || id;
    const a = Object.hasOwn(theirs.inputs, id) ? theirs.inputs[id] : undefined;
    const b = Object.hasOwn(mine.inputs, id) ? mine.inputs[id] : undefined;
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) rows.push({ id, label, theirs: answerText(definition, a, lang), mine: answerText(definition, b, lang) });
  }
  const reasons = (inputs: AssessmentInputs): Record<string, string> => inputs.notApplicable ?? {};
  const criteria = criteriaOf(doc);
  for (const id of new Set([...Object.keys(reasons(theirs)), ...Object.keys(reasons(mine))])) {
    const a = Object.hasOwn(reasons(theirs), id) ? reasons(theirs)[id] : undefined;
    const b = Object.hasOwn(reasons(mine), id) ? reasons(mine)[id] : undefined;
    if (a === b) continue;
    const none = zh ? '（适用）' : '(applies)';
    const title = pick(criteria.find((c) => c.id === id)?.title, lang);
    rows.push({ id: `notApplicable:${id}`, label: `${id} ${title} — ${zh ? '不适用理由' : 'not-applicable reason'}`, theirs: a ?? none, mine: b ?? none });
  }
  return rows;
}
