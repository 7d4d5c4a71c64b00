/**
 * The engine's public API. Everything else in engine/ is internal.
 *
 *   const rubric = loadRubric(json);            // validate + compile (cached by content hash)
 *   const result = await evaluate(rubric, { inputs });
 *   const form = deriveForm(rubric.index, 'zh');
 */
export { loadRubric, type CompiledRubric } from './compile.ts';
export { evaluate, type EvaluateOptions } from './evaluate.ts';
export { deriveForm, formDataToAssessment, assessmentToFormData } from './form.ts';
export { runRubricTests } from './test-cases.ts';
export { validateRubric } from './report.ts';
export { contentHash, canonicalJson } from './hash.ts';
export { RUBRIC_LIMITS, checkLimits } from './limits.ts';
export { RUBRIC_META_SCHEMA } from './meta-schema.ts';
export { ERROR_CATALOGUE, RubricStudioError, type ErrorBody, type ErrorCode } from './errors.ts';
export { pick } from './structure.ts';
export type * from './types.ts';
export { evaluateFast, scoringPlan, type ScoringPlan } from './plan.ts';
export { mapInputs, rescore, missingInputsReport } from './mapping.ts';
export { analyzeImpact } from './impact.ts';
export { gapToNextTier } from './gap.ts';
export { resultsCsv, resultsXlsx, impactCsv, impactXlsx, impactSummaryHtml, type ResultRow } from './export.ts';
