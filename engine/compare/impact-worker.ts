/**
 * A worker thread of parallel impact analyses (engine/compare/impact-threads.ts). It stays up
 * between analyses (its compiled code and compiled rubrics stay warm) and answers each request
 * with its share of the assessments scored under both versions. The versions come as documents
 * with the content hash the sending thread compiled them under; threads share no objects.
 */
import { parentPort } from 'node:worker_threads';
import { type CompiledRubric, loadRubric } from '../scoring/compile.ts';
import type { ImpactAssessment, ImpactFilter, RubricDocument } from '../types.ts';
import { scoreImpact } from './impact.ts';

/** A version as a request carries it: its document and content hash (CompiledRubric.hash). */
export interface ImpactVersion {
  hash: string;
  doc: RubricDocument;
}

export interface ImpactRequest {
  id: number;
  base: ImpactVersion;
  candidate: ImpactVersion;
  assessments: ImpactAssessment[];
  filter?: ImpactFilter;
}

/** Versions compiled here, by hash, the latest last. */
const compiled = new Map<string, CompiledRubric>();
const COMPILED_KEPT = 16;

/**
 * The compiled version, from the hash alone after the first batch: an analysis sends its two
 * versions with every batch, and loadRubric validates a document before it looks at its cache
 * (for Appendix C, more time than scoring a batch's worth of assessments would save).
 */
function compiledVersion({ hash, doc }: ImpactVersion): CompiledRubric {
  let version = compiled.get(hash);
  if (!version) {
    version = loadRubric(doc);
    compiled.set(hash, version);
    if (compiled.size > COMPILED_KEPT) compiled.delete(compiled.keys().next().value as string);
  }
  return version;
}

parentPort?.on('message', (request: ImpactRequest) => {
  try {
    const scored = scoreImpact(compiledVersion(request.base), compiledVersion(request.candidate), request.assessments, request.filter);
    parentPort?.postMessage({ id: request.id, scored });
  } catch (err) {
    parentPort?.postMessage({ id: request.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});
