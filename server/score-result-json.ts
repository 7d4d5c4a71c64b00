/**
 * The JSON of responses that hold a ScoreResult (~40 kB with explanations): written with
 * JSON.stringify, not with the route's compiled response schema. The schema stays on the route
 * (it documents the response in /docs), but fast-json-stringify took ~1.7x as long as
 * JSON.stringify for a result: its criteria and requirements are free-form objects, and it
 * escapes every string in JavaScript. The result is the engine's own object (engine/types.ts),
 * so there is nothing in it to leave out; the JSON says the same, only in the engine's key order.
 *
 * The JSON is answered as UTF-8 bytes: a string body is measured (Buffer.byteLength) and then
 * encoded again when written, each a pass over ~40,000 mostly Chinese characters.
 * A submitted result is stored and answered: its bytes are made once, for the result file and
 * the response (results are never changed once made).
 */
import type { FastifySerializerCompiler } from 'fastify';
import type { CriterionResult, ScoreResult } from '../engine/index.ts';
import type { AssessmentRecord } from './storage/types.ts';

const made = new WeakMap<ScoreResult, Buffer>();
/** The JSON of criterion results the engine shares between results (frozen: they never change). */
const criterionJson = new WeakMap<CriterionResult, string>();

/**
 * `JSON.stringify(result)` as UTF-8, made once per result object. The criteria, most of the
 * text, are written one by one, and a criterion result the engine shares between previews with
 * the same answers (a frozen object) is written once: a live preview mostly repeats them.
 */
export function scoreResultJson(result: ScoreResult): Buffer {
  let json = made.get(result);
  if (json === undefined && !Array.isArray(result.criteria)) json = Buffer.from(JSON.stringify(result));
  if (json === undefined) {
    const criteria = result.criteria.map((criterion) => {
      if (!Object.isFrozen(criterion)) return JSON.stringify(criterion);
      let text = criterionJson.get(criterion);
      if (text === undefined) {
        text = JSON.stringify(criterion);
        criterionJson.set(criterion, text);
      }
      return text;
    });
    // The key order stays the engine's: the criteria go where their place holder was written
    // (should a text of the result ever equal the place holder, the result is written whole).
    const parts = JSON.stringify({ ...result, criteria: CRITERIA_HERE }).split(JSON.stringify(CRITERIA_HERE));
    json = Buffer.from(parts.length === 2 ? `${parts[0]}[${criteria.join(',')}]${parts[1]}` : JSON.stringify(result));
    made.set(result, json);
  }
  return json;
}

/** Stands for the criteria in the JSON of the rest of the result. */
const CRITERIA_HERE = '\u0000criteria\u0000';

const NULL = Buffer.from('null');

/** An assessment record as JSON; its result (last) from scoreResultJson. */
export function assessmentJson(record: AssessmentRecord): Buffer {
  const { result, ...rest } = record;
  const head = JSON.stringify(rest);
  return Buffer.concat([Buffer.from(`${head.slice(0, -1)},"result":`), result ? scoreResultJson(result) : NULL, Buffer.from('}')]);
}

/** The rescore route's answer: the stored and the new result, and how the stored inputs were carried over. */
function rescoreJson({ stored, rescored, ...carried }: { stored: ScoreResult; rescored: ScoreResult } & Record<string, unknown>): Buffer {
  const rest = JSON.stringify(carried);
  return Buffer.concat([Buffer.from('{"stored":'), scoreResultJson(stored), Buffer.from(',"rescored":'), scoreResultJson(rescored), Buffer.from(rest === '{}' ? '}' : `,${rest.slice(1)}`)]);
}

/**
 * For a route's `serializerCompiler`: its 2xx bodies written by `serialize`, the error bodies
 * with JSON.stringify. Fastify sends a Buffer from a serializer as it is (its length is the
 * Content-Length); its types only say string.
 */
const serializing =
  <T>(serialize: (payload: T) => Buffer): FastifySerializerCompiler<unknown> =>
  ({ httpStatus }) =>
    httpStatus?.startsWith('2') ? (payload: T) => serialize(payload) as unknown as string : (payload: unknown) => JSON.stringify(payload);

/** Routes answering a ScoreResult. */
export const scoreResultResponse = serializing(scoreResultJson);
/** Routes answering one assessment record. */
export const assessmentResponse = serializing(assessmentJson);
/** The rescore route. */
export const rescoreResponse = serializing(rescoreJson);
