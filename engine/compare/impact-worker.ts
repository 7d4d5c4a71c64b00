/**
 * A worker thread of parallel impact analyses (engine/compare/impact-threads.ts). It stays up
 * between analyses (its compiled code and compiled rubrics stay warm) and answers each request
 * with its share of the assessments scored under both versions. The versions come as documents
 * and are compiled here (cached by content hash); threads share no objects.
 */
import { parentPort } from 'node:worker_threads';
import { loadRubric } from '../scoring/compile.ts';
import type { ImpactAssessment, ImpactFilter, RubricDocument } from '../types.ts';
import { scoreImpact } from './impact.ts';

export interface ImpactRequest {
  id: number;
  base: RubricDocument;
  candidate: RubricDocument;
  assessments: ImpactAssessment[];
  filter?: ImpactFilter;
}

parentPort?.on('message', (request: ImpactRequest) => {
  try {
    const scored = scoreImpact(loadRubric(request.base), loadRubric(request.candidate), request.assessments, request.filter);
    parentPort?.postMessage({ id: request.id, scored });
  } catch (err) {
    parentPort?.postMessage({ id: request.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});
