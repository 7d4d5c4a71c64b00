/**
 * Compiled rubric versions for scoring, by content hash (compiledByHash): stored documents were
 * validated when saved, so a version compiled once is not validated again.
 */
import { type AssessmentForm, type CompiledRubric, compiledByHash, deriveForm, type Language } from '../engine/index.ts';
import { ServerError } from './errors.ts';
import { RUBRIC_MESSAGES } from './messages.ts';
import type { RubricVersionRecord } from './storage/types.ts';

/** The compiled form of a stored rubric version. */
export function compiledVersion(record: RubricVersionRecord): CompiledRubric {
  const rubric = compiledByHash(record.hash, record.document);
  if (rubric.hash !== record.hash) {
    throw new ServerError('INTERNAL', RUBRIC_MESSAGES.hashMismatch(record.id, record.version));
  }
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

