/**
 * Lint: probable drafting defects in a valid rubric. Warnings, not errors: the source may really
 * say so (Appendix C does), and a faithful document must be allowed to keep it.
 */
import { show } from '../scoring/decimal.ts';
import { kindOf } from '../kinds/registry.ts';
import { issue, IssueList } from './issues.ts';
import { MESSAGES, type MessageText, type StaleTextOwner } from './messages.ts';
import { pick } from './localized.ts';
import type { RubricIndex } from './structure.ts';
import type { Condition, FactCondition, Group, InputDefinition, Issue, ScoringRule } from '../types.ts';

/** Lint warnings of an indexed rubric, capped as errors are (engine/document/issues.ts). */
export function lintIndex(index: RubricIndex): Issue[] {
  const warnings = new IssueList('warning');
  for (const { criterion, pointer } of index.criteria) {
    criterion.rules.forEach((rule, r) => {
      lintScoring(index, rule, `${pointer}/rules/${r}`, warnings);
      const unreachable = unsatisfiable(rule.conditions, index.inputs);
      if (unreachable) warnings.push(issue(`${pointer}/rules/${r}/conditions`, MESSAGES.unreachablePoints(unreachable)));
    });
    lintNothingDone(index, criterion.rules, pointer, warnings);
  }
  lintStaleNumbers(index, warnings);
  lintMixedWeights(index.doc.groups, '', warnings);
  index.doc.requirements.forEach((requirement, i) => {
    const unreachable = unsatisfiable(requirement.conditions, index.inputs);
    if (unreachable) warnings.push(issue(`/requirements/${i}/conditions`, MESSAGES.requirementNeverMet(requirement.clause, unreachable)));
  });
  return warnings.toArray();
}

/** The kind's own lint of a rule's scoring (a lower grade earning more, a higher step earning less). */
function lintScoring(index: RubricIndex, rule: ScoringRule, pointer: string, warnings: IssueList): void {
  const scoring = rule.event.params;
  for (const found of kindOf(scoring).lint?.(scoring, { inputs: index.inputs }) ?? []) warnings.push({ ...found, path: `${pointer}/event/params${found.path}` });
}

/**
 * A rule for "nothing done" (a yes/no input answered no, or a count of 0) that can award more
 * than the least a rule for "done" on the same input can award.
 */
function lintNothingDone(index: RubricIndex, rules: ScoringRule[], pointer: string, warnings: IssueList): void {
  if (rules.length < 2) return;
  rules.forEach((rule, r) => {
    const negated = topConditions(rule.conditions).find((c) => isNothingDone(c, index.inputs.get(c.fact)));
    if (!negated) return;
    const nothing = kindOf(rule.event.params).range(rule.event.params, { inputs: index.inputs });
    rules.forEach((other, o) => {
      if (o === r || !topConditions(other.conditions).some((c) => c.fact === negated.fact && !isNothingDone(c, index.inputs.get(c.fact)))) return;
      const done = kindOf(other.event.params).range(other.event.params, { inputs: index.inputs });
      if (nothing.min.gt(done.min)) {
        const label = index.inputs.get(negated.fact)?.label;
        const named = { zh: pick(label, 'zh') || negated.fact, en: pick(label, 'en') || negated.fact };
        // A yes/no answer in Chinese words (是/否); other values as written in the rule.
        const value = typeof negated.value === 'boolean' ? { zh: negated.value ? '是' : '否', en: String(negated.value) } : { zh: JSON.stringify(negated.value), en: JSON.stringify(negated.value) };
        warnings.push(issue(`${pointer}/rules/${r}`, MESSAGES.nothingDoneEarnsMore(named, value, show(nothing.min), show(done.min), o)));
      }
    });
  });
}

function isNothingDone(condition: FactCondition, input: InputDefinition | undefined): boolean {
  if (!input) return false;
  if (input.type === 'boolean') return (condition.operator === 'equal' && condition.value === false) || (condition.operator === 'notEqual' && condition.value === true);
  if (input.type === 'count') return condition.operator === 'equal' && condition.value === 0;
  return false;
}

/** Fact conditions that must all hold (the top-level `all`, or a single condition). */
function topConditions(condition: Condition): FactCondition[] {
  if ('all' in condition) return condition.all.filter((c): c is FactCondition => 'fact' in c);
  if ('fact' in condition) return [condition];
  return [];
}

/** Why a conjunction can never hold given the inputs' bounds and options, or null. */
function unsatisfiable(condition: Condition, inputs: Map<string, InputDefinition>): MessageText | null {
  for (const c of topConditions(condition)) {
    const input = inputs.get(c.fact);
    if (!input || typeof c.value !== 'number') continue;
    const lo = input.type === 'percentage' ? (input.minimum ?? 0) : input.type === 'count' ? (input.minimum ?? 0) : input.minimum;
    const hi = input.type === 'percentage' ? (input.maximum ?? 100) : input.maximum;
    const v = c.value;
    const never =
      (hi !== undefined && ((c.operator === 'greaterThan' && hi <= v) || (c.operator === 'greaterThanInclusive' && hi < v) || (c.operator === 'equal' && hi < v))) ||
      (lo !== undefined && ((c.operator === 'lessThan' && lo >= v) || (c.operator === 'lessThanInclusive' && lo > v) || (c.operator === 'equal' && lo > v)));
    if (never) return MESSAGES.impossibleCondition(c.fact, c.operator, v, lo, hi);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Text that states points the rubric no longer awards
// ---------------------------------------------------------------------------------------------

/** Points stated in Chinese text: "得2分", "扣0.5分", "最高10分". */
const POINTS_ZH = /(\d+(?:\.\d+)?)\s*分/g;
/**
 * Points stated in English text: "…: 2", "+0.5", "minus 0.5", "at most 10", "2 points". Numbers
 * of other units (90 %, 30 days, 50 people) are not points.
 */
const POINTS_EN = /(?:[:+−-]\s*|\bminus\s+|\bat most\s+)(\d+(?:\.\d+)?)(?![\d.]*\s*(?:%|cm|people|days?|hours?|m²|㎡))|(\d+(?:\.\d+)?)\s*(?:points?|pts?)\b/g;

/** Only the stale-text warnings of a document (the diff shows them beside the changes that caused them). */
export function staleTextWarnings(index: RubricIndex): Issue[] {
  const warnings = new IssueList('warning');
  lintStaleNumbers(index, warnings);
  lintMixedWeights(index.doc.groups, '', warnings);
  return warnings.toArray();
}

/**
 * A criterion's title, its rules' names and the help of the inputs it reads state points; after
 * a revision changes the points, caps or amounts, the text still says the old ones. A number
 * stated as points that none of the criterion's points and scoring parameters holds is flagged.
 */
function lintStaleNumbers(index: RubricIndex, warnings: IssueList): void {
  const numbersByInput = new Map<string, Set<number>>();
  for (const { criterion, pointer } of index.criteria) {
    const numbers = new Set<number>([criterion.points]);
    for (const rule of criterion.rules) collectNumbers(rule.event.params, numbers);
    const check = (text: string | undefined, path: string): void => staleIn(text, numbers, path, { criterion: criterion.id }, warnings);
    check(criterion.title.zh, `${pointer}/title/zh`);
    check(criterion.title.en, `${pointer}/title/en`);
    criterion.rules.forEach((rule, r) => check(rule.name, `${pointer}/rules/${r}/name`));
    for (const id of index.criterionById.get(criterion.id)?.inputs ?? []) {
      const known = numbersByInput.get(id) ?? new Set<number>();
      for (const n of numbers) known.add(n);
      numbersByInput.set(id, known);
    }
  }
  index.doc.inputs.forEach((input, i) => {
    const numbers = numbersByInput.get(input.id);
    if (!numbers) return;
    staleIn(input.help?.zh, numbers, `/inputs/${i}/help/zh`, { input: input.id }, warnings);
    staleIn(input.help?.en, numbers, `/inputs/${i}/help/en`, { input: input.id }, warnings);
  });
}

function staleIn(text: string | undefined, numbers: Set<number>, path: string, owner: StaleTextOwner, warnings: IssueList): void {
  if (!text) return;
  const pattern = /[\u4e00-\u9fff]/.test(text) ? POINTS_ZH : POINTS_EN;
  for (const match of text.matchAll(pattern)) {
    const stated = match[1] ?? match[2];
    if (numbers.has(Number(stated))) continue;
    const amounts = [...numbers].sort((a, b) => a - b);
    warnings.push(issue(path, MESSAGES.staleText(stated, match[0].trim(), owner, amounts)));
  }
}

/** Every number in a scoring's parameters (points, caps, starts, floors, steps, option points). */
function collectNumbers(value: unknown, into: Set<number>): void {
  if (typeof value === 'number') into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectNumbers(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) collectNumbers(item, into);
}

/**
 * Sibling groups some of which are weighted and some not: a weighted group is worth its weight, the
 * others their points, so a section left without a weight by oversight is worth its raw credits.
 */
function lintMixedWeights(groups: readonly Group[], parent: string, warnings: IssueList): void {
  const weighted = groups.filter((g) => g.weight !== undefined);
  if (weighted.length > 0 && weighted.length < groups.length) {
    groups.forEach((group, i) => {
      if (group.weight === undefined) warnings.push(issue(`${parent}/groups/${i}`, MESSAGES.weightMissing(group.id, weighted.map((g) => g.id))));
    });
  }
  groups.forEach((group, i) => lintMixedWeights(group.groups ?? [], `${parent}/groups/${i}`, warnings));
}

