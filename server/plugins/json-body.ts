/**
 * The JSON body parser. Unlike Fastify's default, it tells malformed JSON (BODY_NOT_JSON) apart
 * from prototype-poisoning keys (BODY_FORBIDDEN_KEY) and from bytes that are not UTF-8
 * (BODY_NOT_UTF8, instead of storing U+FFFD in their place), and names where the problem is.
 */
import { issue } from '../../engine/index.ts';
import { ServerError } from '../errors.ts';
import { REQUEST_MESSAGES } from '../messages.ts';
import { sharedPlugin } from './shared-plugin.ts';

export const jsonBodyPlugin = sharedPlugin('rubric-studio-json-body', async (app) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(decodeUtf8(body as Buffer)));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
});

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text.
 * @throws ServerError BODY_NOT_UTF8
 */
export function decodeUtf8(body: Buffer): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw new ServerError('BODY_NOT_UTF8', REQUEST_MESSAGES.bodyNotUtf8(), [issue('', REQUEST_MESSAGES.encodeUtf8())]);
  }
}

/**
 * Parses a JSON request body, refusing `__proto__` and `constructor.prototype` keys anywhere.
 * An empty body parses as no body.
 * @throws ServerError BODY_NOT_JSON or BODY_FORBIDDEN_KEY
 */
export function parseJsonBody(text: string): unknown {
  // Clients often send the JSON content type on body-less POSTs (submit, retire); routes that need a body say so.
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ServerError('BODY_NOT_JSON', REQUEST_MESSAGES.bodyNotJsonAt((err as Error).message), [issue('', REQUEST_MESSAGES.fixJsonSyntax())]);
  }
  // Always walked: a text pre-check can be dodged with escapes such as "__pro\u0074o__".
  const key = forbiddenKey(value);
  if (key) throw new ServerError('BODY_FORBIDDEN_KEY', REQUEST_MESSAGES.forbiddenKey(key), [issue(key, REQUEST_MESSAGES.removeKey())]);
  return value;
}

/** Walks without recursion (bodies may nest deeply); returns the JSON pointer of a forbidden key. */
function forbiddenKey(root: unknown): string | undefined {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [unknown, string];
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      const at = `${path}/${key}`;
      if (key === '__proto__') return at;
      if (key === 'constructor' && child !== null && typeof child === 'object' && Object.hasOwn(child, 'prototype')) return `${at}/prototype`;
      stack.push([child, at]);
    }
  }
  return undefined;
}
