/**
 * Compiled rubric versions for scoring, by content hash. Stored documents were validated when
 * saved, so a hit skips the engine's validation too (loadRubric validates before its own cache).
 */
import { type AssessmentForm, type CompiledRubric, deriveForm, type Language, loadRubric } from '../engine/index.ts';
import { ServerError } from './errors.ts';
import { RUBRIC_MESSAGES } from './messages.ts';
import type { RubricVersionRecord } from './storage/types.ts';

const CAPACITY = 64;
const compiled = new Map<string, CompiledRubric>();

/** The compiled form of a stored rubric version. */
export function compiledVersion(record: RubricVersionRecord): CompiledRubric {
  const hit = compiled.get(record.hash);
  if (hit) {
    // Refresh its place so the most used versions stay.
    compiled.delete(record.hash);
    compiled.set(record.hash, hit);
    return hit;
  }
  const rubric = loadRubric(record.document);
  if (rubric.hash !== record.hash) {
    throw new ServerError('INTERNAL', RUBRIC_MESSAGES.hashMismatch(record.id, record.version));
  }
  if (compiled.size >= CAPACITY) compiled.delete(compiled.keys().next().value as string);
  compiled.set(record.hash, rubric);
  return rubric;
}

/** Derived forms by compiled version and language: a version's form never changes, and every draft opened asks for it. */
const forms = new WeakMap<CompiledRubric, Partial<Record<Language, AssessmentForm>>>();

/** The assessment form of a stored rubric version in `lang`, derived once per version and language. */
export function versionForm(record: RubricVersionRecord, lang: Language): AssessmentForm {
  const rubric = compiledVersion(record);
  const derived = forms.get(rubric) ?? {};
  forms.set(rubric, derived);
  derived[lang] ??= deriveForm(rubric.index, lang);
  return derived[lang];
}

