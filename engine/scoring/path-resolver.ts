/**
 * The only path resolver our json-rules-engine instances use. The library's default,
 * jsonpath-plus, evaluates filter expressions (`$[?(...)]`) as code; rubric documents are
 * untrusted, so paths may only name plain keys ($.a.b), walked through own properties.
 */
const PLAIN_PATH = /^\$(\.[A-Za-z0-9_]{1,64}){1,16}$/;

export function plainPathResolver(value: object, path: string): unknown {
  if (!PLAIN_PATH.test(path)) throw new Error(`path "${path}" is not plain dotted keys`);
  let current: unknown = value;
  for (const key of path.slice(2).split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
