/**
 * The engine's public API, for the server and the CLI. Everything else in engine/ is internal;
 * the browser imports engine/browser.ts, a node-free subset re-exported here.
 *
 *   const rubric = loadRubric(json);            // validate + compile (cached by content hash)
 *   const result = await evaluate(rubric, { inputs });
 *   const form = deriveForm(rubric.index, 'zh');
 */
export * from './browser.ts';
export { loadRubric, type CompiledRubric } from './compile.ts';
export { evaluate, type EvaluateOptions } from './evaluate.ts';
export { runRubricTests } from './test-cases.ts';
export { validateRubric } from './report.ts';
export { contentHash } from './hash.ts';
export { RUBRIC_LIMITS, checkLimits } from './limits.ts';
export { RUBRIC_META_SCHEMA } from './meta-schema.ts';
export { ERROR_CATALOGUE, RubricStudioError, type ErrorBody, type ErrorCode } from './errors.ts';
export { evaluateFast, scoringPlan, type ScoringPlan } from './plan.ts';
export { mapInputs, rescore, missingInputsReport } from './mapping.ts';
export { analyzeImpact } from './impact.ts';
export { gapToNextTier } from './gap.ts';
export { resultsCsv, resultsXlsx, impactCsv, impactSummaryHtml, impactXlsx, type ResultRow } from './export.ts';
