/**
 * The rubric meta-schema, compiled once. Meta-schemas are versioned on disk in rubric-schemas/,
 * one file per format version, never edited once released.
 */
import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Issue } from './types.ts';

const schemaUrl = new URL('../rubric-schemas/rubric-1.schema.json', import.meta.url);

/** The meta-schema of format rubric/1, as JSON. */
export const RUBRIC_META_SCHEMA: Record<string, unknown> = JSON.parse(readFileSync(schemaUrl, 'utf8'));

let compiled: ValidateFunction | undefined;

/** Checks a document against the meta-schema; returns one issue per real problem. */
export function checkMetaSchema(doc: unknown): Issue[] {
  compiled ??= new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(RUBRIC_META_SCHEMA);
  if (compiled(doc)) return [];
  return describeAjvErrors(compiled.errors ?? []);
}

/**
 * Turns ajv's errors into issues a person can act on. Branching keywords (oneOf, anyOf, if/then)
 * report every branch; an error inside a branch is kept only when no deeper error explains the same place.
 */
export function describeAjvErrors(errors: ErrorObject[]): Issue[] {
  const leafErrors = errors.filter((e) => !['oneOf', 'anyOf', 'if', 'allOf'].includes(e.keyword));
  const pool = leafErrors.length > 0 ? leafErrors : errors;
  const paths = pool.map((e) => e.instancePath);
  // A branch's complaint about a whole object is noise when a deeper error says what is wrong inside it.
  const inBranch = (e: ErrorObject): boolean => /\/(anyOf|oneOf)\/\d+/.test(e.schemaPath);
  const kept = pool.filter((e) => !inBranch(e) || !paths.some((p) => p !== e.instancePath && p.startsWith(`${e.instancePath}/`)));
  const issues = new Map<string, Issue>();
  for (const error of kept) {
    const issue = describe(error);
    issues.set(`${issue.path} ${issue.message}`, issue);
  }
  return [...issues.values()];
}

function describe(error: ErrorObject): Issue {
  const path = error.instancePath;
  const field = path.split('/').at(-1) || 'the document';
  const params = error.params as Record<string, unknown>;
  const hint = (error.parentSchema as { description?: string } | undefined)?.description;
  switch (error.keyword) {
    case 'required':
      return { path, message: `missing property "${params.missingProperty}": add it` };
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      return {
        path: `${path}/${params.additionalProperty}`,
        message: `unknown property "${params.additionalProperty}": remove it or check its spelling${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`,
      };
    }
    case 'enum':
      return { path, message: `"${field}" must be one of: ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { path, message: `"${field}" must be ${JSON.stringify(params.allowedValue)}` };
    case 'type':
      return { path, message: `"${field}" must be of type ${params.type}` };
    case 'pattern':
      return { path, message: `"${field}" value ${JSON.stringify(error.data)} is not allowed: use ${hint ?? `text matching ${params.pattern}`}` };
    default:
      return { path, message: `"${field}" ${error.message ?? 'is invalid'}${hint ? ` (${hint})` : ''}` };
  }
}
