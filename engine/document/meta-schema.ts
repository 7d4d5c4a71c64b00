/**
 * The rubric meta-schema, compiled once. Meta-schemas are published in rubric-schemas/, one file
 * per format version; a format only grows (a new scoring kind), never changes what it accepted.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
// A JSON module, not node:fs: bundlers inline it, so this module also runs in the browser.
import rubricSchema from '../../rubric-schemas/rubric-1.schema.json' with { type: 'json' };
import { issue, IssueList, pointerSegment } from './issues.ts';
import { MESSAGES } from './messages.ts';
import { scoringSchemaDefs } from '../kinds/registry.ts';
import { combinationSchemaDef } from './input-combinations.ts';
import type { Issue } from '../types.ts';

/**
 * The meta-schema of format rubric/1, as JSON: the published file, with the scoring definitions
 * taken from the kinds registry (the one home of each kind's schema) and the input combinations
 * from input-combinations.ts. test/engine/meta-schema-file.test.ts
 * keeps the published file equal to this; `npm run schema` rewrites it.
 */
export const RUBRIC_META_SCHEMA: Record<string, unknown> = {
  ...rubricSchema,
  $defs: { ...rubricSchema.$defs, ...scoringSchemaDefs(), ...combinationSchemaDef() },
};

let compiled: ValidateFunction | undefined;

/**
 * ajv 8 merges the errors of every failed call of a referenced schema with
 * `vErrors = vErrors.concat(ref.errors)`, copying all errors so far: quadratic, 5 minutes for a
 * document of 100,000 empty conditions. Appending in place gives the same list in linear time.
 */
const CONCAT_REF_ERRORS = /vErrors = vErrors === null \? ([\w$.]+)\.errors : vErrors\.concat\(\1\.errors\);/g;

/** How many merges were rewritten; a test checks it is not 0, so an ajv upgrade that changes its code is noticed. */
export let refErrorMergesRewritten = 0;

function appendRefErrorsInPlace(code: string): string {
  return code.replace(CONCAT_REF_ERRORS, (_merge, ref: string) => {
    refErrorMergesRewritten += 1;
    return `if (vErrors === null) vErrors = ${ref}.errors; else for (const refError of ${ref}.errors) vErrors.push(refError);`;
  });
}

/**
 * Checks a document against the meta-schema; adds one issue per real problem to `issues`.
 * `ownProperties`: a key such as "constructor" is looked up on the document, never on Object.prototype.
 */
export function checkMetaSchema(doc: unknown, issues: IssueList = new IssueList()): IssueList {
  compiled ??= new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    ownProperties: true,
    code: { process: appendRefErrorsInPlace },
  }).compile(RUBRIC_META_SCHEMA);
  if (!compiled(doc)) describeAjvErrors(compiled.errors ?? [], issues);
  return issues;
}

const BRANCHING = new Set(['oneOf', 'anyOf', 'if', 'allOf']);
const IN_BRANCH = /\/(anyOf|oneOf)\/\d+/;
// By schema path: a few hundred distinct ones, shared by up to a million errors.
const inBranchBySchemaPath = new Map<string, boolean>();

function inBranch(error: ErrorObject): boolean {
  let known = inBranchBySchemaPath.get(error.schemaPath);
  if (known === undefined) {
    known = IN_BRANCH.test(error.schemaPath);
    inBranchBySchemaPath.set(error.schemaPath, known);
  }
  return known;
}

/**
 * Turns ajv's errors into issues a person can act on. Branching keywords (oneOf, anyOf, if/then)
 * report every branch; an error inside a branch is kept only when no deeper error explains the
 * same place. Linear in the number of errors: a hostile document can cause hundreds of thousands.
 */
export function describeAjvErrors(errors: ErrorObject[], issues: IssueList = new IssueList()): IssueList {
  // A branching keyword's error only sums up its branches' errors: reported when nothing else is.
  const leafErrorsOnly = errors.some((e) => !BRANCHING.has(e.keyword));
  const reportable = (e: ErrorObject): boolean => !leafErrorsOnly || !BRANCHING.has(e.keyword);
  // A branch's complaint about a whole object is noise when a deeper error says what is wrong inside it.
  const explainedInside = properAncestors(errors, reportable);
  // Branches often repeat a complaint: one issue per place and message, counted once past the cap too.
  const messagesAt = new Map<string, string[]>();
  for (const error of errors) {
    if (!reportable(error) || (inBranch(error) && explainedInside.has(error.instancePath))) continue;
    const found = describe(error);
    const messages = messagesAt.get(found.path);
    if (!messages) messagesAt.set(found.path, [found.message]);
    else if (messages.includes(found.message)) continue;
    else messages.push(found.message);
    issues.push(found);
  }
  return issues;
}

/** Every proper ancestor of the places of the errors ("/a/b" → "", "/a"), each found once. */
function properAncestors(errors: ErrorObject[], reportable: (e: ErrorObject) => boolean): Set<string> {
  const ancestors = new Set<string>();
  let previous: string | undefined;
  for (const error of errors) {
    const pointer = error.instancePath;
    // Errors come in runs at one place.
    if (pointer === previous || !reportable(error)) continue;
    previous = pointer;
    // Walking up stops at a known ancestor: its own ancestors were added with it.
    for (let end = pointer.lastIndexOf('/'); end >= 0; ) {
      const ancestor = pointer.slice(0, end);
      if (ancestors.has(ancestor)) break;
      ancestors.add(ancestor);
      end = ancestor.lastIndexOf('/');
    }
  }
  return ancestors;
}

function describe(error: ErrorObject): Issue {
  const path = error.instancePath;
  // The field named in the message: the pointer's last segment, or null for the document itself.
  const field = path.slice(path.lastIndexOf('/') + 1) || null;
  const params = error.params as Record<string, unknown>;
  const hint = (error.parentSchema as { description?: string } | undefined)?.description;
  const ajvText = error.message ?? 'is invalid';
  switch (error.keyword) {
    case 'required':
      return issue(path, MESSAGES.schemaRequired(String(params.missingProperty)));
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      return issue(`${path}/${pointerSegment(String(params.additionalProperty))}`, MESSAGES.schemaUnknownProperty(String(params.additionalProperty), allowed));
    }
    case 'enum':
      return issue(path, MESSAGES.schemaEnum(field, params.allowedValues as unknown[]));
    case 'const':
      return issue(path, MESSAGES.schemaConst(field, params.allowedValue));
    case 'type':
      return issue(path, MESSAGES.schemaType(field, String(params.type)));
    case 'pattern':
      return issue(path, MESSAGES.schemaPattern(field, JSON.stringify(error.data), hint, String(params.pattern)));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return issue(path, MESSAGES.schemaComparison(field, String(params.comparison), Number(params.limit), ajvText, hint));
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minProperties':
    case 'maxProperties':
      return issue(path, MESSAGES.schemaCount(field, error.keyword, Number(params.limit), ajvText, hint));
    case 'uniqueItems':
      return issue(path, MESSAGES.schemaUniqueItems(field, Number(params.j), Number(params.i), ajvText, hint));
    default:
      return issue(path, MESSAGES.schemaOther(field, ajvText, hint));
  }
}
