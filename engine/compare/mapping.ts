/**
 * Inputs across versions. A version may declare how the inputs of the version it was copied
 * from map to its own (`inputMapping`: renamed inputs — several new ones may read one old one —,
 * old inputs merged into one, defaults for new ones). Re-scoring an
 * assessment under another version carries its inputs over with that mapping; whatever still
 * cannot be scored is reported per criterion as not assessed, with the missing inputs named —
 * never silently scored as 0.
 */
import type { CompiledRubric } from '../scoring/compile.ts';
import { evaluate } from '../scoring/evaluate.ts';
import { invalidInputs } from '../scoring/inputs.ts';
import { conditionFacts, indexRubric } from '../document/structure.ts';
import type { AssessmentInputs, InputValues, Issue, Localized, MappedInputs, MissingInputsReport, RescoreResult, RubricDocument } from '../types.ts';
import { own } from '../document/lookup.ts';
import { findCombination } from '../document/input-combinations.ts';
import { diffRubrics } from './diff.ts';

/**
 * Carries inputs recorded under `fromVersion` over to the target version. The target's
 * inputMapping applies when it reads from that version; otherwise inputs are kept by id.
 * Inputs the target does not read are dropped and reported; nothing is invented except the
 * mapping's declared defaults.
 */
export function mapInputs(target: RubricDocument, inputs: InputValues, fromVersion: string): MappedInputs {
  const mapping = target.inputMapping;
  const declared = mapping !== undefined && mapping.from === fromVersion;
  let note: string | null = null;
  if (mapping && !declared && fromVersion !== target.version) {
    note = `the input mapping of ${target.version} reads from ${mapping.from}, not ${fromVersion}: inputs are carried by id only`;
  } else if (!mapping && fromVersion !== target.version) {
    note = `${target.version} declares no input mapping: inputs are carried by id only`;
  }
  const renamedTo = declared ? (mapping.renamed ?? {}) : {};
  const combinedFrom = declared ? (mapping.combined ?? {}) : {};
  const defaults = declared ? (mapping.defaults ?? {}) : {};
  const has = (id: string): boolean => Object.hasOwn(inputs, id) && inputs[id] !== undefined;

  const carried: InputValues = {};
  const used = new Set<string>();
  const renamed: MappedInputs['renamed'] = [];
  const combined: MappedInputs['combined'] = [];
  const defaulted: string[] = [];
  const missing: string[] = [];
  for (const { id } of target.inputs) {
    const old = Object.hasOwn(renamedTo, id) ? renamedTo[id] : undefined;
    const merge = Object.hasOwn(combinedFrom, id) ? combinedFrom[id] : undefined;
    const merged = merge && findCombination(merge.by)?.combine(merge.from.map((from) => (has(from) ? inputs[from] : undefined)));
    if (old !== undefined && has(old)) {
      carried[id] = structuredClone(inputs[old]);
      used.add(old);
      renamed.push({ to: id, from: old });
    } else if (merge && merged !== undefined) {
      carried[id] = merged;
      for (const from of merge.from) if (has(from)) used.add(from);
      combined.push({ to: id, from: [...merge.from], by: merge.by });
    } else if (has(id)) {
      // Also when a renamed input already carries the new id (recorded under the target).
      carried[id] = structuredClone(inputs[id]);
      used.add(id);
    } else if (Object.hasOwn(defaults, id)) {
      carried[id] = structuredClone(defaults[id]);
      defaulted.push(id);
    } else missing.push(id);
  }
  const dropped = Object.keys(inputs).filter((id) => !used.has(id) && inputs[id] !== undefined);
  return { inputs: carried, fromVersion, mapping: declared ? 'declared' : 'byId', renamed, combined, defaulted, dropped, missing, supplied: [], note };
}

/**
 * Re-scores an assessment recorded under `fromVersion` with the target version. Values the
 * target rejects (changed bounds or options) and N/A marks it does not allow are dropped and
 * reported; criteria that then lack inputs are listed as not assessed with the inputs named.
 */
export async function rescore(target: CompiledRubric, assessment: AssessmentInputs, fromVersion: string, supplements: InputValues = {}): Promise<RescoreResult> {
  const carried = carryAssessment(target, assessment, fromVersion, supplements);
  const result = await evaluate(target, carried.assessment, { requireComplete: false });
  const notAssessed = result.criteria
    .filter((c) => c.status === 'notAssessed')
    .map((c) => ({ criterion: c.id, indicator: c.indicator, title: c.title, missing: c.missing }));
  return { mapping: carried.mapping, invalid: carried.invalid, droppedNotApplicable: carried.droppedNotApplicable, result, notAssessed };
}

/** An assessment as another version reads it, and what was renamed, defaulted, dropped or rejected on the way. */
export interface CarriedAssessment {
  assessment: { inputs: InputValues; notApplicable: Record<string, string> };
  mapping: MappedInputs;
  invalid: Issue[];
  droppedNotApplicable: string[];
}

/**
 * Carries an assessment recorded under `fromVersion` into `target`: inputs through the target's
 * mapping (or by id), values the target rejects dropped and reported, N/A marks it does not
 * allow dropped. What is then missing leaves criteria not assessed, never 0. Rescore, gap under
 * another version and the CLI read old assessments through this one function.
 */
export function carryAssessment(target: CompiledRubric, assessment: AssessmentInputs, fromVersion: string, supplements: InputValues = {}): CarriedAssessment {
  const mapping = mapInputs(target.doc, assessment.inputs ?? {}, fromVersion);
  const inputs = { ...mapping.inputs };
  // Supplementary answers fill what the original left open (a declared default included), never
  // what it answered or what a renamed or merged input carried.
  const open = [...mapping.missing, ...mapping.defaulted];
  for (const id of open) {
    const supplied = own(supplements, id);
    if (supplied === undefined) continue;
    inputs[id] = supplied;
    mapping.supplied.push(id);
  }
  mapping.missing = mapping.missing.filter((id) => !mapping.supplied.includes(id));
  mapping.defaulted = mapping.defaulted.filter((id) => !mapping.supplied.includes(id));
  const notApplicable: Record<string, string> = {};
  const droppedNotApplicable: string[] = [];
  for (const [id, reason] of Object.entries(assessment.notApplicable ?? {})) {
    const allowed = target.index.criterionById.get(id)?.criterion.notApplicable?.allowed;
    if (allowed && typeof reason === 'string' && reason.trim() !== '') notApplicable[id] = reason;
    else droppedNotApplicable.push(id);
  }

  // Every value the target rejects is dropped (an error's details are capped; this list is not).
  const rejected = invalidInputs(target.index, target.inputChecker, inputs);
  const invalid: Issue[] = [...rejected.values()];
  const missing = new Set(mapping.missing);
  for (const id of rejected.keys()) {
    delete inputs[id];
    if (!missing.has(id)) {
      missing.add(id);
      mapping.missing.push(id);
    }
  }
  return { assessment: { inputs, notApplicable }, mapping: { ...mapping, inputs }, invalid, droppedNotApplicable };
}

/**
 * Which inputs the stored assessments lack under a (draft) version, after carrying each over
 * from the version it was recorded under (`version`, default: the target's own).
 */
export function missingInputsReport(target: RubricDocument, assessments: Iterable<StoredInputs>): MissingInputsReport {
  const tally = new MissingInputsTally(target);
  for (const assessment of assessments) tally.add(assessment);
  return tally.report();
}

/** What missingInputsReport reads of a stored assessment: its id, its inputs and the version they were given under (the target's when absent). */
export interface StoredInputs {
  id: string;
  inputs: InputValues;
  version?: string;
}

/**
 * missingInputsReport drawn up one assessment at a time, for assessments read as they come (a
 * database cursor): only the ids lacking each input are kept, never the inputs.
 */
export class MissingInputsTally {
  readonly #target: RubricDocument;
  readonly #lacking = new Map<string, string[]>();
  #assessments = 0;
  #complete = 0;

  constructor(target: RubricDocument) {
    this.#target = target;
  }

  add(assessment: StoredInputs): void {
    const { missing } = mapInputs(this.#target, assessment.inputs ?? {}, assessment.version ?? this.#target.version);
    this.#assessments += 1;
    if (missing.length === 0) this.#complete += 1;
    for (const id of missing) {
      const list = this.#lacking.get(id) ?? [];
      list.push(assessment.id);
      this.#lacking.set(id, list);
    }
  }

  report(): MissingInputsReport {
    const target = this.#target;
    const index = indexRubric(target);
    const readBy = new Map<string, string[]>(target.inputs.map((input) => [input.id, []]));
    for (const { criterion, inputs } of index.criteria) for (const id of inputs) readBy.get(id)?.push(criterion.id);
    for (const requirement of target.requirements) for (const id of conditionFacts(requirement.conditions)) readBy.get(id)?.push(requirement.id);
    const order = new Map(target.inputs.map((input, i) => [input.id, i]));
    const inputs = [...this.#lacking.entries()]
      .map(([id, ids]) => {
        const definition = index.inputs.get(id);
        return { input: id, label: definition?.label ?? {}, required: definition?.required !== false, readBy: [...new Set(readBy.get(id) ?? [])], count: ids.length, assessments: ids };
      })
      .sort((a, b) => b.count - a.count || (order.get(a.input) ?? 0) - (order.get(b.input) ?? 0));
    return { rubric: { id: target.id, version: target.version }, assessments: this.#assessments, complete: this.#complete, inputs };
  }
}

/** Why an assessor should look at a criterion of a draft carried forward. */
export interface CarryForwardFlag {
  criterion: string;
  title: Localized;
  /** added: new in the version; changed: its points, scoring or conditions changed; unanswered: it lacks an answer. */
  flag: 'added' | 'changed' | 'unanswered';
}

/**
 * "Start the next assessment from this one": an assessment recorded under `from`, carried into
 * `target` (carryAssessment), with the criteria the assessor must look at flagged: new ones,
 * ones whose scoring changed (by the diff's score and tier effects), and ones still unanswered.
 */
export function carryForward(from: CompiledRubric, target: CompiledRubric, assessment: AssessmentInputs): CarriedAssessment & { flags: CarryForwardFlag[] } {
  const carried = carryAssessment(target, assessment, from.doc.id === target.doc.id ? from.doc.version : '');
  const diff = diffRubrics(from.doc, target.doc);
  const flagged = new Map<string, CarryForwardFlag['flag']>();
  for (const change of diff.changes) {
    if (change.target !== 'criterion' || (change.effect !== 'score' && change.effect !== 'tier')) continue;
    if (change.kind === 'added') flagged.set(change.id, 'added');
    else if (change.kind !== 'removed' && !flagged.has(change.id)) flagged.set(change.id, 'changed');
  }
  for (const { criterion, inputs } of target.index.criteria) {
    if (!flagged.has(criterion.id) && inputs.some((id) => own(carried.assessment.inputs, id) === undefined)) flagged.set(criterion.id, 'unanswered');
  }
  const flags = target.index.criteria
    .filter(({ criterion }) => flagged.has(criterion.id))
    .map(({ criterion }) => ({ criterion: criterion.id, title: criterion.title, flag: flagged.get(criterion.id) as CarryForwardFlag['flag'] }));
  return { ...carried, flags };
}
