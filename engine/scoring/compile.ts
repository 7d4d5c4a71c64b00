/**
 * Compiling a validated rubric version, once per content hash: one json-rules-engine engine
 * holds every scoring rule and requirement (it decides which hold; engine/scoring/core.ts does
 * the rest), and the input checker.
 */
import { Engine } from 'json-rules-engine';
import { RubricStudioError } from '../errors.ts';
import { contentHash } from '../document/hash.ts';
import { MESSAGES } from '../document/messages.ts';
import { compileInputChecker, type InputChecker } from './inputs.ts';
import { lintTiers } from './tier-lint.ts';
import { lintIndex } from '../document/lint.ts';
import { plainPathResolver } from './path-resolver.ts';
import { conditionFacts, type RubricIndex } from '../document/structure.ts';
import { isResultFact } from '../document/result-facts.ts';
import { REQUIREMENT_EVENT, RULE_EVENT } from './decide.ts';
import type { Issue, RubricDocument } from '../types.ts';
import { validateDocument } from '../document/validate.ts';

/** A rubric version ready to score: validated, indexed, compiled, stamped with its hash. */
export interface CompiledRubric {
  doc: RubricDocument;
  index: RubricIndex;
  hash: string;
  warnings: Issue[];
  /** Every scoring rule and requirement; events name the rule's number or the requirement's position. */
  rulesEngine: Engine;
  inputChecker: InputChecker;
}

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
    throw new RubricStudioError('RUBRIC_INVALID', MESSAGES.rubricInvalid(errors.length), errors);
  }
  const hash = contentHash(doc);
  const cached = cache.get(hash);
  if (cached) {
    // Same content, possibly another status: share the engines, keep this document.
    return cached.doc.status === doc.status ? cached : { ...cached, doc, index: { ...cached.index, doc } };
  }
  const built: CompiledRubric = {
    doc,
    index,
    hash,
    warnings: lintIndex(index),
    rulesEngine: buildRulesEngine(index),
    inputChecker: compileInputChecker(index),
  };
  // The tiers' lint scores the rubric, so it runs on the compiled rubric.
  const compiled: CompiledRubric = { ...built, warnings: [...built.warnings, ...lintTiers(built)] };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(hash, compiled);
  return compiled;
}

/** Versions compiled under a hash their caller vouches for (compiledByHash), the most used last. */
const known = new Map<string, CompiledRubric>();

/**
 * The compiled form of `doc`, whose content hash the caller already knows: a stored version,
 * validated when it was saved, or a version another thread compiled. A hit skips validation, which
 * loadRubric does before it looks at its cache (for Appendix C, more than scoring many assessments).
 * A miss loads the document; one whose hash is not `hash` is returned uncached, for the caller to refuse.
 */
export function compiledByHash(hash: string, doc: RubricDocument): CompiledRubric {
  const hit = compiledKnown(hash);
  if (hit) return hit;
  const rubric = loadRubric(doc);
  if (rubric.hash !== hash) return rubric;
  if (known.size >= CACHE_SIZE) known.delete(known.keys().next().value as string);
  known.set(hash, rubric);
  return rubric;
}

/** The version compiledByHash compiled under `hash`, while it is still kept. */
export function compiledKnown(hash: string): CompiledRubric | undefined {
  const hit = known.get(hash);
  if (hit) {
    // Refresh its place so the most used versions stay.
    known.delete(hash);
    known.set(hash, hit);
  }
  return hit;
}

function buildRulesEngine(index: RubricIndex): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: plainPathResolver });
  // Events carry positions only: json-rules-engine copies event params with `clone`, which drops
  // keys Object.prototype has ("toString", "valueOf" in a choice's points); the core reads the
  // scoring from the document.
  let at = 0;
  for (const { criterion } of index.criteria) {
    for (const rule of criterion.rules) {
      engine.addRule({ name: `${criterion.id}#${at}`, conditions: structuredClone(rule.conditions), event: { type: RULE_EVENT, params: { at } } });
      at += 1;
    }
  }
  index.doc.requirements.forEach((requirement, r) => {
    // One that reads scored results is judged by the core after scoring (core.ts), not here.
    if (conditionFacts(requirement.conditions).some(isResultFact)) return;
    engine.addRule({ name: `requirement:${requirement.id}`, conditions: structuredClone(requirement.conditions), event: { type: REQUIREMENT_EVENT, params: { at: r } } });
  });
  return engine;
}
