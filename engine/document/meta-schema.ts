/**
 * The rubric meta-schemas, each compiled once. Meta-schemas are published in rubric-schemas/, one
 * file per format version; a format only grows (a new scoring kind), never changes what it
 * accepted. A document's `format` picks the meta-schema it is checked against.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
// A JSON module, not node:fs: bundlers inline it, so this module also runs in the browser.
import rubricSchema from '../../rubric-schemas/rubric-1.schema.json' with { type: 'json' };
import { issue, IssueList, pointerSegment } from './issues.ts';
import { MESSAGES } from './messages.ts';
import { scoringSchemaDefs } from '../kinds/registry.ts';
import { combinationSchemaDef } from './input-combinations.ts';
import { isResultFact, resultFactSchemaDef } from './result-facts.ts';
import type { Issue, RubricFormat } from '../types.ts';

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

/**
 * The meta-schema of format rubric/2: rubric/1 with a required `tierBasis` (what tier bounds
 * measure) and bounds not capped at 1, since by points they run to the maximum total; the tier
 * check (checkTierBounds), knowing the basis, says what is wrong with a bound. Its groups may
 * carry a `weight`, and its requirements may read scored results (`@total`, `@ratio`, `@<id>`). Published as
 * rubric-schemas/rubric-2.schema.json by `npm run schema`.
 */
export const RUBRIC_2_META_SCHEMA: Record<string, unknown> = rubric2Of(RUBRIC_META_SCHEMA);

function rubric2Of(rubric1: Record<string, unknown>): Record<string, unknown> {
  const properties = rubric1.properties as Record<string, unknown>;
  const defs = rubric1.$defs as Record<string, Record<string, unknown>>;
  const bound = defs.bound as { properties: Record<string, unknown> };
  const factCondition = defs.factCondition as { properties: Record<string, unknown> };
  const group = defs.group as { properties: Record<string, unknown> };
  const withTierBasis: Record<string, unknown> = {};
  // tierBasis right after format, where a reader of the file looks for what the document is.
  for (const [name, schema] of Object.entries(properties)) {
    withTierBasis[name] = name === 'format' ? { const: 'rubric/2' } : schema;
    if (name === 'format') {
      withTierBasis.tierBasis = {
        enum: ['ratio', 'points'],
        description: 'What tier bounds measure: "ratio" (total / maximum, 0 to 1) or "points" (the total, 0 to the maximum total).',
      };
    }
  }
  const required = rubric1.required as string[];
  return {
    ...rubric1,
    $id: 'https://rubric-studio.local/schemas/rubric-2.schema.json',
    title: 'Rubric document, format rubric/2',
    description:
      'A points rubric with its tiers, baseline requirements and test cases; rubric/1 plus tierBasis (tiers by score ratio or by total points), weighted groups, and requirements that read scored results (@total, @ratio, @<id>). Released: the format only grows (a new scoring kind, written by npm run schema from the kinds registry); what it accepted stays accepted.',
    required: [...required.slice(0, required.indexOf('format') + 1), 'tierBasis', ...required.slice(required.indexOf('format') + 1)],
    properties: withTierBasis,
    $defs: {
      ...defs,
      bound: {
        ...bound,
        properties: {
          ...bound.properties,
          value: { type: 'number', minimum: 0, description: 'A score ratio (0 to 1) or a total in points (0 to the maximum total), as tierBasis says.' },
        },
      },
      // A group may carry a weight (scoring/weights.ts).
      group: {
        ...group,
        properties: {
          ...group.properties,
          weight: { type: 'number', exclusiveMinimum: 0, maximum: 1000000, description: "What the group is worth in its parent's total: it scores achieved ÷ available × weight, its points being its credits." },
        },
      },
      // A condition may read a scored result (result-facts.ts); validation keeps them to requirements.
      factCondition: { ...factCondition, properties: { ...factCondition.properties, fact: { anyOf: [{ $ref: '#/$defs/key' }, { $ref: '#/$defs/resultFact' }] } } },
      ...resultFactSchemaDef(),
    },
  };
}

/** The meta-schema of each format, as published. */
export const META_SCHEMAS: Record<RubricFormat, Record<string, unknown>> = { 'rubric/1': RUBRIC_META_SCHEMA, 'rubric/2': RUBRIC_2_META_SCHEMA };

/** The format a document's meta-schema check goes by: its own when known, else the newest (which reports the format). */
function formatOf(doc: unknown): RubricFormat {
  const format = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? (doc as { format?: unknown }).format : undefined;
  return format === 'rubric/1' ? 'rubric/1' : 'rubric/2';
}

const compiled = new Map<RubricFormat, ValidateFunction>();

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
  const validate = validatorOf(formatOf(doc));
  if (!validate(doc)) describeAjvErrors(validate.errors ?? [], issues);
  return issues;
}

/**
 * Compiles every format's check now instead of at the first document: ~0.4 s that a thread kept
 * for scoring (the impact workers) spends when it starts rather than inside its first request.
 */
export function prepareMetaSchemas(): void {
  for (const format of Object.keys(META_SCHEMAS) as RubricFormat[]) validatorOf(format);
}

function validatorOf(format: RubricFormat): ValidateFunction {
  let validate = compiled.get(format);
  if (!validate) {
    validate = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      ownProperties: true,
      code: { process: appendRefErrorsInPlace },
    }).compile(META_SCHEMAS[format]);
    compiled.set(format, validate);
  }
  return validate;
}

const TIER_BOUND_VALUE = /^\/tiers\/\d+\/(min|max)\/value$/;

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
      // A format other than the schema's own may be another known format's: name them all.
      if (path === '/format') return issue(path, MESSAGES.schemaEnum(field, Object.keys(META_SCHEMAS)));
      return issue(path, MESSAGES.schemaConst(field, params.allowedValue));
    case 'type':
      return issue(path, MESSAGES.schemaType(field, String(params.type)));
    case 'pattern':
      // Only rubric/1 refuses a result fact ("@total"): say that results are read in rubric/2.
      if (field === 'fact' && typeof error.data === 'string' && isResultFact(error.data)) return issue(path, MESSAGES.rubric1ReadsResult(error.data));
      return issue(path, MESSAGES.schemaPattern(field, JSON.stringify(error.data), hint, String(params.pattern)));
    case 'maximum':
      // Only rubric/1 caps a bound at 1: say that its tiers are ratios, and how to write points.
      if (TIER_BOUND_VALUE.test(path) && params.limit === 1) return issue(path, MESSAGES.rubric1BoundAboveOne(Number(error.data)));
      return issue(path, MESSAGES.schemaComparison(field, String(params.comparison), Number(params.limit), ajvText, hint));
    case 'minimum':
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
