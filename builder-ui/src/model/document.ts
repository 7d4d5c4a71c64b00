/**
 * Editing operations on a rubric document, without React: every function returns a new document
 * and leaves its argument untouched, so the editor can keep the previous version for undo and
 * dirty checks. Locations are paths of keys and indexes, the same steps as the JSON pointers
 * the server's validation reports.
 */
import { continuingBound, findKind, LOWEST_BOUND, maxTotalOf, tierBasisOf, tierScaleTop, tiersInBasis } from '../../../engine/browser.ts';
import type {
  Condition,
  Criterion,
  Group,
  Indicator,
  InputDefinition,
  InputType,
  Reading,
  Requirement,
  RubricDocument,
  RubricTestCase,
  Scoring,
  ScoringRule,
  Tier,
  TierBasis,
  TopLevelCondition,
} from '../../../engine/browser.ts';

export type Path = (string | number)[];

/** JSON pointer (RFC 6901) of a path. */
export function pointerOf(path: Path): string {
  return path.map((step) => `/${String(step).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The value at a path, or undefined. */
export function getAt(root: unknown, path: Path): unknown {
  let node: unknown = root;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/** A copy of root with the value at path replaced; undefined removes an object key. */
export function setAt<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [step, ...rest] = path;
  const node = root as unknown;
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[step as number] = setAt(copy[step as number], rest, value);
    return copy as T;
  }
  const copy: Record<string, unknown> = { ...((node ?? {}) as Record<string, unknown>) };
  const next = setAt(copy[step as string], rest, value);
  if (next === undefined) delete copy[step as string];
  else copy[step as string] = next;
  return copy as T;
}

/** Appends (or inserts at `at`) an item to the list at path. */
export function addItem<T>(root: T, listPath: Path, item: unknown, at?: number): T {
  const list = [...((getAt(root, listPath) as unknown[] | undefined) ?? [])];
  list.splice(at ?? list.length, 0, item);
  return setAt(root, listPath, list);
}

/** Removes the item at index from the list at path. */
export function removeItem<T>(root: T, listPath: Path, index: number): T {
  const list = [...((getAt(root, listPath) as unknown[] | undefined) ?? [])];
  list.splice(index, 1);
  return setAt(root, listPath, list);
}

/** Moves an item within the list at path; out-of-range moves change nothing. */
export function moveItem<T>(root: T, listPath: Path, from: number, to: number): T {
  const list = [...((getAt(root, listPath) as unknown[] | undefined) ?? [])];
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return root;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
  return setAt(root, listPath, list);
}

// ---------------------------------------------------------------------------------------------
// Ids and new items
// ---------------------------------------------------------------------------------------------

/** Every group, indicator and criterion of the document, depth first. */
export function walkHierarchy(doc: RubricDocument): { groups: Group[]; indicators: Indicator[]; criteria: Criterion[] } {
  const groups: Group[] = [];
  const indicators: Indicator[] = [];
  const criteria: Criterion[] = [];
  const visit = (group: Group): void => {
    groups.push(group);
    group.groups?.forEach(visit);
    for (const indicator of group.indicators ?? []) {
      indicators.push(indicator);
      criteria.push(...indicator.criteria);
    }
  };
  doc.groups.forEach(visit);
  return { groups, indicators, criteria };
}

/** Ids used anywhere in the hierarchy, inputs, tiers, requirements and readings. */
export function usedIds(doc: RubricDocument): Set<string> {
  const { groups, indicators, criteria } = walkHierarchy(doc);
  return new Set([
    ...groups.map((g) => g.id),
    ...indicators.map((i) => i.id),
    ...criteria.map((c) => c.id),
    ...doc.inputs.map((i) => i.id),
    ...doc.tiers.map((t) => t.id),
    ...doc.requirements.map((r) => r.id),
    ...doc.readings.map((r) => r.id),
  ]);
}

/** The first of prefix1, prefix2, ... not used yet. */
export function uniqueId(prefix: string, used: Set<string>): string {
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export const ALWAYS: TopLevelCondition = { all: [] };

/**
 * The text of a new item: Chinese to fill in. No empty English beside it: a language is optional,
 * but an empty text is an error, one the author did not make (they add English when they have it).
 */
export const newText = (): { zh: string } => ({ zh: '' });

export function newRule(): ScoringRule {
  return { conditions: { all: [] }, event: { type: 'award', params: { kind: 'fixed', points: 1 } } };
}

export function newCriterion(doc: RubricDocument): Criterion {
  return { id: uniqueId('C', usedIds(doc)), title: newText(), points: 1, rules: [newRule()] };
}

export function newIndicator(doc: RubricDocument): Indicator {
  const used = usedIds(doc);
  const id = uniqueId('I', used);
  const criterion = newCriterion(doc);
  return { id, title: newText(), points: 1, clause: '', criteria: [criterion] };
}

export function newGroup(doc: RubricDocument): Group {
  const indicator = newIndicator(doc);
  return { id: uniqueId('G', new Set([...usedIds(doc), indicator.id, indicator.criteria[0].id])), title: newText(), points: 1, indicators: [indicator] };
}

export function newInput(doc: RubricDocument, type: InputType = 'boolean'): InputDefinition {
  const input: InputDefinition = { id: uniqueId('input', usedIds(doc)), type, label: newText() };
  return withInputType(input, type);
}

/** An input changed to another type, with the fields that type needs and without those it cannot have. */
export function withInputType(input: InputDefinition, type: InputType): InputDefinition {
  const { options, ordered, length, itemLabels, ...rest } = input;
  const next: InputDefinition = { ...rest, type };
  if (type === 'choice' || type === 'multiChoice') {
    next.options = options?.length ? options : [{ value: 'a', label: newText() }];
    if (type === 'choice' && ordered !== undefined) next.ordered = ordered;
  }
  if (type === 'series') {
    next.length = length ?? 12;
    if (itemLabels) next.itemLabels = itemLabels;
  }
  if (type === 'boolean' || type === 'choice' || type === 'multiChoice') {
    delete next.minimum;
    delete next.maximum;
  }
  return next;
}

export function newTier(doc: RubricDocument): Tier {
  const last = doc.tiers.at(-1);
  return {
    id: uniqueId('tier', usedIds(doc)),
    label: newText(),
    min: last ? continuingBound(last.max) : { ...LOWEST_BOUND },
    // The top of the scale the tiers are written in: ratio 1, or the maximum total by points.
    max: { value: tierScaleTop(tierBasisOf(doc), maxTotalOf(doc)), inclusive: true },
  };
}

export function newRequirement(doc: RubricDocument): Requirement {
  return { id: uniqueId('R', usedIds(doc)), clause: '', modality: 'shall', text: newText(), conditions: { all: [] } };
}

export function newReading(doc: RubricDocument): Reading {
  return { id: uniqueId('reading', usedIds(doc)), topic: newText(), reading: newText(), concern: 'ambiguous', appliesTo: [] };
}

export function newTestCase(doc: RubricDocument): RubricTestCase {
  return { name: `case ${doc.tests.length + 1}`, inputs: {}, expect: { total: 0, tier: doc.tiers[0]?.id ?? null } };
}

// ---------------------------------------------------------------------------------------------
// Derived edits
// ---------------------------------------------------------------------------------------------

/** Sum of the children's points: what a node's `points` must be without `cap`. */
export function childrenPoints(node: Group | Indicator): number {
  const children: { points: number }[] = 'criteria' in node ? node.criteria : [...(node.groups ?? []), ...(node.indicators ?? [])];
  // Round to 6 places so 0.1 + 0.2 shows as 0.3.
  return Math.round(children.reduce((total, child) => total + child.points, 0) * 1e6) / 1e6;
}

/**
 * Sets a tier bound; the neighbouring tier's touching bound follows when the two touched before,
 * so moving a threshold keeps the tiers without gap or overlap.
 */
export function setTierBound(doc: RubricDocument, index: number, end: 'min' | 'max', value: number): RubricDocument {
  const tier = doc.tiers[index];
  if (!tier) return doc;
  let next = setAt(doc, ['tiers', index, end, 'value'], value);
  const neighbour = end === 'min' ? index - 1 : index + 1;
  const other = end === 'min' ? 'max' : 'min';
  if (doc.tiers[neighbour] && doc.tiers[neighbour][other].value === tier[end].value) next = setAt(next, ['tiers', neighbour, other, 'value'], value);
  return next;
}

/**
 * Switches what the tier bounds of a rubric/2 document measure, converting every bound so each
 * tier keeps the same totals: ratio → points exactly (ratio × the maximum total), points → ratio
 * as the nearest double. One edit, undone as one.
 * @throws Error for a rubric/1 document, whose tiers are by ratio by its format
 */
export function setTierBasis(doc: RubricDocument, basis: TierBasis): RubricDocument {
  if (doc.format !== 'rubric/2') throw new Error(`setTierBasis: a ${doc.format} document has no tierBasis (tiers by ratio)`);
  if (tierBasisOf(doc) === basis) return doc;
  return { ...doc, tierBasis: basis, tiers: tiersInBasis(doc.tiers, basis, maxTotalOf(doc)) };
}

/** Sets one side's inclusiveness; the touching bound of the neighbour flips so ratio lies in exactly one tier. */
export function setTierInclusive(doc: RubricDocument, index: number, end: 'min' | 'max', inclusive: boolean): RubricDocument {
  const tier = doc.tiers[index];
  if (!tier) return doc;
  let next = setAt(doc, ['tiers', index, end, 'inclusive'], inclusive);
  const neighbour = end === 'min' ? index - 1 : index + 1;
  const other = end === 'min' ? 'max' : 'min';
  if (doc.tiers[neighbour] && doc.tiers[neighbour][other].value === tier[end].value) next = setAt(next, ['tiers', neighbour, other, 'inclusive'], !inclusive);
  return next;
}

function renameInCondition(condition: Condition, from: string, to: string): Condition {
  if ('all' in condition) return { all: condition.all.map((c) => renameInCondition(c, from, to)) };
  if ('any' in condition) return { any: condition.any.map((c) => renameInCondition(c, from, to)) };
  if ('not' in condition) return { not: renameInCondition(condition.not, from, to) };
  const value = condition.value;
  const renamedValue = value !== null && typeof value === 'object' && !Array.isArray(value) && value.fact === from ? { ...value, fact: to } : value;
  return { ...condition, fact: condition.fact === from ? to : condition.fact, value: renamedValue };
}

/** The kind's own renaming: only the kind knows which parameters name inputs. */
function renameInScoring(scoring: Scoring, from: string, to: string): Scoring {
  return findKind(scoring.kind)?.renameInput(scoring, from, to) ?? scoring;
}

function renameKey<V>(record: Record<string, V> | undefined, from: string, to: string): Record<string, V> | undefined {
  if (!record || !(from in record)) return record;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

function mapCriteria(doc: RubricDocument, change: (criterion: Criterion) => Criterion): RubricDocument {
  const visit = (group: Group): Group => ({
    ...group,
    ...(group.groups && { groups: group.groups.map(visit) }),
    ...(group.indicators && { indicators: group.indicators.map((indicator) => ({ ...indicator, criteria: indicator.criteria.map(change) })) }),
  });
  return { ...doc, groups: doc.groups.map(visit) };
}

/**
 * Renames an input and every reference to it (conditions, scoring parameters, test inputs),
 * unless another input already has the new id: then only the input itself changes.
 */
export function renameInput(doc: RubricDocument, index: number, to: string): RubricDocument {
  const from = doc.inputs[index]?.id;
  const renamed = setAt(doc, ['inputs', index, 'id'], to);
  if (from === undefined || from === to || doc.inputs.some((input) => input.id === to)) return renamed;
  const withCriteria = mapCriteria(renamed, (criterion) => ({
    ...criterion,
    rules: criterion.rules.map((rule) => ({
      ...rule,
      conditions: renameInCondition(rule.conditions, from, to) as TopLevelCondition,
      event: { ...rule.event, params: renameInScoring(rule.event.params, from, to) },
    })),
  }));
  return {
    ...withCriteria,
    requirements: withCriteria.requirements.map((r) => ({ ...r, conditions: renameInCondition(r.conditions, from, to) as TopLevelCondition })),
    tests: withCriteria.tests.map((t) => ({ ...t, inputs: renameKey(t.inputs, from, to) ?? {} })),
  };
}

/** Renames a tier and the gates and test expectations naming it. */
export function renameTier(doc: RubricDocument, index: number, to: string): RubricDocument {
  const from = doc.tiers[index]?.id;
  const renamed = setAt(doc, ['tiers', index, 'id'], to);
  if (from === undefined || from === to || doc.tiers.some((tier) => tier.id === to)) return renamed;
  return {
    ...renamed,
    requirements: renamed.requirements.map((r) => (r.gate?.capTier === from ? { ...r, gate: { capTier: to } } : r)),
    tests: renamed.tests.map((t) => (t.expect.tier === from ? { ...t, expect: { ...t.expect, tier: to } } : t)),
  };
}

/** Renames a criterion and the bonuses, readings and test not-applicable entries naming it. */
export function renameCriterion(doc: RubricDocument, path: Path, to: string): RubricDocument {
  const from = (getAt(doc, path) as Criterion | undefined)?.id;
  const renamed = setAt(doc, [...path, 'id'], to);
  if (from === undefined || from === to || walkHierarchy(doc).criteria.some((c) => c.id === to)) return renamed;
  const withParents = mapCriteria(renamed, (criterion) => (criterion.parent === from ? { ...criterion, parent: to } : criterion));
  return {
    ...withParents,
    readings: withParents.readings.map((r) => ({ ...r, appliesTo: r.appliesTo.map((id) => (id === from ? to : id)) })),
    tests: withParents.tests.map((t) => (t.notApplicable && from in t.notApplicable ? { ...t, notApplicable: renameKey(t.notApplicable, from, to) } : t)),
  };
}

/** Renames an indicator and the test expectations naming it. */
export function renameIndicator(doc: RubricDocument, path: Path, to: string): RubricDocument {
  const from = (getAt(doc, path) as Indicator | undefined)?.id;
  const renamed = setAt(doc, [...path, 'id'], to);
  if (from === undefined || from === to || walkHierarchy(doc).indicators.some((i) => i.id === to)) return renamed;
  return {
    ...renamed,
    readings: renamed.readings.map((r) => ({ ...r, appliesTo: r.appliesTo.map((id) => (id === from ? to : id)) })),
    tests: renamed.tests.map((t) => (t.expect.indicators && from in t.expect.indicators ? { ...t, expect: { ...t.expect, indicators: renameKey(t.expect.indicators, from, to) } } : t)),
  };
}

/** Comma- or newline-separated text → trimmed, non-empty items (for id and clause lists). */
export function splitList(text: string): string[] {
  return text
    .split(/[,，\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Indexes of a list, used as React keys: while an item is edited its id changes with each keystroke, its position does not. */
export function positions(list: readonly unknown[] | undefined): number[] {
  return (list ?? []).map((_, i) => i);
}
