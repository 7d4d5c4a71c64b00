/**
 * Every shared type of Rubric Studio lives here: the rubric document format (what an editor
 * writes), assessments (what an assessor fills) and results (what the engine returns).
 * The server and the UI import these with `import type`; the JSON Schema in rubric-schemas/
 * is the machine-checked twin of the document types.
 */

import type { InputCombinationName } from './document/input-combinations.ts';

// ---------------------------------------------------------------------------------------------
// Rubric documents
// ---------------------------------------------------------------------------------------------

/** Text in the rubric's languages; the UI falls back to whichever language is present. */
export interface Localized {
  zh?: string;
  en?: string;
}

export type RubricStatus = 'draft' | 'published' | 'retired';
export type Modality = 'shall' | 'should' | 'may';
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';
/** The formats a rubric document can be written in; each has its meta-schema in rubric-schemas/. */
export type RubricFormat = 'rubric/1' | 'rubric/2';
/** What tier bounds measure: the score ratio 0..1, or the total points 0..the maximum total. */
export type TierBasis = 'ratio' | 'points';

/** A rubric document: the whole rubric, its tiers and requirements, as data. */
export interface RubricDocument {
  /** Optional pointer to the meta-schema, for editors with JSON Schema support. */
  $schema?: string;
  /** Which meta-schema version the document is written against. */
  format: RubricFormat;
  /**
   * What the tier bounds measure (rubric/2, where it is required). A rubric/1 document has none
   * and its tiers are by ratio: read it with `tierBasisOf` (engine/scoring/tiers.ts), never directly.
   */
  tierBasis?: TierBasis;
  /** Stable identifier shared by every version of the rubric (kebab-case). */
  id: string;
  /** Semantic version of this document. */
  version: string;
  status: RubricStatus;
  title: Localized;
  description?: Localized;
  /** The text this rubric implements. */
  source: RubricSource;
  /** First day the version applies (YYYY-MM-DD). */
  effectiveDate: string;
  /** Last day in force (YYYY-MM-DD); open-ended without it. A new assessment uses the version in force on its date. */
  effectiveUntil?: string;
  /** What changed from the previous version, in one note. */
  changelog: string;
  /** How ambiguous or doubtful source text is read. */
  readings: Reading[];
  /** Applied to each criterion's points; totals are exact sums of rounded criteria. */
  rounding: Rounding;
  /** Everything an assessor records; criteria and requirements refer to inputs by id. */
  inputs: InputDefinition[];
  /** The scored hierarchy: groups → (sub-groups) → indicators → criteria. */
  groups: Group[];
  /** Tiers by score ratio or by total points (tierBasis), listed from the lowest to the highest. */
  tiers: Tier[];
  /** Baseline requirements: clauses judged met / not met from the inputs. */
  requirements: Requirement[];
  /** Embedded test cases with expected results. */
  tests: RubricTestCase[];
  /** How inputs of the version this one was copied from map to this version's inputs. */
  inputMapping?: InputMapping;
}

export interface RubricSource {
  title: Localized;
  /** Clause numbers implemented, e.g. "Annex B, Table B.2". */
  clauses: string[];
  edition?: string;
}

export interface Reading {
  id: string;
  /** What in the source is unclear or doubtful. */
  topic: Localized;
  /** The reading this document takes. */
  reading: Localized;
  /** ambiguous: the source can be read several ways; doubt: the source looks wrong but is kept. */
  concern: 'ambiguous' | 'doubt';
  /** Ids of the groups, indicators, criteria or requirements the reading affects. */
  appliesTo: string[];
}

export interface Rounding {
  decimals: number;
  mode: RoundingMode;
}

export type InputType =
  | 'boolean'
  | 'count'
  | 'number'
  | 'percentage'
  | 'choice'
  | 'multiChoice'
  | 'series';

export interface ChoiceOption {
  value: string;
  label: Localized;
}

/** One thing an assessor records; the assessment form is generated from these. */
export interface InputDefinition {
  /** Plain key (letters, digits, underscore) used as the json-rules-engine fact name. */
  id: string;
  type: InputType;
  label: Localized;
  help?: Localized;
  /** Unit shown beside the field (hours, people, %). */
  unit?: Localized;
  minimum?: number;
  maximum?: number;
  /** choice / multiChoice: the options, listed from the lowest grade to the highest when ordered. */
  options?: ChoiceOption[];
  /** choice: options are grades listed from lowest to highest (enables grade lints). */
  ordered?: boolean;
  /** series: number of items (12 for per-month counts) and their labels. */
  length?: number;
  itemLabels?: Localized[];
  /** Defaults to true; optional inputs may be left out of a submitted assessment. */
  required?: boolean;
}

/** A node of the scored hierarchy, holding either sub-groups or indicators. */
export interface Group {
  id: string;
  title: Localized;
  /** Maximum points. Without `cap` it must equal the sum of the children's maxima. */
  points: number;
  /** The children may award more than `points`; the group's score is capped at `points`. */
  cap?: boolean;
  /**
   * rubric/2: what the group is worth in its parent's (or the rubric's) total: it scores
   * achieved ÷ available × weight, its `points` being its credits (engine/scoring/weights.ts).
   */
  weight?: number;
  groups?: Group[];
  indicators?: Indicator[];
}

export interface Indicator {
  id: string;
  /** Row number in the source table. */
  number?: string;
  title: Localized;
  points: number;
  cap?: boolean;
  /** Clause of the source the indicator implements. */
  clause: string;
  criteria: Criterion[];
}

export interface Criterion {
  id: string;
  /** The scoring-rule text as the source words it. */
  title: Localized;
  /** Maximum points. Without `cap` it must equal the highest amount a rule can award. */
  points: number;
  cap?: boolean;
  /** Clause, when more precise than the indicator's. */
  clause?: string;
  /** A bonus: it counts only when a rule of this parent criterion (same indicator) holds. */
  parent?: string;
  /** When allowed, an assessor may mark the criterion not applicable, with a reason. */
  notApplicable?: { allowed: boolean; help?: Localized };
  /** Alternatives: of the rules whose conditions hold, the one awarding most counts. */
  rules: ScoringRule[];
}

/** A json-rules-engine rule whose event declares how many points it awards. */
export interface ScoringRule {
  name?: string;
  conditions: TopLevelCondition;
  event: { type: 'award'; params: Scoring };
}

/** What a rule awards: one of the scoring kinds (engine/kinds/, one module per kind). */
export type Scoring = FixedScoring | PerUnitScoring | PerBlockScoring | StepsScoring | DeductionScoring | ProportionalScoring | ChoiceScoring;

export type { FixedScoring } from './kinds/fixed.ts';
export type { PerUnitScoring } from './kinds/per-unit.ts';
export type { PerBlockScoring } from './kinds/per-block.ts';
export type { StepsScoring, Step } from './kinds/steps.ts';
export type { DeductionScoring, Deduction } from './kinds/deduction.ts';
export type { ProportionalScoring } from './kinds/proportional.ts';
export type { ChoiceScoring } from './kinds/choice.ts';
import type { FixedScoring } from './kinds/fixed.ts';
import type { PerUnitScoring } from './kinds/per-unit.ts';
import type { PerBlockScoring } from './kinds/per-block.ts';
import type { StepsScoring } from './kinds/steps.ts';
import type { DeductionScoring } from './kinds/deduction.ts';
import type { ProportionalScoring } from './kinds/proportional.ts';
import type { ChoiceScoring } from './kinds/choice.ts';

// json-rules-engine conditions, restricted to what a rubric document may contain.

export type Operator =
  | 'equal'
  | 'notEqual'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'doesNotContain';

export type ConditionValue = string | number | boolean | null | (string | number | boolean)[] | { fact: string; path?: string };

export interface FactCondition {
  fact: string;
  operator: Operator;
  value: ConditionValue;
  /** Plain dotted keys only ($.a.b); anything else is rejected at validation. */
  path?: string;
}

export type TopLevelCondition = { all: Condition[] } | { any: Condition[] } | { not: Condition };
export type Condition = FactCondition | TopLevelCondition;

export interface Tier {
  id: string;
  label: Localized;
  min: Bound;
  max: Bound;
}

export interface Bound {
  /** A score ratio (0..1) or a total in points (0..the maximum total), as the rubric's tier basis says. */
  value: number;
  inclusive: boolean;
}

export interface Requirement {
  id: string;
  clause: string;
  modality: Modality;
  text: Localized;
  conditions: TopLevelCondition;
  /** When the requirement is not met, the tier can be no higher than `capTier`. */
  gate?: { capTier: string };
}

export interface RubricTestCase {
  name: string;
  description?: string;
  inputs: InputValues;
  notApplicable?: Record<string, string>;
  expect: {
    total: number;
    tier: string | null;
    indicators?: Record<string, number>;
    requirements?: Record<string, Finding>;
  };
}

/** Inputs of the base version, mapped onto this version's inputs (re-scoring across versions). */
export interface InputMapping {
  /** The version this mapping reads from. */
  from: string;
  /** New input id → old input id. */
  renamed?: Record<string, string>;
  /** New input id → several old inputs merged into it (document/input-combinations.ts). */
  combined?: Record<string, { from: string[]; by: InputCombinationName }>;
  /** Values for new inputs the base version did not collect. */
  defaults?: InputValues;
}

// ---------------------------------------------------------------------------------------------
// Assessments and results
// ---------------------------------------------------------------------------------------------

export type InputValue = boolean | number | string | string[] | number[];
export type InputValues = Record<string, InputValue>;

/** What an assessor submits for scoring. */
export interface AssessmentInputs {
  inputs: InputValues;
  /** Criterion id → reason, for criteria the rubric allows to be marked not applicable. */
  notApplicable?: Record<string, string>;
}

export type Finding = 'met' | 'notMet' | 'notAssessed';
export type CriterionStatus = 'scored' | 'notApplicable' | 'notAssessed';

/** How one criterion's points came about. */
export interface CriterionResult {
  id: string;
  indicator: string;
  title: Localized;
  clause: string;
  status: CriterionStatus;
  points: number;
  max: number;
  /** Index of the rule that awarded the points, null when none held. */
  rule: number | null;
  kind: Scoring['kind'] | null;
  /** The inputs the criterion read, with their values. */
  inputs: InputValues;
  /** Inputs that were needed but missing (status notAssessed). */
  missing: string[];
  /** The arithmetic, e.g. "2 − 0.5 × 3 = 0.5". */
  arithmetic: string;
  /** Caps, floors, rounding or bonus conditions that changed the raw amount. */
  adjustments: string[];
  explanation: Localized;
}

export interface NodeResult {
  id: string;
  title: Localized;
  points: number;
  max: number;
  /** True when the children's sum exceeded the cap. */
  capped: boolean;
  /** A weighted group's credits (points of max) before weighting; `points` and `max` are then weighted. */
  credits?: { points: number; max: number };
}

export interface RequirementResult {
  id: string;
  clause: string;
  modality: Modality;
  text: Localized;
  finding: Finding;
  missing: string[];
  /** The tier cap this requirement imposed (only when not met and gated). */
  gate: string | null;
}

export interface RubricStamp {
  id: string;
  version: string;
  hash: string;
}

/**
 * What an incomplete result can still become (engine/scoring/reachable.ts): the totals and ratios
 * still reachable given the missing answers, the tiers still possible (gates included), the tier
 * when only one is, and the missing answers that decide between them.
 */
export interface Reachable {
  total: { min: number; max: number };
  ratio: { min: number; max: number } | null;
  /** Lowest first. */
  tiers: string[];
  /** The one tier every reachable outcome gives; null while answers can still change it. */
  determined: string | null;
  /** Missing inputs that can still change the tier (empty once it is determined). */
  deciding: string[];
}

/** What an assessor sees while filling a form (POST .../live-score): the score so far and what it can still become. */
export interface LiveScore {
  /** Every criterion assessed and every gate judged (the tier is then final). */
  complete: boolean;
  /** Points so far: criteria not assessed count 0 here (see `reachable` for what they can add). */
  total: number;
  max: number;
  ratio: number | null;
  /** The tier, when complete or when only one is still possible; null while answers can change it. */
  tier: string | null;
  /** The tier the points so far reach by ratio, before gates: where the next tier is counted from. */
  tierSoFar: string | null;
  /** For an incomplete assessment: the totals, ratios and tiers still reachable. Null when complete. */
  reachable: Reachable | null;
  /** The tier above `tierSoFar` and the points still missing to reach it; null at the top tier. */
  nextTier: { id: string; label: Localized; pointsToReach: number } | null;
  /** Unanswered inputs no answer can make count under the answers given (engine/scoring/needed.ts). */
  notNeeded: string[];
}

export interface ScoreResult {
  rubric: RubricStamp;
  /** False when a criterion could not be assessed or a gate could not be judged (answers missing); no tier is given then. */
  complete: boolean;
  total: number;
  max: number;
  /** total / max, exact as far as a double allows; null when nothing applies. */
  ratio: number | null;
  /** Tier from the ratio (or the total, by a points tier basis), after gates; null when incomplete. */
  tier: string | null;
  /** Tier from the ratio (or the total, by a points tier basis) alone, before gates; given once every criterion is assessed. */
  ratioTier: string | null;
  /** For an incomplete result, what it can still become; null when complete. */
  reachable: Reachable | null;
  groups: NodeResult[];
  indicators: NodeResult[];
  criteria: CriterionResult[];
  requirements: RequirementResult[];
}

// ---------------------------------------------------------------------------------------------
// Validation and lint
// ---------------------------------------------------------------------------------------------

/** A problem found in a document or in inputs: where (JSON pointer) and how to fix it. */
export interface Issue {
  path: string;
  /** The English text: what the API and the CLI always carried. */
  message: string;
  /**
   * The same text in Chinese and English (engine/document/messages.ts), for a reader of either
   * language. Every issue the engine reports has it; the server's own request checks give only `message`.
   */
  text?: Required<Localized>;
}

export interface ValidationReport {
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
}

export interface TestCaseReport {
  name: string;
  passed: boolean;
  failures: Issue[];
  result: ScoreResult | null;
}

export interface TestReport {
  passed: number;
  failed: number;
  cases: TestCaseReport[];
}

/** Derived assessment form, rjsf conventions: sections by group, then by indicator. */
export interface AssessmentForm {
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
}

export type Language = 'zh' | 'en';

// ---------------------------------------------------------------------------------------------
// Fast path, re-scoring, impact of a revision, gap to the next tier
// ---------------------------------------------------------------------------------------------


/** An assessment's inputs carried over to another rubric version, and what happened to them. */
export interface MappedInputs {
  /** The inputs as the target version reads them. */
  inputs: InputValues;
  /** Version the inputs were recorded under. */
  fromVersion: string;
  /** declared: the target's inputMapping reads from fromVersion; byId: inputs kept by id only. */
  mapping: 'declared' | 'byId';
  /** Target input ← source input, for renamed inputs that had a value. */
  renamed: { to: string; from: string }[];
  /** Target input ← several source inputs merged, for merges the answers decided. */
  combined: { to: string; from: string[]; by: InputCombinationName }[];
  /** Target inputs filled with the mapping's default value. */
  defaulted: string[];
  /** Source inputs the target does not read: left out. */
  dropped: string[];
  /** Target inputs still without a value (criteria reading them are not assessed). */
  missing: string[];
  /** Target inputs answered by a supplementary answer recorded later (the original never had them). */
  supplied: string[];
  /** Why the declared mapping was not used, when it was not. */
  note: string | null;
}

/** One criterion that could not be scored under the target version, with the inputs it lacks. */
export interface NotAssessedCriterion {
  criterion: string;
  indicator: string;
  title: Localized;
  missing: string[];
}

/** An assessment re-scored under another version: never a silent 0 for what cannot be scored. */
export interface RescoreResult {
  mapping: MappedInputs;
  /** Values the target version rejects (bounds, options changed): dropped, hence not assessed. */
  invalid: Issue[];
  /** notApplicable marks the target does not allow: dropped. */
  droppedNotApplicable: string[];
  result: ScoreResult;
  notAssessed: NotAssessedCriterion[];
}

/** Which inputs the stored assessments lack under a (draft) version. */
export interface MissingInputsReport {
  rubric: { id: string; version: string };
  /** Assessments examined. */
  assessments: number;
  /** Assessments that lack none of the target's inputs. */
  complete: number;
  /** Inputs lacking in at least one assessment, most often lacking first. */
  inputs: {
    input: string;
    label: Localized;
    required: boolean;
    /** Criteria and requirements that read the input. */
    readBy: string[];
    count: number;
    assessments: string[];
  }[];
}

/** A stored assessment as the impact analysis reads it. */
export interface ImpactAssessment {
  id: string;
  communityId: string;
  communityName?: string;
  /** The subject's attribute values by the deployment profile's attribute ids (Appendix C: `street`); choices by option id. */
  attributes?: Record<string, string>;
  period?: string;
  inputs: InputValues;
  notApplicable?: Record<string, string>;
  /** Answers recorded later to inputs a newer version asks: the candidate reads them where the original has no value. */
  supplements?: InputValues;
}

/** Which assessments to analyse; each field, when given, must match (tier: the base tier). */
export interface ImpactFilter {
  /** Attribute id → value (a choice by its option id); every one given must match. */
  attributes?: Record<string, string>;
  period?: string;
  /** Base-version tier id; null selects assessments without a tier. */
  tier?: string | null;
}

/**
 * The filter as the API and the command line take it: an ImpactFilter, plus `street`, the
 * street-only filter's field kept for its clients, read as `attributes.street` (checked against
 * the deployment profile by impactFilterFor).
 */
export interface ImpactFilterRequest extends ImpactFilter {
  street?: string;
}

/** An assessment scored under one version. */
export interface VersionScore {
  /** complete: tier given; incomplete: some criteria not assessed; invalid: inputs rejected. */
  status: 'complete' | 'incomplete' | 'invalid';
  total: number | null;
  max: number | null;
  ratio: number | null;
  /** The tier; for an incomplete result, the tier every way of answering the missing inputs gives, if one does. */
  tier: string | null;
  ratioTier: string | null;
  /** Requirements not met whose gate capped (or could cap) the tier. */
  gates: string[];
  /** For an incomplete result: the totals and tiers still reachable (engine/scoring/reachable.ts). */
  reachable: Reachable | null;
  /** Inputs the version needs that the assessment does not answer. */
  missing: string[];
  /** Inputs answered by supplementary answers, not by the original assessment. */
  supplied: string[];
  /** Inputs given the version's declared default, for want of an answer. */
  defaulted: string[];
  /** Inputs read from differently named inputs of the version the assessment was made under (renamed or merged). */
  mapped: string[];
  /** The rejection message, for status invalid. */
  error?: string;
}

export interface AssessmentImpact {
  id: string;
  communityId: string;
  communityName?: string;
  /** Every profile attribute the subject has, by attribute id (choices by option id). */
  attributes: Record<string, string>;
  period?: string;
  base: VersionScore;
  candidate: VersionScore;
  /** candidate total − base total, exact; null when either side has no total. */
  delta: number | null;
  tierChanged: boolean;
}

/** Per indicator, over the assessments scored under both versions. */
export interface IndicatorImpact {
  id: string;
  title: Localized;
  /** kept: in both versions (matched by id); added/removed: in one only (the other counts 0). */
  status: 'kept' | 'added' | 'removed';
  baseMax: number | null;
  candidateMax: number | null;
  /** Mean points, rounded to 4 decimals. */
  baseMean: number | null;
  candidateMean: number | null;
  /** Change of the indicator's points, candidate − base: mean (4 decimals), min and max. */
  meanDelta: number | null;
  minDelta: number | null;
  maxDelta: number | null;
  /** Assessments whose points for this indicator changed. */
  changed: number;
}

/** How many assessments go from each base tier to each candidate tier (null: no tier). */
export interface TierTransitions {
  /** Row labels: base tiers, lowest first, then null. */
  from: (string | null)[];
  /** Column labels: candidate tiers, lowest first, then null. */
  to: (string | null)[];
  /** counts[i][j]: assessments from `from[i]` to `to[j]`. */
  counts: number[][];
  labels: Record<string, Localized>;
}

/** An indicator's contribution to a tier change. */
export interface IndicatorDelta {
  id: string;
  title: Localized;
  base: number;
  candidate: number;
  delta: number;
}

/** A gate that differs between the versions for one assessment. */
export interface GateChange {
  requirement: string;
  clause: string;
  text: Localized;
  capTier: string;
  /** imposed: caps under the candidate only; lifted: capped under the base only. */
  change: 'imposed' | 'lifted';
}

export interface TierChange {
  id: string;
  communityId: string;
  communityName?: string;
  /** As in AssessmentImpact. */
  attributes: Record<string, string>;
  period?: string;
  fromTier: string | null;
  toTier: string | null;
  direction: 'up' | 'down' | 'other';
  delta: number | null;
  baseRatioTier: string | null;
  candidateRatioTier: string | null;
  /** Indicators whose points changed, largest |delta| first. */
  indicators: IndicatorDelta[];
  gates: GateChange[];
}

export interface ImpactSummary {
  assessments: number;
  tierChanged: number;
  up: number;
  down: number;
  /** Tier changes to or from "no tier" (incomplete or invalid). */
  other: number;
  /** Total change over assessments with a total under both: mean (4 decimals), min, max. */
  meanDelta: number | null;
  minDelta: number | null;
  maxDelta: number | null;
  invalid: { base: number; candidate: number };
  /** Incomplete results: all of them, and those whose tier the missing answers can still change. */
  incomplete: { base: number; candidate: number };
  undetermined: { base: number; candidate: number };
}

/** What a revision would do to every assessment, computed without storing anything. */
export interface ImpactReport {
  base: RubricStamp;
  candidate: RubricStamp;
  filter: ImpactFilter | null;
  /** How the candidate read the base's inputs (renamed, defaulted, dropped input ids). */
  inputMapping: { mapping: 'declared' | 'byId' | 'same'; renamed: { to: string; from: string }[]; combined: { to: string; from: string[]; by: InputCombinationName }[]; defaulted: string[]; dropped: string[] };
  /** Labels of the inputs the report names (missing, deciding), from the candidate, else the base. */
  inputLabels: Record<string, Localized>;
  summary: ImpactSummary;
  assessments: AssessmentImpact[];
  indicators: IndicatorImpact[];
  transitions: TierTransitions;
  tierChanges: TierChange[];
}

/** A criterion where points are still available, for the gap to the next tier. */
export interface GapCriterion {
  criterion: string;
  indicator: string;
  title: Localized;
  clause: string;
  status: CriterionStatus;
  points: number;
  max: number;
  /** Points this criterion can still add to the total, after indicator and group caps. */
  available: number;
  /** step: fixed or choice rules (one decision earns the points); quantity: counts, rates, deductions. */
  effort: 'step' | 'quantity';
  /** Inputs to act on. */
  inputs: string[];
  /** For a bonus: the parent criterion and whether it holds now. */
  parent: { id: string; holds: boolean } | null;
  /** Sum of `available` of this and every earlier item. */
  cumulative: number;
}

/** What stands between an assessment and the next tier (7.2.2). */
export interface TierGap {
  rubric: RubricStamp;
  complete: boolean;
  total: number;
  max: number;
  ratio: number | null;
  tier: string | null;
  ratioTier: string | null;
  /** The tier above the current one, null at the top or when no tier can be given. */
  next: { id: string; label: Localized; min: Bound } | null;
  /** Least points to add so the ratio reaches the next tier's lower bound (0 when it already does). */
  pointsNeeded: number | null;
  /** Sum of available points; reachable when at least pointsNeeded. */
  available: number;
  reachable: boolean;
  /** Smallest effort first: steps before quantities, then most available points first. */
  criteria: GapCriterion[];
  /** Failed requirements whose gate keeps the tier below the next one. */
  /** Failed requirements whose gate keeps the tier below the next, each with what to do about it. */
  gates: { requirement: string; clause: string; text: Localized; capTier: string; action: Localized }[];
  /** Criteria not assessed: assess them before a tier can be given. */
  notAssessed: NotAssessedCriterion[];
}
