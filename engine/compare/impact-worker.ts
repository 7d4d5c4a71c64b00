/**
 * A worker thread of parallel impact analyses (engine/compare/impact-threads.ts). It stays up
 * between analyses (its compiled code and compiled rubrics stay warm) and answers each request
 * with its share of the assessments scored under both versions. A version comes as the content
 * hash the sending thread compiled it under, with its document the first time this worker is sent
 * it: each is compiled here once (compiledByHash) and neither validated nor copied again with
 * every batch; threads share no objects.
 */
import { parentPort } from 'node:worker_threads';
import { prepareMetaSchemas } from '../document/meta-schema.ts';
import { type CompiledRubric, compiledByHash, compiledKnown } from '../scoring/compile.ts';
import type { ImpactAssessment, ImpactFilter, RubricDocument } from '../types.ts';
import { scoreImpact } from './impact.ts';

/** A version as a request carries it: its content hash (CompiledRubric.hash), and its document unless this worker was sent it before. */
export interface ImpactVersion {
  hash: string;
  doc?: RubricDocument;
}

export interface ImpactRequest {
  id: number;
  base: ImpactVersion;
  candidate: ImpactVersion;
  assessments: ImpactAssessment[];
  filter?: ImpactFilter;
}

/** What a worker answers: the scored share, an error, or that it no longer keeps a version sent without its document (send it again). */
export type ImpactAnswer = { id: number; scored: ReturnType<typeof scoreImpact> } | { id: number; error: string } | { id: number; unknownVersion: true };

const compiledFrom = (version: ImpactVersion): CompiledRubric | undefined => (version.doc ? compiledByHash(version.hash, version.doc) : compiledKnown(version.hash));

const answer = (message: ImpactAnswer): void => parentPort?.postMessage(message);

parentPort?.on('message', (request: ImpactRequest) => {
  try {
    const base = compiledFrom(request.base);
    const candidate = compiledFrom(request.candidate);
    if (!base || !candidate) return answer({ id: request.id, unknownVersion: true });
    answer({ id: request.id, scored: scoreImpact(base, candidate, request.assessments, request.filter) });
  } catch (err) {
    answer({ id: request.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});

// Started with the server (startImpactWorkers): the document checks are compiled before any request needs them.
prepareMetaSchemas();
