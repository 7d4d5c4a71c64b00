/**
 * Which unanswered questions still matter: an input is needed while some criterion or requirement
 * reading it can still come out differently depending on its answer. A rule whose other
 * conditions already fail cannot hold, so the facts only it reads are not needed; a bonus whose
 * parent cannot hold awards nothing, so its questions are not needed (the hall floor when there
 * is no hall). The scoring core scores a criterion whose open inputs are none even when some of
 * its inputs are unanswered, and a submission does not ask for inputs no longer needed, so the
 * form, the score and the submission agree on what is required.
 */
import type { CompiledRubric } from './compile.ts';
import type { Facts } from './conditions.ts';
import { type CoreCriterion, type ScoringModel, scoringModel } from './core.ts';
import { partialRules } from './decide.ts';
import { own } from '../document/lookup.ts';
import { kindOf } from '../kinds/registry.ts';
import type { AssessmentInputs, InputValues } from '../types.ts';

/** The inputs of an assessment split by whether an answer can still change its result. */
export interface InputsNeeded {
  /** Unanswered inputs whose answer can still change a criterion's points or a requirement's finding, in document order. */
  needed: string[];
  /**
   * Inputs no answer can make count under the other answers, in document order: every unanswered
   * one together (leaving them all blank changes nothing), and each answered one on its own (its
   * answer, kept, counts for nothing while the others stay as they are).
   */
  notNeeded: string[];
}

/**
 * Adds to `into` the unanswered inputs that can still change what criterion `c` awards; adds
 * nothing when the answers given settle it (every rule decided, and the amount of every rule that
 * holds computable). A bonus whose parent cannot hold is settled at nothing.
 */
export function openInputsOfCriterion(model: ScoringModel, c: CoreCriterion, inputs: InputValues, into: Set<string>): void {
  const rules = partialRules(model);
  const facts = inputs as Facts;
  const parent = c.parent;
  if (parent) {
    let holds: boolean | null = false;
    for (let r = 0; r < parent.scorings.length && holds !== true; r++) {
      const value = rules[parent.firstRule + r].decide(facts);
      if (value !== false) holds = value;
    }
    if (holds === false) return;
    if (holds === null) for (let r = 0; r < parent.scorings.length; r++) rules[parent.firstRule + r].open(facts, into);
  }
  c.scorings.forEach((scoring, r) => {
    const rule = rules[c.firstRule + r];
    const holds = rule.decide(facts);
    if (holds === false) return;
    if (holds === null) rule.open(facts, into);
    // A rule that holds, or may, awards an amount its kind computes from these inputs.
    for (const id of kindOf(scoring).inputsRead(scoring)) if (own(inputs, id) === undefined) into.add(id);
  });
}

/**
 * Which inputs are still needed under the answers given. Criteria marked not applicable (or whose
 * parent is) need nothing; a requirement needs every fact it reads, as its finding stays "not
 * assessed" until all are answered. Inputs are taken as checked.
 */
export function inputsNeeded(rubric: CompiledRubric, assessment: AssessmentInputs): InputsNeeded {
  const model = scoringModel(rubric);
  const inputs = assessment.inputs;
  const marks = assessment.notApplicable ?? {};
  const applies = (c: CoreCriterion): boolean => own(marks, c.result.id) === undefined && !(c.parent && own(marks, c.parent.result.id) !== undefined);
  const open = new Set<string>();
  for (const c of model.criteria) if (applies(c)) openInputsOfCriterion(model, c, inputs, open);
  const readByRequirement = new Set(model.requirements.flatMap(({ facts }) => facts));
  const needed: string[] = [];
  const notNeeded: string[] = [];
  for (const { id } of rubric.doc.inputs) {
    if (own(inputs, id) === undefined) {
      (open.has(id) || readByRequirement.has(id) ? needed : notNeeded).push(id);
      continue;
    }
    // An answer given: would it be needed were it blank, the other answers as they are?
    if (readByRequirement.has(id)) continue;
    const blank: InputValues = { ...inputs };
    delete blank[id];
    const wouldOpen = new Set<string>();
    for (const c of model.criteria) if (applies(c) && c.reads.includes(id)) openInputsOfCriterion(model, c, blank, wouldOpen);
    if (!wouldOpen.has(id)) notNeeded.push(id);
  }
  return { needed, notNeeded };
}
