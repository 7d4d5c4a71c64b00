/**
 * Validation of a rubric document: limits first (nothing compiled before), then the meta-schema,
 * then the semantic checks JSON Schema cannot express. Every issue names a JSON pointer and says
 * how to fix it.
 */
import { dec, maxBig, show, sum } from '../scoring/decimal.ts';
import { type IssueList, pointerSegment } from './issues.ts';
import { checkLimits } from './limits.ts';
import { checkMetaSchema } from './meta-schema.ts';
import { kindOf, scoringInputs } from '../kinds/registry.ts';
import { conditionFacts, indexRubric, type RubricIndex } from './structure.ts';
import { checkTierBounds } from '../scoring/tiers.ts';
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
  for (const issue of checkTierBounds(doc.tiers)) errors.push(issue);
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
  const lists: [string, [string, string][]][] = [
    ['group, indicator and criterion', nodes],
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
      if (seen) errors.push({ path: `${pointer}/id`, message: `duplicate ${what} id "${id}" (first used at ${seen}): give each a unique id` });
      else first.set(id, pointer);
    }
  }
}

function checkInputDefinition(input: InputDefinition, pointer: string, errors: IssueList): void {
  const isChoice = input.type === 'choice' || input.type === 'multiChoice';
  if (isChoice && !input.options) errors.push({ path: `${pointer}/options`, message: `a ${input.type} input needs "options": list the answers an assessor can choose` });
  if (!isChoice && input.options) errors.push({ path: `${pointer}/options`, message: `only choice and multiChoice inputs take "options": remove it or change "type"` });
  if (input.options) {
    const seen = new Set<string>();
    let dupe: string | undefined;
    for (const { value } of input.options) {
      if (seen.has(value)) dupe ??= value;
      seen.add(value);
    }
    if (dupe) errors.push({ path: `${pointer}/options`, message: `option "${dupe}" is listed twice: keep one` });
  }
  if (input.ordered && input.type !== 'choice') errors.push({ path: `${pointer}/ordered`, message: `"ordered" applies to choice inputs only: remove it` });
  if (input.type === 'series' && input.length === undefined) errors.push({ path: `${pointer}/length`, message: 'a series input needs "length" (e.g. 12 for per-month counts)' });
  if (input.type !== 'series' && (input.length !== undefined || input.itemLabels)) errors.push({ path: `${pointer}/length`, message: `"length" and "itemLabels" apply to series inputs only: remove them` });
  if (input.itemLabels && input.length !== undefined && input.itemLabels.length !== input.length) {
    errors.push({ path: `${pointer}/itemLabels`, message: `${input.itemLabels.length} item labels for a series of length ${input.length}: give exactly ${input.length}` });
  }
  const numericTypes = ['count', 'number', 'percentage', 'series'];
  if (!numericTypes.includes(input.type) && (input.minimum !== undefined || input.maximum !== undefined)) {
    errors.push({ path: `${pointer}/minimum`, message: `bounds apply to numeric inputs only: remove "minimum"/"maximum" from this ${input.type} input` });
  }
  if (input.minimum !== undefined && input.maximum !== undefined && input.minimum > input.maximum) {
    errors.push({ path: `${pointer}/maximum`, message: `maximum ${input.maximum} is below minimum ${input.minimum}: swap or correct them` });
  }
  if ((input.type === 'count' || input.type === 'series') && [input.minimum, input.maximum].some((b) => b !== undefined && !Number.isInteger(b))) {
    errors.push({ path: `${pointer}/maximum`, message: 'bounds of a count must be whole numbers' });
  }
  if (input.type === 'percentage' && ((input.minimum ?? 0) < 0 || (input.maximum ?? 100) > 100)) {
    errors.push({ path: `${pointer}/maximum`, message: 'a percentage lies within 0 and 100: correct the bounds' });
  }
}

function checkReferences(index: RubricIndex, errors: IssueList): void {
  const { doc, inputs } = index;
  const optionsOf = inputOptions(inputs);
  const tierIds = new Set(doc.tiers.map((t) => t.id));
  const checkCondition = (condition: Condition, pointer: string): void => {
    for (const fact of conditionFacts(condition)) {
      if (!inputs.has(fact)) errors.push({ path: pointer, message: `condition reads "${fact}", which is not an input: add it to "inputs" or correct the name` });
    }
    checkConditionValues(condition, pointer, optionsOf, errors);
  };
  for (const entry of index.criteria) {
    const { criterion, pointer, indicator } = entry;
    criterion.rules.forEach((rule, r) => {
      const rulePointer = `${pointer}/rules/${r}`;
      checkCondition(rule.conditions, `${rulePointer}/conditions`);
      const scoring = rule.event.params;
      const kind = kindOf(scoring);
      for (const name of scoringInputs(scoring)) {
        const input = inputs.get(name);
        if (!input) errors.push({ path: `${rulePointer}/event/params`, message: `scoring reads input "${name}", which does not exist: add it to "inputs" or correct the name` });
        else if (!kind.inputTypes.includes(input.type)) {
          errors.push({ path: `${rulePointer}/event/params`, message: `a ${scoring.kind} scoring cannot read the ${input.type} input "${name}": use an input of type ${kind.inputTypes.join(' / ')}` });
        }
      }
      for (const issue of kind.check?.(scoring, { inputs }) ?? []) errors.push({ ...issue, path: `${rulePointer}/event/params${issue.path}` });
    });
    if (criterion.parent !== undefined) {
      const parent = index.criterionById.get(criterion.parent);
      if (!parent || parent.indicator !== indicator) errors.push({ path: `${pointer}/parent`, message: `parent "${criterion.parent}" is not a criterion of indicator "${indicator.id}": name a criterion of the same indicator` });
      else if (parent.criterion === criterion) errors.push({ path: `${pointer}/parent`, message: 'a criterion cannot be its own parent: remove "parent"' });
      else if (parent.criterion.parent !== undefined) errors.push({ path: `${pointer}/parent`, message: `parent "${criterion.parent}" is itself a bonus: name the criterion it depends on instead` });
    }
  }
  doc.requirements.forEach((requirement, i) => {
    checkCondition(requirement.conditions, `/requirements/${i}/conditions`);
    if (requirement.gate && !tierIds.has(requirement.gate.capTier)) {
      errors.push({ path: `/requirements/${i}/gate/capTier`, message: `tier "${requirement.gate.capTier}" does not exist (tiers: ${doc.tiers.map((t) => t.id).join(', ')})` });
    }
  });
}

/** The options of a choice input as a set and as text for messages, computed once per input. */
type OptionsOf = (id: string) => { values: Set<string>; listed: string };

function inputOptions(inputs: Map<string, InputDefinition>): OptionsOf {
  const known = new Map<string, { values: Set<string>; listed: string }>();
  return (id) => {
    let options = known.get(id);
    if (!options) {
      const values = (inputs.get(id)?.options ?? []).map((o) => o.value);
      options = { values: new Set(values), listed: values.join(', ') };
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
        else errors.push({ path: Array.isArray(node.value) ? `${at}/value/${i}` : `${at}/value`, message: `"${value}" is not an option of input "${node.fact}" (options: ${listed}): correct the value` });
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
        errors.push({ path: `${pointer}/rules/${r}/event/params`, message: 'this rule can award without limit: give its inputs a "maximum" or the scoring a "cap"' });
        best = null;
      } else if (best !== null) best = maxBig(best, range.max);
    });
    if (best !== null) compareMax(criterion.points, criterion.cap, best, pointer, 'its rules can award at most', errors);
  }
  for (const { indicator, pointer } of index.indicators) {
    compareMax(indicator.points, indicator.cap, sum(indicator.criteria.map((c) => dec(c.points))), pointer, 'its criteria add up to', errors);
  }
  const visit = (group: Group, pointer: string): void => {
    const children = [...(group.groups ?? []), ...(group.indicators ?? [])];
    compareMax(group.points, group.cap, sum(children.map((c) => dec(c.points))), pointer, 'its children add up to', errors);
    group.groups?.forEach((g, i) => visit(g, `${pointer}/groups/${i}`));
  };
  index.doc.groups.forEach((g, i) => visit(g, `/groups/${i}`));
}

function compareMax(declared: number, cap: boolean | undefined, reachable: Big, pointer: string, what: string, errors: IssueList): void {
  if (cap) {
    if (reachable.lt(declared)) errors.push({ path: `${pointer}/points`, message: `cap ${declared} can never be reached: ${what} ${show(reachable)}; lower "points" to ${show(reachable)} or remove "cap"` });
  } else if (!reachable.eq(declared)) {
    errors.push({ path: `${pointer}/points`, message: `declares ${declared} points but ${what} ${show(reachable)}: set "points" to ${show(reachable)}, or add "cap": true if ${declared} is a cap` });
  }
}

function checkTestsAndReadings(index: RubricIndex, errors: IssueList): void {
  const { doc } = index;
  const nodeIds = new Set([...index.groups.map((g) => g.group.id), ...index.indicators.map((e) => e.indicator.id), ...index.criteria.map((e) => e.criterion.id)]);
  const known = new Set([...nodeIds, ...doc.requirements.map((r) => r.id), ...doc.inputs.map((i) => i.id), ...doc.tiers.map((t) => t.id)]);
  doc.readings.forEach((reading, i) => {
    reading.appliesTo.forEach((id, j) => {
      if (!known.has(id)) errors.push({ path: `/readings/${i}/appliesTo/${j}`, message: `"${id}" is not a group, indicator, criterion, requirement, input or tier of this rubric` });
    });
  });
  const indicatorIds = new Set(index.indicators.map((e) => e.indicator.id));
  const requirementIds = new Set(doc.requirements.map((r) => r.id));
  const tierIds = new Set(doc.tiers.map((t) => t.id));
  doc.tests.forEach((test, i) => {
    for (const key of Object.keys(test.inputs)) {
      if (!index.inputs.has(key)) errors.push({ path: `/tests/${i}/inputs/${key}`, message: `"${key}" is not an input of this rubric: remove it or correct the name` });
    }
    for (const key of Object.keys(test.notApplicable ?? {})) {
      if (!index.criterionById.get(key)?.criterion.notApplicable?.allowed) errors.push({ path: `/tests/${i}/notApplicable/${pointerSegment(key)}`, message: `"${key}" is not a criterion that may be marked not applicable` });
    }
    if (test.expect.tier !== null && !tierIds.has(test.expect.tier)) errors.push({ path: `/tests/${i}/expect/tier`, message: `tier "${test.expect.tier}" does not exist (tiers: ${doc.tiers.map((t) => t.id).join(', ')})` });
    for (const key of Object.keys(test.expect.indicators ?? {})) {
      if (!indicatorIds.has(key)) errors.push({ path: `/tests/${i}/expect/indicators/${pointerSegment(key)}`, message: `"${key}" is not an indicator of this rubric` });
    }
    for (const key of Object.keys(test.expect.requirements ?? {})) {
      if (!requirementIds.has(key)) errors.push({ path: `/tests/${i}/expect/requirements/${pointerSegment(key)}`, message: `"${key}" is not a requirement of this rubric` });
    }
  });
  if (doc.inputMapping) {
    for (const [to, from] of Object.entries(doc.inputMapping.renamed ?? {})) {
      if (!index.inputs.has(to)) errors.push({ path: `/inputMapping/renamed/${to}`, message: `"${to}" is not an input of this version (the key is the new name, the value the old one "${from}")` });
    }
    for (const [to, merge] of Object.entries(doc.inputMapping.combined ?? {})) {
      const path = `/inputMapping/combined/${pointerSegment(to)}`;
      const input = index.inputs.get(to);
      const combination = findCombination(merge.by);
      if (!input) errors.push({ path, message: `"${to}" is not an input of this version (the key is the new input, "from" the old inputs merged into it)` });
      else if (Object.hasOwn(doc.inputMapping.renamed ?? {}, to)) errors.push({ path, message: `"${to}" is also in inputMapping.renamed: a value comes from one place, so keep either the rename or the merge` });
      else if (combination && !combination.makes.includes(input.type)) {
        const fitting = Object.entries(INPUT_COMBINATIONS).filter(([, c]) => (c.makes as readonly string[]).includes(input.type)).map(([name]) => name);
        errors.push({ path: `${path}/by`, message: `"${merge.by}" cannot give a ${input.type} input: ${fitting.length ? `use ${fitting.join(' or ')}` : `merge only into ${[...new Set(Object.values(INPUT_COMBINATIONS).flatMap((c) => c.makes))].join(', ')} inputs`}` });
      }
    }
    for (const key of Object.keys(doc.inputMapping.defaults ?? {})) {
      if (!index.inputs.has(key)) errors.push({ path: `/inputMapping/defaults/${key}`, message: `"${key}" is not an input of this version` });
    }
  }
}

/** Effective dates are real days, and a version ends no earlier than it starts. */
function checkDates(doc: RubricDocument, errors: IssueList): void {
  const real = (day: string): boolean => new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
  if (!real(doc.effectiveDate)) errors.push({ path: '/effectiveDate', message: `${doc.effectiveDate} is not a day of the calendar: give a real date (YYYY-MM-DD)` });
  if (doc.effectiveUntil === undefined) return;
  if (!real(doc.effectiveUntil)) errors.push({ path: '/effectiveUntil', message: `${doc.effectiveUntil} is not a day of the calendar: give a real date (YYYY-MM-DD)` });
  else if (doc.effectiveUntil < doc.effectiveDate) errors.push({ path: '/effectiveUntil', message: `the version would end (${doc.effectiveUntil}) before it starts (${doc.effectiveDate}): set effectiveUntil on or after effectiveDate, or remove it` });
}
