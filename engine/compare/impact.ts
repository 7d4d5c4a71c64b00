/**
 * Impact of a revision: every stored assessment scored under a base version and a candidate
 * (a draft, or any version), compared — totals, tiers, per-indicator changes, the tier
 * transition matrix and the communities that change tier with what moved them. Pure: nothing
 * stored changes. Runs on the scoring core's figures (engine/scoring/core.ts), so 100,000 assessments under two
 * versions take seconds, not minutes.
 */
import { groupWorth } from '../scoring/weights.ts';
import type { CompiledRubric } from '../scoring/compile.ts';
import { type Big, dec } from '../scoring/decimal.ts';
import type { DeploymentProfile } from '../deployment.ts';
import { issue } from '../document/issues.ts';
import { MESSAGES } from '../document/messages.ts';
import { RubricStudioError } from '../errors.ts';
import { mapInputs } from './mapping.ts';
import { type ScoreNumbers, type ScoringModel, scoringModel } from '../scoring/core.ts';
import { scoreFigures } from '../scoring/evaluate.ts';
import { gateHoldsBelow } from '../scoring/tiers.ts';
import type {
  AssessmentImpact,
  GateChange,
  ImpactAssessment,
  ImpactFilter,
  ImpactFilterRequest,
  ImpactReport,
  Issue,
  IndicatorDelta,
  IndicatorImpact,
  InputValues,
  Localized,
  TierChange,
  TierTransitions,
  VersionScore,
} from '../types.ts';

/**
 * Compares a candidate version with a base version over stored assessments (recorded under the
 * base). The candidate reads them through its inputMapping when it declares one from the base
 * version; inputs it does not know are dropped, N/A marks it does not allow are ignored.
 * Assessments a version rejects count as "invalid" (no tier) rather than failing the analysis.
 */
export function analyzeImpact(base: CompiledRubric, candidate: CompiledRubric, assessments: ImpactAssessment[], filter?: ImpactFilter): ImpactReport {
  return summarizeImpact(base, candidate, assessments, scoreImpact(base, candidate, assessments, filter), filter);
}

/** Whether the subject has every attribute value the filter asks for (no filter: every subject). */
function attributesMatch(values: Record<string, string> | undefined, wanted: Record<string, string> | undefined): boolean {
  if (wanted === undefined) return true;
  return Object.entries(wanted).every(([id, value]) => values !== undefined && Object.hasOwn(values, id) && values[id] === value);
}

/**
 * The filter of an impact request as the analysis reads it, checked against the deployment
 * profile: `street` is read as `attributes.street` while the profile has that attribute, and an
 * attribute the subjects do not have is refused rather than matching nothing in silence.
 * @throws RubricStudioError IMPACT_FILTER_INVALID naming each field at fault and the profile's attributes
 */
export function impactFilterFor(request: ImpactFilterRequest, profile: Pick<DeploymentProfile, 'subject'>): ImpactFilter {
  const { street, attributes, ...rest } = request;
  const known = profile.subject.attributes;
  const problems: Issue[] = [];
  const refuse = (path: string, id: string) => problems.push(issue(path, MESSAGES.notASubjectAttribute(id, known)));
  for (const id of Object.keys(attributes ?? {})) if (!known.some((a) => a.id === id)) refuse(`/filter/attributes/${id}`, id);
  if (street !== undefined && !known.some((a) => a.id === 'street')) refuse('/filter/street', 'street');
  if (problems.length > 0) throw new RubricStudioError('IMPACT_FILTER_INVALID', MESSAGES.impactFilterInvalid(problems[0].path, problems.length), problems);
  const merged = { ...(street !== undefined && { street }), ...attributes };
  return Object.keys(merged).length > 0 ? { ...rest, attributes: merged } : rest;
}

/** Each assessment's figures under one version: what the summary reads (cloned cheaply between threads). */
export interface VersionFigures {
  score: VersionScore;
  /** Per indicator in model order; null when the version rejected the inputs. */
  indicatorPoints: number[] | null;
  /** Per indicator: false while one of its criteria waits for an answer (its points are then not its score). */
  indicatorComplete: boolean[] | null;
}

/**
 * The scoring half of an impact analysis: every assessment (after the attribute and period filters;
 * null when filtered out) under both versions, and what the candidate made of the inputs. Pure
 * and independent per assessment, so it may run in several threads (engine/compare/impact-threads.ts).
 */
export interface ScoredImpact {
  scored: ({ base: VersionFigures; candidate: VersionFigures } | null)[];
  mapping: ImpactReport['inputMapping'];
}

export function scoreImpact(base: CompiledRubric, candidate: CompiledRubric, assessments: ImpactAssessment[], filter?: ImpactFilter): ScoredImpact {
  const baseModel = scoringModel(base);
  const candidateModel = scoringModel(candidate);
  const carry = inputCarrier(base, candidate);
  const candidateNotApplicable = new Set(candidate.index.criteria.filter((c) => c.criterion.notApplicable?.allowed).map((c) => c.criterion.id));
  const scored = assessments.map((assessment) => {
    if (!attributesMatch(assessment.attributes, filter?.attributes)) return null;
    if (filter?.period !== undefined && assessment.period !== filter.period) return null;
    const baseFigures = versionFigures(baseModel, safeRun(baseModel, assessment.inputs, assessment.notApplicable), AS_ASSESSED);
    // The candidate is not scored for an assessment the tier filter leaves out.
    if (filter?.tier !== undefined && baseFigures.score.tier !== filter.tier) return { base: baseFigures, candidate: baseFigures };
    const carried = carry(assessment.inputs);
    const { inputs, supplied, defaulted } = supplement(carried.inputs, carried.defaulted, assessment.supplements, candidate);
    const candidateFigures = versionFigures(candidateModel, safeRun(candidateModel, inputs, keepAllowed(assessment.notApplicable, candidateNotApplicable)), { supplied, defaulted, mapped: carried.mapped });
    return { base: baseFigures, candidate: candidateFigures };
  });
  return { scored, mapping: carry.report() };
}

/** The summary half: totals, tiers, per-indicator statistics, transitions and who changes tier, in the assessments' order. */
export function summarizeImpact(base: CompiledRubric, candidate: CompiledRubric, assessments: ImpactAssessment[], scored: ScoredImpact, filter?: ImpactFilter): ImpactReport {
  const tally = new ImpactTally(base, candidate, filter, assessments.length);
  tally.add(assessments, scored);
  return tally.report();
}

/** How many assessments a streamed analysis scores at a time, unless told otherwise. */
export const IMPACT_BATCH = 1_000;

/**
 * `analyzeImpact` over assessments read as they come (a database cursor): scored `batchSize` at a
 * time and tallied in order, so only one batch of inputs is held; the report is the same.
 */
export async function analyzeImpactStream(base: CompiledRubric, candidate: CompiledRubric, assessments: AsyncIterable<ImpactAssessment> | Iterable<ImpactAssessment>, filter?: ImpactFilter, batchSize = IMPACT_BATCH): Promise<ImpactReport> {
  const tally = new ImpactTally(base, candidate, filter);
  for await (const batch of inBatches(assessments, batchSize)) tally.add(batch, scoreImpact(base, candidate, batch, filter));
  return tally.report();
}

/** `items` in arrays of `size` (the last may be shorter), each read only when the one before was taken. */
export async function* inBatches<T>(items: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`inBatches: size must be a positive integer, not ${size}`);
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The report drawn up as scored batches arrive, in the assessments' order: per-assessment rows,
 * running sums and counts, and the candidate's input mapping merged over the batches. The rows
 * are the report; nothing else grows with the number of assessments.
 */
export class ImpactTally {
  readonly #base: CompiledRubric;
  readonly #candidate: CompiledRubric;
  readonly #filter: ImpactFilter | undefined;
  readonly #basePlan: ScoringModel;
  readonly #candidatePlan: ScoringModel;
  #exact: ExactDecimals;
  readonly #indicators: IndicatorColumn[];
  readonly #stats: { n: number; baseSum: Units; candidateSum: Units; deltaSum: Units; min: Units | null; max: Units | null; changed: number }[];
  readonly #transitions: ReturnType<typeof transitionMatrix>;
  readonly #rows: AssessmentImpact[] = [];
  readonly #tierChanges: TierChange[] = [];
  #deltaSum: Units;
  #deltaMin: Units | null = null;
  #deltaMax: Units | null = null;
  #deltas = 0;
  readonly #summary = { up: 0, down: 0, other: 0, invalid: { base: 0, candidate: 0 }, incomplete: { base: 0, candidate: 0 }, undetermined: { base: 0, candidate: 0 } };
  readonly #renamed = new Map<string, string>();
  readonly #combined = new Map<string, ImpactReport['inputMapping']['combined'][number]>();
  readonly #defaulted = new Set<string>();
  readonly #dropped = new Set<string>();

  /** `expected`: how many assessments will come, when known; it picks the exact arithmetic up front, as analyzeImpact always has. */
  constructor(base: CompiledRubric, candidate: CompiledRubric, filter?: ImpactFilter, expected?: number) {
    this.#base = base;
    this.#candidate = candidate;
    this.#filter = filter;
    this.#basePlan = scoringModel(base);
    this.#candidatePlan = scoringModel(candidate);
    this.#exact = exactDecimals(this.#basePlan, this.#candidatePlan, expected ?? 1);
    this.#indicators = indicatorColumns(this.#basePlan, this.#candidatePlan);
    this.#stats = this.#indicators.map(() => ({ n: 0, baseSum: this.#exact.zero, candidateSum: this.#exact.zero, deltaSum: this.#exact.zero, min: null, max: null, changed: 0 }));
    this.#transitions = transitionMatrix(base, candidate);
    this.#deltaSum = this.#exact.zero;
  }

  /** Tallies `assessments` with their figures (`scored`, as scoreImpact gives them for exactly these assessments). */
  add(assessments: ImpactAssessment[], { scored, mapping }: ScoredImpact): void {
    for (const r of mapping.renamed) this.#renamed.set(r.to, r.from);
    for (const c of mapping.combined) this.#combined.set(c.to, c);
    for (const id of mapping.defaulted) this.#defaulted.add(id);
    for (const id of mapping.dropped) this.#dropped.add(id);
    for (let at = 0; at < assessments.length; at++) {
      const pair = scored[at];
      if (pair !== null) this.#addOne(assessments[at], pair);
    }
  }

  #addOne(assessment: ImpactAssessment, pair: { base: VersionFigures; candidate: VersionFigures }): void {
    const summary = this.#summary;
    const transitions = this.#transitions;
    const baseScore = pair.base.score;
    if (this.#filter?.tier !== undefined && baseScore.tier !== this.#filter.tier) return;
    // Integer sums stay exact only up to a number of assessments; past it they carry on in big.js.
    if (this.#rows.length + 1 > this.#exact.capacity) this.#widen();
    const exact = this.#exact;
    const candidateScore = pair.candidate.score;
    const baseRun = pair.base.indicatorPoints;
    const candidateRun = pair.candidate.indicatorPoints;

    if (baseScore.status === 'invalid') summary.invalid.base += 1;
    if (baseScore.status === 'incomplete') summary.incomplete.base += 1;
    if (candidateScore.status === 'invalid') summary.invalid.candidate += 1;
    if (candidateScore.status === 'incomplete') summary.incomplete.candidate += 1;
    if (baseScore.status === 'incomplete' && baseScore.tier === null) summary.undetermined.base += 1;
    if (candidateScore.status === 'incomplete' && candidateScore.tier === null) summary.undetermined.candidate += 1;

    // A total with criteria waiting for answers is not a score: no change is computed from it
    // (its reachable range says what it can become).
    let delta: number | null = null;
    if (baseScore.status === 'complete' && candidateScore.status === 'complete' && baseScore.total !== null && candidateScore.total !== null) {
      const d = exact.sub(exact.of(candidateScore.total), exact.of(baseScore.total));
      delta = exact.toNumber(d);
      this.#deltaSum = exact.add(this.#deltaSum, d);
      this.#deltaMin = this.#deltaMin === null || exact.lt(d, this.#deltaMin) ? d : this.#deltaMin;
      this.#deltaMax = this.#deltaMax === null || exact.lt(this.#deltaMax, d) ? d : this.#deltaMax;
      this.#deltas += 1;
    }

    // Per indicator, over assessments scored under both versions; an absent indicator counts 0,
    // one waiting for an answer does not count.
    const indicatorDeltas: IndicatorDelta[] = [];
    const tierChanged = baseScore.tier !== candidateScore.tier;
    if (baseRun !== null && candidateRun !== null) {
      const baseComplete = pair.base.indicatorComplete;
      const candidateComplete = pair.candidate.indicatorComplete;
      for (let i = 0; i < this.#indicators.length; i++) {
        const column = this.#indicators[i];
        if ((column.base >= 0 && baseComplete?.[column.base] === false) || (column.candidate >= 0 && candidateComplete?.[column.candidate] === false)) continue;
        const b = exact.of(column.base < 0 ? 0 : baseRun[column.base]);
        const c = exact.of(column.candidate < 0 ? 0 : candidateRun[column.candidate]);
        const d = exact.sub(c, b);
        const s = this.#stats[i];
        s.n += 1;
        s.baseSum = exact.add(s.baseSum, b);
        s.candidateSum = exact.add(s.candidateSum, c);
        s.deltaSum = exact.add(s.deltaSum, d);
        s.min = s.min === null || exact.lt(d, s.min) ? d : s.min;
        s.max = s.max === null || exact.lt(s.max, d) ? d : s.max;
        if (!exact.isZero(d)) {
          s.changed += 1;
          if (tierChanged) indicatorDeltas.push({ id: column.id, title: column.title, base: exact.toNumber(b), candidate: exact.toNumber(c), delta: exact.toNumber(d) });
        }
      }
    }

    transitions.count(baseScore.tier, candidateScore.tier);
    const row: AssessmentImpact = { id: assessment.id, communityId: assessment.communityId, attributes: { ...assessment.attributes }, base: baseScore, candidate: candidateScore, delta, tierChanged };
    if (assessment.communityName !== undefined) row.communityName = assessment.communityName;
    if (assessment.period !== undefined) row.period = assessment.period;
    this.#rows.push(row);

    if (tierChanged) {
      const direction = transitions.direction(baseScore.tier, candidateScore.tier);
      summary[direction] += 1;
      indicatorDeltas.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.id < b.id ? -1 : 1));
      const { base: _b, candidate: _c, tierChanged: _t, ...who } = row;
      this.#tierChanges.push({
        ...who,
        fromTier: baseScore.tier,
        toTier: candidateScore.tier,
        direction,
        delta,
        baseRatioTier: baseScore.ratioTier,
        candidateRatioTier: candidateScore.ratioTier,
        indicators: indicatorDeltas,
        gates: gateChanges(this.#base, this.#candidate, baseScore, candidateScore),
      });
    }
  }

  /** Moves every running sum to big.js: the same values, no longer bounded by 2^52. */
  #widen(): void {
    const from = this.#exact;
    const to = bigDecimals();
    const big = (x: Units): Units => from.toBig(x);
    const orNull = (x: Units | null): Units | null => (x === null ? null : big(x));
    this.#deltaSum = big(this.#deltaSum);
    this.#deltaMin = orNull(this.#deltaMin);
    this.#deltaMax = orNull(this.#deltaMax);
    for (const s of this.#stats) {
      s.baseSum = big(s.baseSum);
      s.candidateSum = big(s.candidateSum);
      s.deltaSum = big(s.deltaSum);
      s.min = orNull(s.min);
      s.max = orNull(s.max);
    }
    this.#exact = to;
  }

  /** The report of everything added so far. */
  report(): ImpactReport {
    const base = this.#base;
    const candidate = this.#candidate;
    const exact = this.#exact;
    const rows = this.#rows;
    return {
      base: { id: base.doc.id, version: base.doc.version, hash: base.hash },
      candidate: { id: candidate.doc.id, version: candidate.doc.version, hash: candidate.hash },
      filter: this.#filter ?? null,
      inputMapping: { mapping: mappingKind(base, candidate), renamed: [...this.#renamed].map(([to, from]) => ({ to, from })), combined: [...this.#combined.values()], defaulted: [...this.#defaulted], dropped: [...this.#dropped] },
      inputLabels: inputLabels(base, candidate, rows),
      summary: {
        assessments: rows.length,
        tierChanged: this.#tierChanges.length,
        ...this.#summary,
        meanDelta: this.#deltas > 0 ? exact.mean(this.#deltaSum, this.#deltas) : null,
        minDelta: this.#deltaMin === null ? null : exact.toNumber(this.#deltaMin),
        maxDelta: this.#deltaMax === null ? null : exact.toNumber(this.#deltaMax),
      },
      assessments: rows,
      indicators: this.#indicators.map((column, i): IndicatorImpact => {
        const s = this.#stats[i];
        return {
          id: column.id,
          title: column.title,
          status: column.base < 0 ? 'added' : column.candidate < 0 ? 'removed' : 'kept',
          baseMax: column.base < 0 ? null : declaredMax(this.#basePlan, column.base),
          candidateMax: column.candidate < 0 ? null : declaredMax(this.#candidatePlan, column.candidate),
          baseMean: s.n > 0 && column.base >= 0 ? exact.mean(s.baseSum, s.n) : null,
          candidateMean: s.n > 0 && column.candidate >= 0 ? exact.mean(s.candidateSum, s.n) : null,
          meanDelta: s.n > 0 ? exact.mean(s.deltaSum, s.n) : null,
          minDelta: s.min === null ? null : exact.toNumber(s.min),
          maxDelta: s.max === null ? null : exact.toNumber(s.max),
          changed: s.changed,
        };
      }),
      transitions: this.#transitions.result(),
      tierChanges: this.#tierChanges,
    };
  }
}

/** A run, or the message of the error that rejected the assessment's inputs. */
function safeRun(model: ScoringModel, inputs: InputValues, notApplicable: Record<string, string> | undefined): ScoreNumbers | string {
  try {
    return scoreFigures(model.rubric, notApplicable === undefined ? { inputs } : { inputs, notApplicable }, { requireComplete: false });
  } catch (err) {
    if (err instanceof RubricStudioError) return `${err.code}: ${err.message} ${err.details.map((d) => `${d.path} ${d.message}`).join('; ')}`.trim();
    throw err;
  }
}

const NO_INPUTS: string[] = [];

/** Where a version's inputs came from other than the assessment's own answers under their own names. */
type InputSources = Pick<VersionScore, 'supplied' | 'defaulted' | 'mapped'>;

const AS_ASSESSED: InputSources = { supplied: NO_INPUTS, defaulted: NO_INPUTS, mapped: NO_INPUTS };

/**
 * Inputs the original left open that the version knows, filled from supplementary answers. An
 * answer given later beats the mapping's default; the original's (or a renamed) value beats both.
 */
function supplement(inputs: InputValues, defaulted: string[], supplements: InputValues | undefined, version: CompiledRubric): { inputs: InputValues; supplied: string[]; defaulted: string[] } {
  if (!supplements) return { inputs, supplied: NO_INPUTS, defaulted };
  let filled: InputValues | null = null;
  const supplied: string[] = [];
  for (const [id, value] of Object.entries(supplements)) {
    if (!version.index.inputs.has(id) || (Object.hasOwn(inputs, id) && !defaulted.includes(id))) continue;
    filled ??= { ...inputs };
    filled[id] = value;
    supplied.push(id);
  }
  return { inputs: filled ?? inputs, supplied, defaulted: supplied.length ? defaulted.filter((id) => !supplied.includes(id)) : defaulted };
}

function versionFigures(model: ScoringModel, run: ScoreNumbers | string, sources: InputSources): VersionFigures {
  if (typeof run === 'string') {
    return { score: { status: 'invalid', total: null, max: null, ratio: null, tier: null, ratioTier: null, gates: [], reachable: null, missing: [], ...sources, error: run }, indicatorPoints: null, indicatorComplete: null };
  }
  if (run.complete) {
    const score: VersionScore = { status: 'complete', total: run.total, max: run.max, ratio: run.ratio, tier: run.tier, ratioTier: run.ratioTier, gates: run.gates, reachable: null, missing: [], ...sources };
    return { score, indicatorPoints: run.indicatorPoints, indicatorComplete: null };
  }
  // Never a silent zero: what is missing is named, and the tier stands only when every way of answering gives it.
  const missing = new Set<string>();
  for (const outcome of run.outcomes) for (const id of outcome.missing) missing.add(id);
  // Requirements' answers count when their gate can move the tier.
  model.requirements.forEach(({ requirement }, r) => {
    if (requirement.gate) for (const id of run.requirementMissing[r]) missing.add(id);
  });
  const tier = run.reachable?.determined ?? null;
  const score: VersionScore = { status: 'incomplete', total: run.total, max: run.max, ratio: run.ratio, tier, ratioTier: run.ratioTier, gates: run.gates, reachable: run.reachable, missing: [...missing], ...sources };
  const indicatorComplete = model.indicators.map((node) => node.criteria.every((slot) => run.outcomes[slot].status !== 'notAssessed'));
  return { score, indicatorPoints: run.indicatorPoints, indicatorComplete };
}

function keepAllowed(marks: Record<string, string> | undefined, allowed: Set<string>): Record<string, string> | undefined {
  if (marks === undefined) return undefined;
  let kept: Record<string, string> | undefined;
  for (const id of Object.keys(marks)) {
    if (allowed.has(id)) continue;
    kept ??= { ...marks };
    delete kept[id];
  }
  return kept ?? marks;
}

/** Labels of the inputs the rows name as missing, supplied or deciding: the candidate's words, else the base's. */
function inputLabels(base: CompiledRubric, candidate: CompiledRubric, rows: AssessmentImpact[]): Record<string, Localized> {
  const named = new Set<string>();
  for (const row of rows) for (const score of [row.base, row.candidate]) for (const id of [...score.missing, ...score.supplied, ...score.defaulted, ...score.mapped, ...(score.reachable?.deciding ?? [])]) named.add(id);
  const labels: Record<string, Localized> = {};
  for (const id of named) {
    const label = candidate.index.inputs.get(id)?.label ?? base.index.inputs.get(id)?.label;
    if (label) labels[id] = label;
  }
  return labels;
}

/** The declared (capped) maximum of an indicator, as a number (model slots follow the index's order). */
function declaredMax(model: ScoringModel, slot: number): number {
  return model.rubric.index.indicators[slot]?.indicator.points ?? 0;
}

// ---------------------------------------------------------------------------------------------

/**
 * How the candidate reads inputs recorded under the base: through its declared mapping, or by
 * id with unknown inputs left out. Inputs already valid for the candidate pass through as is.
 */
function inputCarrier(base: CompiledRubric, candidate: CompiledRubric): ((inputs: InputValues) => { inputs: InputValues; defaulted: string[]; mapped: string[] }) & { report: () => ImpactReport['inputMapping'] } {
  const known = new Set(candidate.doc.inputs.map((i) => i.id));
  const declared = mappingKind(base, candidate) === 'declared';
  const renamed = new Map<string, string>();
  const combined = new Map<string, ImpactReport['inputMapping']['combined'][number]>();
  const defaulted = new Set<string>();
  const dropped = new Set<string>();
  const carry = (inputs: InputValues): { inputs: InputValues; defaulted: string[]; mapped: string[] } => {
    if (declared) {
      const mapped = mapInputs(candidate.doc, inputs, base.doc.version);
      for (const r of mapped.renamed) renamed.set(r.to, r.from);
      for (const c of mapped.combined) combined.set(c.to, c);
      for (const id of mapped.defaulted) defaulted.add(id);
      for (const id of mapped.dropped) dropped.add(id);
      const read = mapped.renamed.length || mapped.combined.length ? [...mapped.renamed.map((r) => r.to), ...mapped.combined.map((c) => c.to)] : NO_INPUTS;
      return { inputs: mapped.inputs, defaulted: mapped.defaulted, mapped: read };
    }
    let kept: InputValues | null = null;
    for (const id of Object.keys(inputs)) {
      if (known.has(id)) continue;
      kept ??= { ...inputs };
      delete kept[id];
      dropped.add(id);
    }
    return { inputs: kept ?? inputs, defaulted: NO_INPUTS, mapped: NO_INPUTS };
  };
  const mapping = mappingKind(base, candidate);
  return Object.assign(carry, {
    report: () => ({ mapping, renamed: [...renamed].map(([to, from]) => ({ to, from })), combined: [...combined.values()], defaulted: [...defaulted], dropped: [...dropped] }),
  });
}

/** How the candidate reads the base's inputs: through its declared mapping from the base, unchanged (same content), or by id. */
function mappingKind(base: CompiledRubric, candidate: CompiledRubric): ImpactReport['inputMapping']['mapping'] {
  if (candidate.doc.inputMapping?.from === base.doc.version && base.doc.version !== candidate.doc.version) return 'declared';
  return base.hash === candidate.hash ? 'same' : 'byId';
}

interface IndicatorColumn {
  id: string;
  title: Localized;
  /** Slot in the base model's indicators, −1 when added. */
  base: number;
  /** Slot in the candidate model's indicators, −1 when removed. */
  candidate: number;
}

/** Indicators matched by id: the base's in order, then those the candidate adds. */
function indicatorColumns(base: ScoringModel, candidate: ScoringModel): IndicatorColumn[] {
  const candidateSlot = new Map(candidate.indicators.map((n, i) => [n.id, i]));
  const columns: IndicatorColumn[] = base.indicators.map((n, i) => ({ id: n.id, title: candidateSlot.has(n.id) ? candidate.indicators[candidateSlot.get(n.id) as number].title : n.title, base: i, candidate: candidateSlot.get(n.id) ?? -1 }));
  const seen = new Set(base.indicators.map((n) => n.id));
  candidate.indicators.forEach((n, i) => {
    if (!seen.has(n.id)) columns.push({ id: n.id, title: n.title, base: -1, candidate: i });
  });
  return columns;
}

function transitionMatrix(base: CompiledRubric, candidate: CompiledRubric) {
  const from: (string | null)[] = [...base.doc.tiers.map((t) => t.id), null];
  const to: (string | null)[] = [...candidate.doc.tiers.map((t) => t.id), null];
  const row = new Map(from.map((id, i) => [id, i]));
  const column = new Map(to.map((id, i) => [id, i]));
  const counts = from.map(() => to.map(() => 0));
  const labels: Record<string, Localized> = {};
  // hasOwn, not ??=: a tier named "constructor" or "toString" would find Object.prototype's.
  for (const t of [...base.doc.tiers, ...candidate.doc.tiers]) if (!Object.hasOwn(labels, t.id)) labels[t.id] = t.label;
  // Ranks for up/down: the candidate's order, then the base's for tiers the candidate dropped.
  const rank = new Map<string, number>(candidate.doc.tiers.map((t, i) => [t.id, i]));
  base.doc.tiers.forEach((t, i) => {
    if (!rank.has(t.id)) rank.set(t.id, i);
  });
  return {
    count(a: string | null, b: string | null): void {
      counts[row.get(a) ?? from.length - 1][column.get(b) ?? to.length - 1] += 1;
    },
    direction(a: string | null, b: string | null): 'up' | 'down' | 'other' {
      if (a === null || b === null) return 'other';
      const ra = rank.get(a) ?? 0;
      const rb = rank.get(b) ?? 0;
      return rb > ra ? 'up' : rb < ra ? 'down' : 'other';
    },
    result: (): TierTransitions => ({ from, to, counts, labels }),
  };
}

/** Gates that capped under one version only — those moved the assessment. */
function gateChanges(base: CompiledRubric, candidate: CompiledRubric, b: VersionScore, c: VersionScore): GateChange[] {
  const changes: GateChange[] = [];
  const capping = (rubric: CompiledRubric, score: VersionScore, id: string): GateChange | null => {
    const requirement = rubric.doc.requirements.find((r) => r.id === id);
    if (!requirement?.gate || score.ratioTier === null) return null;
    if (!gateHoldsBelow(rubric.doc.tiers, requirement.gate.capTier, score.ratioTier)) return null;
    return { requirement: id, clause: requirement.clause, text: requirement.text, capTier: requirement.gate.capTier, change: 'imposed' };
  };
  for (const id of c.gates) {
    const gate = capping(candidate, c, id);
    if (gate && !b.gates.some((g) => g === id && capping(base, b, g))) changes.push(gate);
  }
  for (const id of b.gates) {
    const gate = capping(base, b, id);
    if (gate && !c.gates.some((g) => g === id && capping(candidate, c, g))) changes.push({ ...gate, change: 'lifted' });
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------
// Exact sums of points: integers of 10^-d when both models allow it, big.js otherwise
// ---------------------------------------------------------------------------------------------

type Units = number | Big;

interface ExactDecimals {
  zero: Units;
  /** How many assessments' points the sums hold exactly (integers stay below 2^52). */
  capacity: number;
  of(points: number): Units;
  add(a: Units, b: Units): Units;
  sub(a: Units, b: Units): Units;
  lt(a: Units, b: Units): boolean;
  isZero(a: Units): boolean;
  toNumber(a: Units): number;
  /** The same amount in big.js. */
  toBig(a: Units): Big;
  /** sum / n, rounded half-up to 4 decimals. */
  mean(sum: Units, n: number): number;
}

function exactDecimals(a: ScoringModel, b: ScoringModel, count: number): ExactDecimals {
  const scale = 10 ** Math.max(a.decimals, b.decimals);
  const largest = Math.max(...[a, b].map((model) => model.rubric.doc.groups.reduce((sum, g) => sum + groupWorth(g), 0)));
  // Sums over every assessment must stay exact integers.
  if (a.scaled && b.scaled && largest * scale * Math.max(count, 1) < 2 ** 52) {
    return {
      zero: 0,
      capacity: largest * scale > 0 ? Math.ceil(2 ** 52 / (largest * scale)) - 1 : Number.POSITIVE_INFINITY,
      // Points have at most `decimals` digits after the point, so the product rounds to the exact integer.
      of: (points) => Math.round(points * scale),
      add: (x, y) => (x as number) + (y as number),
      sub: (x, y) => (x as number) - (y as number),
      lt: (x, y) => (x as number) < (y as number),
      isZero: (x) => x === 0,
      toNumber: (x) => (x as number) / scale,
      toBig: (x) => dec(x as number).div(scale),
      mean: (sum, n) => dec(sum as number).div(n).div(scale).round(4, 1).toNumber(),
    };
  }
  return bigDecimals();
}

function bigDecimals(): ExactDecimals {
  return {
    zero: dec(0),
    capacity: Number.POSITIVE_INFINITY,
    of: (points) => dec(points),
    add: (x, y) => (x as Big).plus(y as Big),
    sub: (x, y) => (x as Big).minus(y as Big),
    lt: (x, y) => (x as Big).lt(y as Big),
    isZero: (x) => (x as Big).eq(0),
    toNumber: (x) => (x as Big).toNumber(),
    toBig: (x) => x as Big,
    mean: (sum, n) => (sum as Big).div(n).round(4, 1).toNumber(),
  };
}
