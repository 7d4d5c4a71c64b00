/**
 * Scoring an assessment: inputs are checked, the conditions are decided, and the scoring core
 * (engine/scoring/core.ts) computes the rest. Three entry points, one semantics:
 *
 * - `evaluate`: json-rules-engine decides; the result stored for every submission.
 * - `evaluateLive`: the compiled conditions decide; the same result, synchronously and many times
 *   faster, for previews as an assessor types.
 * - `scoreFigures`: the compiled conditions decide; the figures only, for analyses over many
 *   assessments (impact, gap).
 */
import type { CompiledRubric } from './compile.ts';
import { explainedResult, type ScoreNumbers, scoreDecided, scoringModel } from './core.ts';
import { decideCompiled, decideWithRulesEngine } from './decide.ts';
import { checkInputs } from './inputs.ts';
import { inputsNeeded } from './needed.ts';
import type { AssessmentInputs, ScoreResult } from '../types.ts';

export interface EvaluateOptions {
  /**
   * Reject missing required inputs (submission), except those the answers given leave unable to
   * score (engine/scoring/needed.ts). Otherwise missing inputs leave criteria not assessed.
   */
  requireComplete?: boolean;
}

/**
 * Scores one assessment with json-rules-engine deciding the conditions. The same inputs and
 * version always give the same result, stamped with the rubric id, version and content hash.
 * @throws RubricStudioError INPUTS_INVALID or INPUTS_INCOMPLETE; nothing is scored then
 */
export async function evaluate(rubric: CompiledRubric, assessment: AssessmentInputs, options: EvaluateOptions = {}): Promise<ScoreResult> {
  checkInputs(rubric.index, rubric.inputChecker, assessment, options.requireComplete ?? false, notNeededOf(rubric, assessment));
  const model = scoringModel(rubric);
  const decider = await decideWithRulesEngine(rubric, model, assessment.inputs);
  return explainedResult(model, assessment, scoreDecided(model, assessment, decider, 'explained'));
}

/**
 * `evaluate`'s result with the compiled conditions deciding: synchronous, for live previews.
 * @throws RubricStudioError INPUTS_INVALID or INPUTS_INCOMPLETE, as `evaluate`
 */
export function evaluateLive(rubric: CompiledRubric, assessment: AssessmentInputs, options: EvaluateOptions = {}): ScoreResult {
  checkInputs(rubric.index, rubric.inputChecker, assessment, options.requireComplete ?? false, notNeededOf(rubric, assessment));
  const model = scoringModel(rubric);
  return explainedResult(model, assessment, scoreDecided(model, assessment, decideCompiled(model, assessment.inputs), 'explained'));
}

/**
 * The figures of `evaluate`'s result (totals, tiers, per indicator, gates) without building
 * result objects, for analyses over many assessments.
 * @throws RubricStudioError INPUTS_INVALID or INPUTS_INCOMPLETE, as `evaluate`
 */
export function scoreFigures(rubric: CompiledRubric, assessment: AssessmentInputs, options: EvaluateOptions = {}): ScoreNumbers {
  checkInputs(rubric.index, rubric.inputChecker, assessment, options.requireComplete ?? false, notNeededOf(rubric, assessment));
  const model = scoringModel(rubric);
  return scoreDecided(model, assessment, decideCompiled(model, assessment.inputs), 'numbers');
}

/** The required inputs a complete assessment may leave unanswered: those no answer can make score. */
function notNeededOf(rubric: CompiledRubric, assessment: AssessmentInputs): () => ReadonlySet<string> {
  return () => new Set(inputsNeeded(rubric, assessment).notNeeded);
}
