/**
 * The live score of an assessment being filled in: the score so far, what it can still become,
 * the points missing to the next tier and the questions no longer needed. The compiled
 * conditions decide (evaluateLive), so a form can ask for it as the assessor types.
 */
import type { CompiledRubric } from './compile.ts';
import { scoringModel } from './core.ts';
import { evaluateLive } from './evaluate.ts';
import { inputsNeeded } from './needed.ts';
import { nextTier, pointsToReach, tierBasisOf, tierOfScore } from './tiers.ts';
import type { AssessmentInputs, LiveScore } from '../types.ts';

/**
 * Scores a partial assessment for display while it is filled in.
 * @throws RubricStudioError INPUTS_INVALID when a value is wrong (missing answers are fine)
 */
export function liveScore(rubric: CompiledRubric, assessment: AssessmentInputs): LiveScore {
  const result = evaluateLive(rubric, assessment, { requireComplete: false });
  const { tiers } = rubric.doc;
  const basis = tierBasisOf(rubric.doc);
  const tierSoFar = result.ratioTier ?? tierOfScore(tiers, basis, result);
  const next = tierSoFar === null ? null : nextTier(tiers, tierSoFar);
  return {
    complete: result.complete,
    total: result.total,
    max: result.max,
    ratio: result.ratio,
    tier: result.tier ?? result.reachable?.determined ?? null,
    tierSoFar,
    reachable: result.reachable,
    nextTier: next && { id: next.id, label: next.label, pointsToReach: pointsToReach(next.min, basis, result.total, result.max, scoringModel(rubric).decimals).toNumber() },
    notNeeded: inputsNeeded(rubric, assessment).notNeeded,
  };
}
