/**
 * The worst rubric documents the limits allow (RUBRIC_LIMITS: 512 KiB, 100,000 values, depth
 * 40), built from the valid venue-accessibility example, and documents just past the limits.
 * Shared by the security tests (they must be answered, correctly and soon) and `npm run bench`
 * (how soon).
 */
import { readFileSync } from 'node:fs';
import { RUBRIC_LIMITS, type RubricDocument } from '../../engine/index.ts';

const baseText = readFileSync(new URL('../../examples/venue-accessibility/rubric.json', import.meta.url), 'utf8');

/** A fresh copy of the valid venue-accessibility rubric (it has a choice input, "signage"). */
export function baseRubric(): RubricDocument {
  return JSON.parse(baseText) as RubricDocument;
}

/** Values a document may hold besides those a generator adds (the base uses ~1,500). */
const HEADROOM = 2_500;
/** The most entries a generator adds while staying within the limit on values. */
export const MOST_ENTRIES = RUBRIC_LIMITS.maxNodes - HEADROOM;

type Doc = Record<string, unknown> & RubricDocument;

/** Replaces the conditions of the first rule of the first criterion (A1.1). */
export function setFirstConditions(doc: RubricDocument, conditions: unknown): void {
  const indicator = doc.groups[0].indicators?.[0] as NonNullable<RubricDocument['groups'][number]['indicators']>[number];
  (indicator.criteria[0].rules[0] as { conditions: unknown }).conditions = conditions;
}

/** Meta-schema errors: a condition `value` list of `n` nulls (lists hold strings, numbers, booleans). */
export function invalidConditionValues(n: number): Doc {
  const doc = baseRubric() as Doc;
  setFirstConditions(doc, { all: [{ fact: 'signage', operator: 'in', value: new Array(n).fill(null) }] });
  return doc;
}

/** Semantic errors: `n` values that are not options of the choice input, 100 per condition. */
export function unknownOptionValues(n: number): Doc {
  const doc = baseRubric() as Doc;
  const conditions: unknown[] = [];
  for (let start = 0; start < n; start += 100) {
    conditions.push({ fact: 'signage', operator: 'in', value: new Array(Math.min(100, n - start)).fill('x') });
  }
  // `all` and `any` hold at most 100 entries each: nest one level.
  const any = [];
  for (let start = 0; start < conditions.length; start += 100) any.push({ any: conditions.slice(start, start + 100) });
  setFirstConditions(doc, { all: any });
  return doc;
}

/** The most errors per value: `n` empty objects as conditions, each failing every branch. */
export function shapelessConditions(n: number): Doc {
  const doc = baseRubric() as Doc;
  setFirstConditions(doc, { all: Array.from({ length: n }, () => ({})) });
  return doc;
}

/** An object `n` keys wide: the title with `n` unknown languages (short keys: 100,000 fit a 1 MiB body). */
export function wideObject(n: number): Doc {
  const doc = baseRubric() as Doc;
  const title: Record<string, unknown> = { ...doc.title };
  // Upper case: never "en" or "zh".
  for (let i = 0; i < n; i++) title[i.toString(36).toUpperCase()] = 0;
  (doc as { title: unknown }).title = title;
  return doc;
}

/** An array `n` entries wide: readings that are numbers, not objects. */
export function wideArray(n: number): Doc {
  const doc = baseRubric() as Doc;
  (doc as { readings: unknown }).readings = new Array(n).fill(0);
  return doc;
}

/** Conditions nested `levels` deep (`all` inside `all`); past ~15 levels the document is too deep. */
export function nestedConditions(levels: number): Doc {
  const doc = baseRubric() as Doc;
  let conditions: Record<string, unknown> = { all: [{ fact: 'stepFreeEntrance', operator: 'equal', value: true }] };
  for (let i = 1; i < levels; i++) conditions = { all: [conditions] };
  setFirstConditions(doc, conditions);
  return doc;
}

/** The deepest valid document the depth limit allows. */
export function deepestValid(): Doc {
  let levels = 1;
  while (depthOf(nestedConditions(levels + 1)) <= RUBRIC_LIMITS.maxDepth) levels += 1;
  return nestedConditions(levels);
}

/**
 * A valid document near the limits on size and values: the base plus a group of `indicators`
 * indicators of 100 one-point criteria each (no embedded tests: their totals would change).
 */
export function largestValid(indicators = 40): Doc {
  const doc = baseRubric() as Doc;
  const criteria = (i: number) =>
    Array.from({ length: 100 }, (_, j) => ({
      id: `W${i}.${j}`,
      title: { en: 'w' },
      points: 1,
      rules: [{ conditions: { all: [{ fact: 'lift', operator: 'equal', value: true }] }, event: { type: 'award', params: { kind: 'fixed', points: 1 } } }],
    }));
  doc.groups.push({
    id: 'W',
    title: { en: 'Wide' },
    points: indicators * 100,
    indicators: Array.from({ length: indicators }, (_, i) => ({ id: `W${i}`, title: { en: 'w' }, points: 100, clause: 'W', criteria: criteria(i) })),
  } as RubricDocument['groups'][number]);
  doc.tests = [];
  return doc;
}

/** Nesting depth of a JSON value, counted as the engine's limits count it (the root is level 1). */
export function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    deepest = Math.max(deepest, depth);
    if (node !== null && typeof node === 'object') for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A value nested `depth` levels deep without recursion (JSON.stringify of it recurses; use `deepJson`). */
export function deepJson(depth: number): string {
  return `${'{"all":['.repeat(depth)}${']}'.repeat(depth)}`;
}

/** Every worst allowed document, named, for the bench and the latency test. */
export function worstAllowedDocuments(): { name: string; doc: Doc }[] {
  return [
    { name: `${MOST_ENTRIES.toLocaleString('en')} invalid condition values (meta-schema)`, doc: invalidConditionValues(MOST_ENTRIES) },
    { name: '90,000 values that are not options (semantic)', doc: unknownOptionValues(90_000) },
    { name: `${MOST_ENTRIES.toLocaleString('en')} shapeless conditions (every branch fails)`, doc: shapelessConditions(MOST_ENTRIES) },
    { name: `object ${MOST_ENTRIES.toLocaleString('en')} keys wide`, doc: wideObject(MOST_ENTRIES) },
    { name: `array ${MOST_ENTRIES.toLocaleString('en')} entries wide`, doc: wideArray(MOST_ENTRIES) },
    { name: `depth ${RUBRIC_LIMITS.maxDepth}, valid`, doc: deepestValid() },
    { name: '4,000 criteria, valid', doc: largestValid() },
  ];
}
