/**
 * A worker thread of parallel impact analyses (engine/compare/impact-threads.ts). It stays up
 * between analyses (its compiled code and compiled rubrics stay warm) and answers each request
 * with its share of the assessments scored under both versions. The versions come as documents
 * with the content hash the sending thread compiled them under, so each is compiled here once
 * (compiledByHash), not validated again with every batch; threads share no objects.
 */
import { parentPort } from 'node:worker_threads';
import { compiledByHash } from '../scoring/compile.ts';
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

parentPort?.on('message', (request: ImpactRequest) => {
  try {
    const scored = scoreImpact(compiledByHash(request.base.hash, request.base.doc), compiledByHash(request.candidate.hash, request.candidate.doc), request.assessments, request.filter);
    parentPort?.postMessage({ id: request.id, scored });
  } catch (err) {
    parentPort?.postMessage({ id: request.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});
