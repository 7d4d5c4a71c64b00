/**
 * Size and nesting limits, checked before anything is compiled: ajv and json-rules-engine
 * recurse, so a deep or huge document from an editor could exhaust the stack or the CPU.
 */
import { RubricStudioError } from '../errors.ts';
import { pointerSegment } from './issues.ts';

export const RUBRIC_LIMITS = {
  /** Serialized size of a rubric document. */
  maxBytes: 512 * 1024,
  /** Nesting depth of objects and arrays. */
  maxDepth: 40,
  /** Objects, arrays and values counted together. */
  maxNodes: 100_000,
} as const;

/**
 * Parses (when given text) and measures a document without recursion.
 * @throws RubricStudioError RUBRIC_NOT_JSON, RUBRIC_TOO_LARGE or RUBRIC_TOO_DEEP
 */
export function checkLimits(source: unknown, what = 'rubric document'): unknown {
  let value = source;
  if (typeof source === 'string') {
    if (Buffer.byteLength(source) > RUBRIC_LIMITS.maxBytes) throw tooLarge(Buffer.byteLength(source), what);
    try {
      value = JSON.parse(source);
    } catch (err) {
      throw new RubricStudioError('RUBRIC_NOT_JSON', `The ${what} is not valid JSON: ${(err as Error).message}`, [
        { path: '', message: 'fix the JSON syntax' },
      ]);
    }
  }
  const stack: [unknown, number, string][] = [[value, 1, '']];
  let nodes = 0;
  let bytes = 0;
  while (stack.length > 0) {
    const [node, depth, path] = stack.pop() as [unknown, number, string];
    nodes += 1;
    if (nodes > RUBRIC_LIMITS.maxNodes) {
      throw new RubricStudioError('RUBRIC_TOO_LARGE', `The ${what} has more than ${RUBRIC_LIMITS.maxNodes} values.`, [
        { path: '', message: `keep it under ${RUBRIC_LIMITS.maxNodes} values` },
      ]);
    }
    if (typeof node === 'string') bytes += node.length;
    if (node === null || typeof node !== 'object') continue;
    if (depth > RUBRIC_LIMITS.maxDepth) {
      throw new RubricStudioError('RUBRIC_TOO_DEEP', `The ${what} nests deeper than ${RUBRIC_LIMITS.maxDepth} levels.`, [
        { path, message: `nesting reaches level ${depth} here; flatten it to at most ${RUBRIC_LIMITS.maxDepth}` },
      ]);
    }
    for (const [key, child] of Object.entries(node)) {
      bytes += key.length;
      stack.push([child, depth + 1, `${path}/${pointerSegment(key)}`]);
    }
  }
  if (bytes > RUBRIC_LIMITS.maxBytes) throw tooLarge(bytes, what);
  return value;
}

function tooLarge(bytes: number, what: string): RubricStudioError {
  return new RubricStudioError(
    'RUBRIC_TOO_LARGE',
    `The ${what} is ${bytes} bytes; the limit is ${RUBRIC_LIMITS.maxBytes}.`,
    [{ path: '', message: `reduce it below ${RUBRIC_LIMITS.maxBytes} bytes` }],
  );
}
