/**
 * Lint: probable drafting defects in a valid rubric. Warnings, not errors: the source may really
 * say so (Appendix C does), and a faithful document must be allowed to keep it.
 */
import { dec, show } from '../scoring/decimal.ts';
import { kindOf } from '../kinds/registry.ts';
import { IssueList } from './issues.ts';
import { pick, type RubricIndex } from './structure.ts';
import type { Condition, FactCondition, InputDefinition, Issue, ScoringRule } from '../types.ts';

/** Lint warnings of an indexed rubric, capped as errors are (engine/document/issues.ts). */
export function lintIndex(index: RubricIndex): Issue[] {
  const warnings = new IssueList('warning');
  for (const { criterion, pointer } of index.criteria) {
    criterion.rules.forEach((rule, r) => {
      lintScoring(index, rule, `${pointer}/rules/${r}`, warnings);
      const unreachable = unsatisfiable(rule.conditions, index.inputs);
      if (unreachable) warnings.push({ path: `${pointer}/rules/${r}/conditions`, message: `points no input can reach: ${unreachable}; correct the condition or the input's bounds` });
    });
    lintNothingDone(index, criterion.rules, pointer, warnings);
  }
  index.doc.requirements.forEach((requirement, i) => {
    const unreachable = unsatisfiable(requirement.conditions, index.inputs);
    if (unreachable) warnings.push({ path: `/requirements/${i}/conditions`, message: `requirement ${requirement.clause} can never be met: ${unreachable}` });
  });
  return warnings.toArray();
}

/** The kind's own lint of a rule's scoring (a lower grade earning more, a higher step earning less). */
function lintScoring(index: RubricIndex, rule: ScoringRule, pointer: string, warnings: IssueList): void {
  const scoring = rule.event.params;
  for (const issue of kindOf(scoring).lint?.(scoring, { inputs: index.inputs }) ?? []) warnings.push({ ...issue, path: `${pointer}/event/params${issue.path}` });
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
        const label = pick(index.inputs.get(negated.fact)?.label, 'zh') || negated.fact;
        warnings.push({
          path: `${pointer}/rules/${r}`,
          message: `"nothing done" (${label} = ${JSON.stringify(negated.value)}) earns ${show(nothing.min)}, more than the ${show(done.min)} that doing it partly can earn under rule ${o}: probably meant ${show(dec(done.min))}`,
        });
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
function unsatisfiable(condition: Condition, inputs: Map<string, InputDefinition>): string | null {
  for (const c of topConditions(condition)) {
    const input = inputs.get(c.fact);
    if (!input || typeof c.value !== 'number') continue;
    const lo = input.type === 'percentage' ? (input.minimum ?? 0) : input.type === 'count' ? (input.minimum ?? 0) : input.minimum;
    const hi = input.type === 'percentage' ? (input.maximum ?? 100) : input.maximum;
    const v = c.value;
    const never =
      (hi !== undefined && ((c.operator === 'greaterThan' && hi <= v) || (c.operator === 'greaterThanInclusive' && hi < v) || (c.operator === 'equal' && hi < v))) ||
      (lo !== undefined && ((c.operator === 'lessThan' && lo >= v) || (c.operator === 'lessThanInclusive' && lo > v) || (c.operator === 'equal' && lo > v)));
    if (never) return `"${c.fact}" ${c.operator} ${v} is impossible within its bounds ${lo ?? '−∞'}..${hi ?? '∞'}`;
  }
  return null;
}
