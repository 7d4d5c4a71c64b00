/**
 * How route schemas validate requests: bodies strictly (no type coercion, unknown fields
 * rejected rather than silently removed), query strings and params with coercion, since they
 * arrive as text.
 */
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';

/** Fastify `schemaController.compilersFactory.buildValidator`: receives the shared schemas. */
export function buildRequestValidator(externalSchemas: unknown): (route: { schema: AnySchema; httpPart?: string }) => ValidateFunction {
  const options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false } as const;
  const bodies = new Ajv({ ...options, coerceTypes: false });
  const texts = new Ajv({ ...options, coerceTypes: 'array' });
  for (const schema of Object.values((externalSchemas ?? {}) as Record<string, AnySchema>)) {
    bodies.addSchema(schema);
    texts.addSchema(schema);
  }
  return ({ schema, httpPart }) => (httpPart === 'body' ? bodies : texts).compile(schema);
}
