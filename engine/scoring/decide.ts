/**
 * Deciders: which rules and requirements hold for one assessment, the question the scoring core
 * (engine/scoring/core.ts) asks. json-rules-engine answers it by definition, and its answer is
 * the one stored for every submission; the compiled conditions (engine/scoring/conditions.ts)
 * answer it for live previews and analyses over many assessments, where json-rules-engine's
 * promises cost too much. test/engine/conditions.test.ts checks that the two agree.
 */
import type { CompiledRubric } from './compile.ts';
import { compileCondition, compilePartialCondition, type ConditionGuard, type ConditionTest, type Facts, type PartialCondition } from './conditions.ts';
import type { Decider, ScoringModel } from './core.ts';
import type { InputValues } from '../types.ts';

/** Event types of the rules compile.ts gives json-rules-engine. */
export const RULE_EVENT = 'rule';
export const REQUIREMENT_EVENT = 'requirement';

/** Runs json-rules-engine over the inputs and records which rules and requirements fired. */
export async function decideWithRulesEngine(rubric: CompiledRubric, model: ScoringModel, inputs: InputValues): Promise<Decider> {
  const rules = new Uint8Array(model.ruleCount);
  const requirements = new Uint8Array(model.requirements.length);
  const { events } = await rubric.rulesEngine.run({ ...inputs });
  for (const event of events) {
    const at = (event.params as { at: number }).at;
    if (event.type === RULE_EVENT) rules[at] = 1;
    else if (event.type === REQUIREMENT_EVENT) requirements[at] = 1;
  }
  return { reusable: false, rule: (n) => rules[n] === 1, requirement: (r) => requirements[r] === 1 };
}

interface CompiledConditions {
  rules: ConditionTest[];
  requirements: ConditionTest[];
  guards: ConditionGuard[];
}

const compiledByModel = new WeakMap<ScoringModel, CompiledConditions>();

function compiledConditions(model: ScoringModel): CompiledConditions {
  let compiled = compiledByModel.get(model);
  if (!compiled) {
    const guards: ConditionGuard[] = [];
    const rules = model.rubric.index.criteria.flatMap(({ criterion }) => criterion.rules.map((rule) => compileCondition(rule.conditions, guards)));
    const requirements = model.requirements.map(({ requirement }) => compileCondition(requirement.conditions, guards));
    compiled = { rules, requirements, guards };
    compiledByModel.set(model, compiled);
  }
  return compiled;
}

/**
 * The compiled conditions as a decider. Conditions are tested when the core asks (a criterion
 * left not applicable never tests its rules). json-rules-engine evaluates every condition and
 * fails the whole run when one throws, so the conditions that can throw run first, here.
 */
export function decideCompiled(model: ScoringModel, inputs: InputValues): Decider {
  const compiled = compiledConditions(model);
  const facts = inputs as Facts;
  for (const guard of compiled.guards) guard(facts);
  return new CompiledDecider(compiled, facts);
}

/** A class, not an object of closures: impact analyses make 200,000 of these, and methods cost no allocation. */
class CompiledDecider implements Decider {
  readonly reusable = true;
  constructor(
    private readonly compiled: CompiledConditions,
    private readonly facts: Facts,
  ) {}
  rule(n: number): boolean {
    return this.compiled.rules[n](this.facts);
  }
  requirement(r: number): boolean {
    return this.compiled.requirements[r](this.facts);
  }
}

const partialByModel = new WeakMap<ScoringModel, PartialCondition[]>();

/**
 * Each rule's conditions judged with answers missing (rules numbered as for Decider.rule): what
 * the core, the reachable bounds and the inputs still needed ask of an incomplete assessment.
 */
export function partialRules(model: ScoringModel): readonly PartialCondition[] {
  let rules = partialByModel.get(model);
  if (!rules) {
    rules = model.rubric.index.criteria.flatMap(({ criterion }) => criterion.rules.map((rule) => compilePartialCondition(rule.conditions)));
    partialByModel.set(model, rules);
  }
  return rules;
}
