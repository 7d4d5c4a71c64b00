/**
 * Compiling a validated rubric version into json-rules-engine engines, once per content hash:
 * one engine holds the scoring and requirement rules, one the tier rules over the ratio.
 */
import { Engine } from 'json-rules-engine';
import { RubricStudioError } from '../errors.ts';
import { contentHash } from '../document/hash.ts';
import { compileInputChecker, type InputChecker } from './inputs.ts';
import { lintIndex } from '../document/lint.ts';
import { plainPathResolver } from './path-resolver.ts';
import type { RubricIndex } from '../document/structure.ts';
import { tierConditions } from './tiers.ts';
import type { Issue, RubricDocument, TopLevelCondition } from '../types.ts';
import { validateDocument } from '../document/validate.ts';

/** A rubric version ready to score: validated, indexed, compiled, stamped with its hash. */
export interface CompiledRubric {
  doc: RubricDocument;
  index: RubricIndex;
  hash: string;
  warnings: Issue[];
  scoringEngine: Engine;
  tierEngine: Engine;
  inputChecker: InputChecker;
}

export const AWARD_EVENT = 'award';
export const REQUIREMENT_EVENT = 'requirement';
export const TIER_EVENT = 'tier';

const CACHE_SIZE = 64;
const cache = new Map<string, CompiledRubric>();

/**
 * Validates and compiles a rubric document (text or parsed JSON). Compiled versions are cached
 * by content hash, so loading the same version again costs one hash.
 * @throws RubricStudioError RUBRIC_INVALID (the problems in details, capped; the message counts them all), or a limit error
 */
export function loadRubric(source: unknown): CompiledRubric {
  const { errors, doc, index } = validateDocument(source);
  if (!doc || !index) {
    throw new RubricStudioError('RUBRIC_INVALID', `The rubric document has ${errors.length} error${errors.length > 1 ? 's' : ''}.`, errors);
  }
  const hash = contentHash(doc);
  const cached = cache.get(hash);
  if (cached) {
    // Same content, possibly another status: share the engines, keep this document.
    return cached.doc.status === doc.status ? cached : { ...cached, doc, index: { ...cached.index, doc } };
  }
  const compiled: CompiledRubric = {
    doc,
    index,
    hash,
    warnings: lintIndex(index),
    scoringEngine: buildScoringEngine(index),
    tierEngine: buildTierEngine(doc),
    inputChecker: compileInputChecker(index),
  };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(hash, compiled);
  return compiled;
}

function newEngine(): Engine {
  return new Engine([], { allowUndefinedFacts: true, pathResolver: plainPathResolver });
}

function buildScoringEngine(index: RubricIndex): Engine {
  const engine = newEngine();
  for (const { criterion } of index.criteria) {
    criterion.rules.forEach((rule, r) => {
      // The event names the rule only: json-rules-engine copies event params with `clone`, which
      // drops keys Object.prototype has ("toString", "valueOf" in a choice's points).
      engine.addRule({
        name: `${criterion.id}#${r}`,
        conditions: structuredClone(rule.conditions),
        event: { type: AWARD_EVENT, params: { criterion: criterion.id, rule: r } },
      });
    });
  }
  for (const requirement of index.doc.requirements) {
    engine.addRule({
      name: `requirement:${requirement.id}`,
      conditions: structuredClone(requirement.conditions),
      event: { type: REQUIREMENT_EVENT, params: { requirement: requirement.id } },
    });
  }
  return engine;
}

function buildTierEngine(doc: RubricDocument): Engine {
  const engine = newEngine();
  for (const tier of doc.tiers) {
    const conditions: TopLevelCondition = { all: tierConditions(tier) };
    engine.addRule({ name: `tier:${tier.id}`, conditions, event: { type: TIER_EVENT, params: { tier: tier.id } } });
  }
  return engine;
}
