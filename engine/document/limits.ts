/**
 * Size and nesting limits, checked before anything is compiled: ajv and json-rules-engine
 * recurse, so a deep or huge document from an editor could exhaust the stack or the CPU.
 */
import { RubricStudioError } from '../errors.ts';
import { issue, pointerSegment } from './issues.ts';
import { MESSAGES } from './messages.ts';

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
export function checkLimits(source: unknown): unknown {
  let value = source;
  if (typeof source === 'string') {
    if (Buffer.byteLength(source) > RUBRIC_LIMITS.maxBytes) throw tooLarge(Buffer.byteLength(source));
    try {
      value = JSON.parse(source);
    } catch (err) {
      throw new RubricStudioError('RUBRIC_NOT_JSON', MESSAGES.notJson((err as Error).message), [issue('', MESSAGES.fixJsonSyntax())]);
    }
  }
  const stack: [unknown, number, string][] = [[value, 1, '']];
  let nodes = 0;
  let bytes = 0;
  while (stack.length > 0) {
    const [node, depth, path] = stack.pop() as [unknown, number, string];
    nodes += 1;
    if (nodes > RUBRIC_LIMITS.maxNodes) {
      throw new RubricStudioError('RUBRIC_TOO_LARGE', MESSAGES.tooManyValues(RUBRIC_LIMITS.maxNodes), [issue('', MESSAGES.keepValuesUnder(RUBRIC_LIMITS.maxNodes))]);
    }
    if (typeof node === 'string') bytes += node.length;
    if (node === null || typeof node !== 'object') continue;
    if (depth > RUBRIC_LIMITS.maxDepth) {
      throw new RubricStudioError('RUBRIC_TOO_DEEP', MESSAGES.tooDeep(RUBRIC_LIMITS.maxDepth), [issue(path, MESSAGES.flattenNesting(depth, RUBRIC_LIMITS.maxDepth))]);
    }
    for (const [key, child] of Object.entries(node)) {
      bytes += key.length;
      stack.push([child, depth + 1, `${path}/${pointerSegment(key)}`]);
    }
  }
  if (bytes > RUBRIC_LIMITS.maxBytes) throw tooLarge(bytes);
  return value;
}

function tooLarge(bytes: number): RubricStudioError {
  return new RubricStudioError('RUBRIC_TOO_LARGE', MESSAGES.tooLarge(bytes, RUBRIC_LIMITS.maxBytes), [issue('', MESSAGES.reduceSize(RUBRIC_LIMITS.maxBytes))]);
}
