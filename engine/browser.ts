/**
 * The engine's browser-safe public API: what builder-ui imports. Nothing reachable from here
 * imports a `node:` module (test/engine/browser-safe.test.ts walks the graph), so vite bundles it
 * without externalizing anything. engine/index.ts re-exports all of it for node callers.
 * test/lint.biome.json (noRestrictedImports) lets builder-ui/ import only this file from engine/,
 * types included (re-exported below, so no type-only exception).
 *
 *   const diff = diffRubrics(published, draft);
 *   const dirty = canonicalJson(draft) !== canonicalJson(saved);
 */
export { canonicalJson } from './document/canonical-json.ts';
export { diffRubrics, formatDiff, type ChangeKind, type ChangeTarget, type RubricChange, type RubricDiff } from './compare/diff.ts';
export { deriveForm, formLanguage } from './scoring/form.ts';
export { assessmentToFormData, formDataToAssessment, NOT_APPLICABLE_SECTION, REQUIREMENTS_SECTION } from './scoring/form-data.ts';
export { indexRubric, type RubricIndex } from './document/structure.ts';
export { criteriaOf } from './document/walk.ts';
export { creditWords, groupWorth, weightWords } from './scoring/weights.ts';
export { isResultFact, type ResultFact, resultFact, resultFactWords } from './document/result-facts.ts';
export { pick } from './document/localized.ts';
export { boundWords, continuingBound, findTier, LOWEST_BOUND, maxTotalOf, tierBasisOf, tierScaleTop, tiersInBasis } from './scoring/tiers.ts';
export { migrateRubric } from './document/migrate.ts';
export type * from './types.ts';
export { findKind, kindOf, SCORING_KINDS, type ScoringKindName } from './kinds/registry.ts';
export type { KindField, ScoringKind } from './kinds/kind.ts';
export { own } from './document/lookup.ts';
export { INPUT_COMBINATIONS, type InputCombinationName } from './document/input-combinations.ts';
export { FINDINGS, GLOSSARY, MODALITIES, periodWords, SCORE_STATUSES, type Term } from './glossary.ts';
export * from './deployment.ts';
export { describeCondition, describeScoring } from './scoring/explain.ts';
