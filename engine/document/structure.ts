/**
 * An index over a rubric document's hierarchy, built once per document: every group, indicator
 * and criterion with its JSON pointer, and the inputs each rule or requirement reads.
 */
import type {
  Condition,
  ConditionValue,
  Criterion,
  Group,
  Indicator,
  InputDefinition,
  RubricDocument,
  TopLevelCondition,
} from '../types.ts';
import { scoringInputs } from '../kinds/registry.ts';
import { isResultFact } from './result-facts.ts';

export interface GroupEntry {
  group: Group;
  pointer: string;
  /** Id of the enclosing group, null for a top-level group. */
  parent: string | null;
}

export interface IndicatorEntry {
  indicator: Indicator;
  pointer: string;
  group: string;
  /** Ids of the enclosing groups, outermost first. */
  path: string[];
}

export interface CriterionEntry {
  criterion: Criterion;
  pointer: string;
  indicator: Indicator;
  /** Inputs read by the rules' conditions and scoring, in first-use order. */
  inputs: string[];
}

export interface RubricIndex {
  doc: RubricDocument;
  inputs: Map<string, InputDefinition>;
  groups: GroupEntry[];
  indicators: IndicatorEntry[];
  criteria: CriterionEntry[];
  criterionById: Map<string, CriterionEntry>;
}

/** Builds the index; assumes the document passed the meta-schema. */
export function indexRubric(doc: RubricDocument): RubricIndex {
  const index: RubricIndex = {
    doc,
    inputs: new Map(doc.inputs.map((input) => [input.id, input])),
    groups: [],
    indicators: [],
    criteria: [],
    criterionById: new Map(),
  };
  const visit = (group: Group, pointer: string, parents: string[]): void => {
    index.groups.push({ group, pointer, parent: parents.at(-1) ?? null });
    const path = [...parents, group.id];
    group.groups?.forEach((child, i) => visit(child, `${pointer}/groups/${i}`, path));
    group.indicators?.forEach((indicator, i) => {
      const indicatorPointer = `${pointer}/indicators/${i}`;
      index.indicators.push({ indicator, pointer: indicatorPointer, group: group.id, path });
      indicator.criteria.forEach((criterion, j) => {
        const entry: CriterionEntry = {
          criterion,
          pointer: `${indicatorPointer}/criteria/${j}`,
          indicator,
          inputs: criterionInputs(criterion),
        };
        index.criteria.push(entry);
        if (!index.criterionById.has(criterion.id)) index.criterionById.set(criterion.id, entry);
      });
    });
  };
  doc.groups.forEach((group, i) => visit(group, `/groups/${i}`, []));
  return index;
}

/** Inputs a criterion reads through its conditions and its scoring parameters. */
export function criterionInputs(criterion: Criterion): string[] {
  const seen = new Set<string>();
  for (const rule of criterion.rules) {
    // Results are never a rule's to read (validate.ts refuses them); an invalid one is no input either.
    for (const fact of conditionFacts(rule.conditions)) if (!isResultFact(fact)) seen.add(fact);
    for (const input of scoringInputs(rule.event.params)) seen.add(input);
  }
  return [...seen];
}

/** Fact names a condition tree reads, including `value: {fact}` comparisons. */
export function conditionFacts(condition: Condition | TopLevelCondition): string[] {
  const facts: string[] = [];
  const visit = (node: Condition): void => {
    if ('all' in node) node.all.forEach(visit);
    else if ('any' in node) node.any.forEach(visit);
    else if ('not' in node) visit(node.not);
    else {
      facts.push(node.fact);
      const ref = factReference(node.value);
      if (ref) facts.push(ref);
    }
  };
  visit(condition);
  return [...new Set(facts)];
}

/** The fact a condition value points at, when it compares against another fact. */
export function factReference(value: ConditionValue): string | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value.fact : null;
}
