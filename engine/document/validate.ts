/**
 * Validation of a rubric document: limits first (nothing compiled before), then the meta-schema,
 * then the semantic checks JSON Schema cannot express. Every issue names a JSON pointer and says
 * how to fix it.
 */
import { dec, maxBig, show, sum } from '../scoring/decimal.ts';
import { issue, type IssueList, pointerSegment } from './issues.ts';
import { type IdList, MESSAGES, type PointsSource } from './messages.ts';
import { checkLimits } from './limits.ts';
import { checkMetaSchema } from './meta-schema.ts';
import { kindOf, scoringInputs } from '../kinds/registry.ts';
import { conditionFacts, indexRubric, type RubricIndex } from './structure.ts';
import { checkTierBounds, maxTotalOf, tierBasisOf } from '../scoring/tiers.ts';
import { resultFact } from './result-facts.ts';
import { groupWorth } from '../scoring/weights.ts';
import { findCombination, INPUT_COMBINATIONS } from './input-combinations.ts';
import type { Big } from '../scoring/decimal.ts';
import type { Condition, Group, InputDefinition, RubricDocument } from '../types.ts';

/** Result of a structural validation: the typed document only when there are no errors. */
export interface Validation {
  /** Every problem found: the first ones stored, the rest counted (engine/document/issues.ts). */
  errors: IssueList;
  doc: RubricDocument | null;
  index: RubricIndex | null;
}

/**
 * Validates untrusted text or a parsed value as a rubric document.
 * @throws RubricStudioError only for limit and JSON syntax failures; other problems are returned.
 */
export function validateDocument(source: unknown): Validation {
  const value = checkLimits(source);
  const errors = checkMetaSchema(value);
  if (errors.length > 0) return { errors, doc: null, index: null };
  const doc = value as RubricDocument;
  const index = indexRubric(doc);
  checkSemantics(index, errors);
  return errors.length > 0 ? { errors, doc: null, index: null } : { errors, doc, index };
}

function checkSemantics(index: RubricIndex, errors: IssueList): void {
  const { doc } = index;
  checkUniqueIds(index, errors);
  doc.inputs.forEach((input, i) => checkInputDefinition(input, `/inputs/${i}`, errors));
  checkReferences(index, errors);
  if (errors.length === 0) checkMaxima(index, errors);
  for (const found of checkTierBounds(doc.tiers, tierBasisOf(doc), maxTotalOf(doc))) errors.push(found);
  checkDates(doc, errors);
  checkTestsAndReadings(index, errors);
}

function checkUniqueIds(index: RubricIndex, errors: IssueList): void {
  const { doc } = index;
  const nodes: [string, string][] = [
    ...index.groups.map((g): [string, string] => [g.group.id, g.pointer]),
    ...index.indicators.map((e): [string, string] => [e.indicator.id, e.pointer]),
    ...index.criteria.map((e): [string, string] => [e.criterion.id, e.pointer]),
  ];
  const lists: [IdList, [string, string][]][] = [
    ['node', nodes],
    ['input', doc.inputs.map((x, i) => [x.id, `/inputs/${i}`])],
    ['tier', doc.tiers.map((x, i) => [x.id, `/tiers/${i}`])],
    ['requirement', doc.requirements.map((x, i) => [x.id, `/requirements/${i}`])],
    ['reading', doc.readings.map((x, i) => [x.id, `/readings/${i}`])],
    ['test', doc.tests.map((x, i) => [x.name, `/tests/${i}`])],
  ];
  for (const [what, entries] of lists) {
    const first = new Map<string, string>();
    for (const [id, pointer] of entries) {
      const seen = first.get(id);
      if (seen) errors.push(issue(`${pointer}/id`, MESSAGES.duplicateId(what, id, seen)));
      else first.set(id, pointer);
    }
  }
}

function checkInputDefinition(input: InputDefinition, pointer: string, errors: IssueList): void {
  const isChoice = input.type === 'choice' || input.type === 'multiChoice';
  if (isChoice && !input.options) errors.push(issue(`${pointer}/options`, MESSAGES.optionsMissing(input.type)));
  if (!isChoice && input.options) errors.push(issue(`${pointer}/options`, MESSAGES.optionsNotAllowed()));
  if (input.options) {
    const seen = new Set<string>();
    let dupe: string | undefined;
    for (const { value } of input.options) {
      if (seen.has(value)) dupe ??= value;
      seen.add(value);
    }
    if (dupe) errors.push(issue(`${pointer}/options`, MESSAGES.optionListedTwice(dupe)));
  }
  if (input.ordered && input.type !== 'choice') errors.push(issue(`${pointer}/ordered`, MESSAGES.orderedChoiceOnly()));
  if (input.type === 'series' && input.length === undefined) errors.push(issue(`${pointer}/length`, MESSAGES.seriesNeedsLength()));
  if (input.type !== 'series' && (input.length !== undefined || input.itemLabels)) errors.push(issue(`${pointer}/length`, MESSAGES.lengthSeriesOnly()));
  if (input.itemLabels && input.length !== undefined && input.itemLabels.length !== input.length) {
    errors.push(issue(`${pointer}/itemLabels`, MESSAGES.itemLabelsCount(input.itemLabels.length, input.length)));
  }
  const numericTypes = ['count', 'number', 'percentage', 'series'];
  if (!numericTypes.includes(input.type) && (input.minimum !== undefined || input.maximum !== undefined)) {
    errors.push(issue(`${pointer}/minimum`, MESSAGES.boundsNumericOnly(input.type)));
  }
  if (input.minimum !== undefined && input.maximum !== undefined && input.minimum > input.maximum) {
    errors.push(issue(`${pointer}/maximum`, MESSAGES.maximumBelowMinimum(input.maximum, input.minimum)));
  }
  if ((input.type === 'count' || input.type === 'series') && [input.minimum, input.maximum].some((b) => b !== undefined && !Number.isInteger(b))) {
    errors.push(issue(`${pointer}/maximum`, MESSAGES.countBoundsWhole()));
  }
  if (input.type === 'percentage' && ((input.minimum ?? 0) < 0 || (input.maximum ?? 100) > 100)) {
    errors.push(issue(`${pointer}/maximum`, MESSAGES.percentageBounds()));
  }
}

function checkReferences(index: RubricIndex, errors: IssueList): void {
  const { doc, inputs } = index;
  const optionsOf = inputOptions(inputs);
  const tierIds = new Set(doc.tiers.map((t) => t.id));
  // Nodes whose points a requirement may read (`@<id>`).
  const nodeIds = nodeIdsOf(index);
  /** `reader`: a rule decides points and cannot read scored results; a requirement may. */
  const checkCondition = (condition: Condition, pointer: string, reader: 'rule' | 'requirement'): void => {
    for (const fact of conditionFacts(condition)) {
      const result = resultFact(fact);
      if (!result) {
        if (!inputs.has(fact)) errors.push(issue(pointer, MESSAGES.conditionUnknownInput(fact)));
      } else if (reader === 'rule') errors.push(issue(pointer, MESSAGES.ruleReadsResult(fact)));
      else if (result.of === 'points' && !nodeIds.has(result.node)) errors.push(issue(pointer, MESSAGES.resultOfUnknownNode(fact, result.node)));
    }
    checkConditionValues(condition, pointer, optionsOf, errors);
  };
  for (const entry of index.criteria) {
    const { criterion, pointer, indicator } = entry;
    criterion.rules.forEach((rule, r) => {
      const rulePointer = `${pointer}/rules/${r}`;
      checkCondition(rule.conditions, `${rulePointer}/conditions`, 'rule');
      const scoring = rule.event.params;
      const kind = kindOf(scoring);
      for (const name of scoringInputs(scoring)) {
        const input = inputs.get(name);
        if (!input) errors.push(issue(`${rulePointer}/event/params`, MESSAGES.scoringUnknownInput(name)));
        else if (!kind.inputTypes.includes(input.type)) {
          errors.push(issue(`${rulePointer}/event/params`, MESSAGES.scoringInputType(scoring.kind, input.type, name, kind.inputTypes)));
        }
      }
      for (const found of kind.check?.(scoring, { inputs }) ?? []) errors.push({ ...found, path: `${rulePointer}/event/params${found.path}` });
    });
    if (criterion.parent !== undefined) {
      const parent = index.criterionById.get(criterion.parent);
      if (!parent || parent.indicator !== indicator) errors.push(issue(`${pointer}/parent`, MESSAGES.parentNotInIndicator(criterion.parent, indicator.id)));
      else if (parent.criterion === criterion) errors.push(issue(`${pointer}/parent`, MESSAGES.parentIsSelf()));
      else if (parent.criterion.parent !== undefined) errors.push(issue(`${pointer}/parent`, MESSAGES.parentIsBonus(criterion.parent)));
    }
  }
  doc.requirements.forEach((requirement, i) => {
    checkCondition(requirement.conditions, `/requirements/${i}/conditions`, 'requirement');
    if (requirement.gate && !tierIds.has(requirement.gate.capTier)) {
      errors.push(issue(`/requirements/${i}/gate/capTier`, MESSAGES.unknownTier(requirement.gate.capTier, doc.tiers.map((t) => t.id))));
    }
  });
}

/** The options of a choice input as a set and as a list for messages, computed once per input. */
type OptionsOf = (id: string) => { values: Set<string>; listed: string[] };

function inputOptions(inputs: Map<string, InputDefinition>): OptionsOf {
  const known = new Map<string, { values: Set<string>; listed: string[] }>();
  return (id) => {
    let options = known.get(id);
    if (!options) {
      const values = (inputs.get(id)?.options ?? []).map((o) => o.value);
      options = { values: new Set(values), listed: values };
      known.set(id, options);
    }
    return options;
  };
}

/** Compared values must be of the input's kind: a choice compares with its options. */
function checkConditionValues(condition: Condition, pointer: string, optionsOf: OptionsOf, errors: IssueList): void {
  const visit = (node: Condition, at: string): void => {
    if ('all' in node) node.all.forEach((c, i) => visit(c, `${at}/all/${i}`));
    else if ('any' in node) node.any.forEach((c, i) => visit(c, `${at}/any/${i}`));
    else if ('not' in node) visit(node.not, `${at}/not`);
    else {
      const { values: options, listed } = optionsOf(node.fact);
      if (options.size === 0) return;
      const values = Array.isArray(node.value) ? node.value : [node.value];
      for (const [i, value] of values.entries()) {
        if (typeof value !== 'string' || options.has(value)) continue;
        // A document may hold ~100,000 such values: past the report cap they are only counted.
        if (errors.full) errors.countMore();
        else errors.push(issue(Array.isArray(node.value) ? `${at}/value/${i}` : `${at}/value`, MESSAGES.notAnOption(value, node.fact, listed)));
      }
    }
  };
  visit(condition, pointer);
}

/** A node's declared points must equal what its children can award (or cap them). */
function checkMaxima(index: RubricIndex, errors: IssueList): void {
  for (const { criterion, pointer } of index.criteria) {
    let best: Big | null = dec(0);
    criterion.rules.forEach((rule, r) => {
      const range = kindOf(rule.event.params).range(rule.event.params, { inputs: index.inputs });
      if (range.max === null) {
        errors.push(issue(`${pointer}/rules/${r}/event/params`, MESSAGES.unboundedRule()));
        best = null;
      } else if (best !== null) best = maxBig(best, range.max);
    });
    if (best !== null) compareMax(criterion.points, criterion.cap, best, pointer, 'rules', errors);
  }
  for (const { indicator, pointer } of index.indicators) {
    compareMax(indicator.points, indicator.cap, sum(indicator.criteria.map((c) => dec(c.points))), pointer, 'criteria', errors);
  }
  const visit = (group: Group, pointer: string): void => {
    // A weighted sub-group adds its weight, not its credits.
    const worth = sum([...(group.groups ?? []).map((g) => dec(groupWorth(g))), ...(group.indicators ?? []).map((i) => dec(i.points))]);
    if (group.groups && !group.cap && !worth.eq(group.points)) errors.push(issue(`${pointer}/points`, MESSAGES.subGroupsMismatch(group.points, show(worth))));
    else compareMax(group.points, group.cap, worth, pointer, 'children', errors);
    group.groups?.forEach((g, i) => visit(g, `${pointer}/groups/${i}`));
  };
  index.doc.groups.forEach((g, i) => visit(g, `/groups/${i}`));
}

function compareMax(declared: number, cap: boolean | undefined, reachable: Big, pointer: string, source: PointsSource, errors: IssueList): void {
  if (cap) {
    if (reachable.lt(declared)) errors.push(issue(`${pointer}/points`, MESSAGES.capUnreachable(declared, source, show(reachable))));
  } else if (!reachable.eq(declared)) {
    errors.push(issue(`${pointer}/points`, MESSAGES.pointsMismatch(declared, source, show(reachable))));
  }
}

/** The ids of every group, indicator and criterion. */
function nodeIdsOf(index: RubricIndex): Set<string> {
  return new Set([...index.groups.map((g) => g.group.id), ...index.indicators.map((e) => e.indicator.id), ...index.criteria.map((e) => e.criterion.id)]);
}

function checkTestsAndReadings(index: RubricIndex, errors: IssueList): void {
  const { doc } = index;
  const known = new Set([...nodeIdsOf(index), ...doc.requirements.map((r) => r.id), ...doc.inputs.map((i) => i.id), ...doc.tiers.map((t) => t.id)]);
  doc.readings.forEach((reading, i) => {
    reading.appliesTo.forEach((id, j) => {
      if (!known.has(id)) errors.push(issue(`/readings/${i}/appliesTo/${j}`, MESSAGES.readingUnknownTarget(id)));
    });
  });
  const indicatorIds = new Set(index.indicators.map((e) => e.indicator.id));
  const requirementIds = new Set(doc.requirements.map((r) => r.id));
  const tierIds = new Set(doc.tiers.map((t) => t.id));
  doc.tests.forEach((test, i) => {
    for (const key of Object.keys(test.inputs)) {
      if (!index.inputs.has(key)) errors.push(issue(`/tests/${i}/inputs/${key}`, MESSAGES.testUnknownInput(key)));
    }
    for (const key of Object.keys(test.notApplicable ?? {})) {
      if (!index.criterionById.get(key)?.criterion.notApplicable?.allowed) errors.push(issue(`/tests/${i}/notApplicable/${pointerSegment(key)}`, MESSAGES.testNotApplicable(key)));
    }
    if (test.expect.tier !== null && !tierIds.has(test.expect.tier)) errors.push(issue(`/tests/${i}/expect/tier`, MESSAGES.unknownTier(test.expect.tier, doc.tiers.map((t) => t.id))));
    for (const key of Object.keys(test.expect.indicators ?? {})) {
      if (!indicatorIds.has(key)) errors.push(issue(`/tests/${i}/expect/indicators/${pointerSegment(key)}`, MESSAGES.testUnknownIndicator(key)));
    }
    for (const key of Object.keys(test.expect.requirements ?? {})) {
      if (!requirementIds.has(key)) errors.push(issue(`/tests/${i}/expect/requirements/${pointerSegment(key)}`, MESSAGES.testUnknownRequirement(key)));
    }
  });
  if (doc.inputMapping) {
    for (const [to, from] of Object.entries(doc.inputMapping.renamed ?? {})) {
      if (!index.inputs.has(to)) errors.push(issue(`/inputMapping/renamed/${to}`, MESSAGES.renamedNotAnInput(to, from)));
    }
    for (const [to, merge] of Object.entries(doc.inputMapping.combined ?? {})) {
      const path = `/inputMapping/combined/${pointerSegment(to)}`;
      const input = index.inputs.get(to);
      const combination = findCombination(merge.by);
      if (!input) errors.push(issue(path, MESSAGES.combinedNotAnInput(to)));
      else if (Object.hasOwn(doc.inputMapping.renamed ?? {}, to)) errors.push(issue(path, MESSAGES.renamedAndCombined(to)));
      else if (combination && !combination.makes.includes(input.type)) {
        const fitting = Object.entries(INPUT_COMBINATIONS).filter(([, c]) => (c.makes as readonly string[]).includes(input.type)).map(([name]) => name);
        const mergeable = [...new Set(Object.values(INPUT_COMBINATIONS).flatMap((c) => c.makes))];
        errors.push(issue(`${path}/by`, MESSAGES.combinationCannotGive(merge.by, input.type, fitting, mergeable)));
      }
    }
    for (const key of Object.keys(doc.inputMapping.defaults ?? {})) {
      if (!index.inputs.has(key)) errors.push(issue(`/inputMapping/defaults/${key}`, MESSAGES.defaultsNotAnInput(key)));
    }
  }
}

/** Effective dates are real days, and a version ends no earlier than it starts. */
function checkDates(doc: RubricDocument, errors: IssueList): void {
  const real = (day: string): boolean => new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
  if (!real(doc.effectiveDate)) errors.push(issue('/effectiveDate', MESSAGES.notACalendarDay(doc.effectiveDate)));
  if (doc.effectiveUntil === undefined) return;
  if (!real(doc.effectiveUntil)) errors.push(issue('/effectiveUntil', MESSAGES.notACalendarDay(doc.effectiveUntil)));
  else if (doc.effectiveUntil < doc.effectiveDate) errors.push(issue('/effectiveUntil', MESSAGES.endsBeforeStart(doc.effectiveUntil, doc.effectiveDate)));
}
