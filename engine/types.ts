/**
 * Every shared type of Rubric Studio lives here: the rubric document format (what an editor
 * writes), assessments (what an assessor fills) and results (what the engine returns).
 * The server and the UI import these with `import type`; the JSON Schema in rubric-schemas/
 * is the machine-checked twin of the document types.
 */

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

/** A rubric document: the whole rubric, its tiers and requirements, as data. */
export interface RubricDocument {
  /** Optional pointer to the meta-schema, for editors with JSON Schema support. */
  $schema?: string;
  /** Which meta-schema version the document is written against. */
  format: 'rubric/1';
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
  /** Tiers by score ratio, listed from the lowest to the highest. */
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
  /** Clause numbers implemented, e.g. "附录C 表C.1". */
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

export type Scoring =
  | FixedScoring
  | PerUnitScoring
  | PerBlockScoring
  | DeductionScoring
  | ProportionalScoring
  | ChoiceScoring;

/** Fixed points when the conditions hold. */
export interface FixedScoring {
  kind: 'fixed';
  points: number;
}

/** Points per unit of one or more inputs (per certificate, per organisation), optionally capped. */
export interface PerUnitScoring {
  kind: 'perUnit';
  terms: { input: string; points: number }[];
  cap?: number;
}

/** Points per full block of N units (per 20 volunteers), optionally capped. */
export interface PerBlockScoring {
  kind: 'perBlock';
  input: string;
  blockSize: number;
  points: number;
  cap?: number;
}

/** A starting value minus deductions, not below the floor. */
export interface DeductionScoring {
  kind: 'deduction';
  start: number;
  deductions: Deduction[];
  floor: number;
}

/**
 * One deduction term. Units are: the value itself (count of defects); 1 when a boolean equals
 * `when`; or, with `below`, the shortfall under that target (summed item by item for a series),
 * counted in blocks of `blockSize` when given, full or started blocks.
 */
export interface Deduction {
  input: string;
  points: number;
  when?: boolean;
  below?: number;
  blockSize?: number;
  blocks?: 'full' | 'started';
}

/** Proportional to a rate: value / fullAt × points, within 0 and points. */
export interface ProportionalScoring {
  kind: 'proportional';
  input: string;
  fullAt: number;
  points: number;
}

/**
 * Points for the option chosen (an ordinal grade); for a multi-choice input, the highest
 * points among the options chosen (a level reached, not cumulative).
 */
export interface ChoiceScoring {
  kind: 'choice';
  input: string;
  points: Record<string, number>;
}

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

export interface ScoreResult {
  rubric: RubricStamp;
  /** False when some criteria could not be assessed; no tier is given then. */
  complete: boolean;
  total: number;
  max: number;
  /** total / max, exact as far as a double allows; null when nothing applies. */
  ratio: number | null;
  /** Tier from the ratio, after gates; null when incomplete. */
  tier: string | null;
  /** Tier from the ratio alone, before gates. */
  ratioTier: string | null;
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
  message: string;
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
