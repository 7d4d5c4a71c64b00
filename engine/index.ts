/**
 * The engine's public API, for the server and the CLI. Everything else in engine/ is internal;
 * the browser imports engine/browser.ts, a node-free subset re-exported here.
 *
 *   const rubric = loadRubric(json);            // validate + compile (cached by content hash)
 *   const result = await evaluate(rubric, { inputs });
 *   const form = deriveForm(rubric.index, 'zh');
 */
export * from './browser.ts';
export { compiledByHash, loadRubric, type CompiledRubric } from './scoring/compile.ts';
export { evaluate, evaluateLive, scoreFigures, type EvaluateOptions } from './scoring/evaluate.ts';
export { checkAssessmentInputs } from './scoring/inputs.ts';
export { inputsNeeded, type InputsNeeded } from './scoring/needed.ts';
export { liveScore } from './scoring/live.ts';
export { runRubricTests } from './scoring/test-cases.ts';
export { validateRubric } from './document/validation-report.ts';
export { contentHash } from './document/hash.ts';
export { issue } from './document/issues.ts';
export { COMPARISONS_ZH, COUNTS_ZH, type MessageText, TYPES_ZH } from './document/messages.ts';
export { RUBRIC_LIMITS, checkLimits } from './document/limits.ts';
export { META_SCHEMAS, RUBRIC_2_META_SCHEMA, RUBRIC_META_SCHEMA } from './document/meta-schema.ts';
export { migrateRubric } from './document/migrate.ts';
export { CataloguedError, ENGINE_ERRORS, RubricStudioError, type EngineErrorCode, type ErrorEntry } from './errors.ts';
export { carryAssessment, carryForward, type CarryForwardFlag, mapInputs, rescore, missingInputsReport, MissingInputsTally } from './compare/mapping.ts';
export { analyzeImpact, analyzeImpactStream, IMPACT_BATCH, impactFilterFor } from './compare/impact.ts';
export { DEPLOYMENT_SCHEMA, deploymentProblems, SUBJECT_RECORD_FIELDS } from './deployment-check.ts';
export { versionInForce, type DatedVersion } from './compare/in-force.ts';
export { analyzeImpactInThreads, analyzeImpactStreamInThreads, type ImpactThreads, startImpactWorkers } from './compare/impact-threads.ts';
export { gapToNextTier } from './compare/gap.ts';
export { resultsCsv, resultsXlsx, resultColumns, resultsCsvText, writeResultsXlsx, impactCsv, impactSummaryHtml, impactXlsx, type ResultColumns, type ResultRow } from './exports/export.ts';
