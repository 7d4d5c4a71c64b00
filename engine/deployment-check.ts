/**
 * Checking a deployment profile (engine/deployment.ts): the JSON Schema of deployment.json and
 * what the schema cannot say. The server checks DATA_DIR/deployment.json with it at start
 * (server/deployment.ts) and the command line the file given to --deployment, so both accept and
 * refuse the same profiles, with the same words. Apart from engine/deployment.ts because it
 * compiles a schema with ajv, which the browser does not need.
 */
import { Ajv } from 'ajv';
import type { DeploymentProfile } from './deployment.ts';
import { issue, IssueList } from './document/issues.ts';
import { describeAjvErrors } from './document/meta-schema.ts';
import { MESSAGES } from './document/messages.ts';
import type { Issue } from './types.ts';

/** Ids of attributes, period kinds and options: they are JSON fields and appear in "2025 final", so no spaces. */
const ID = {
  type: 'string',
  pattern: '^[A-Za-z][A-Za-z0-9_-]{0,39}$',
  description: 'a letter, then up to 39 letters, digits, hyphens or underscores',
} as const;

const label = {
  type: 'object',
  additionalProperties: false,
  required: ['zh', 'en'],
  properties: { zh: { type: 'string', minLength: 1, maxLength: 100 }, en: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

/** JSON Schema of deployment.json (format deployment/1); DeploymentProfile is its TypeScript twin. */
export const DEPLOYMENT_SCHEMA = {
  $id: 'Deployment',
  description: 'What this deployment assesses (the subject and its attributes) and its period kinds, from DATA_DIR/deployment.json.',
  type: 'object',
  additionalProperties: false,
  required: ['format', 'subject', 'periodKinds'],
  properties: {
    format: { type: 'string', enum: ['deployment/1'] },
    subject: {
      type: 'object',
      additionalProperties: false,
      required: ['label', 'plural', 'attributes'],
      properties: {
        label,
        plural: label,
        attributes: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'label', 'required', 'type'],
            properties: {
              id: ID,
              label,
              required: { type: 'boolean' },
              type: { type: 'string', enum: ['text', 'choice'] },
              options: {
                type: 'array',
                minItems: 1,
                maxItems: 200,
                items: { type: 'object', additionalProperties: false, required: ['id', 'label'], properties: { id: ID, label } },
              },
            },
          },
        },
      },
    },
    periodKinds: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: { type: 'object', additionalProperties: false, required: ['id', 'label'], properties: { id: ID, label } },
    },
    defaultPeriodKind: { type: 'string' },
  },
} as const;

/** Fields every subject record has whatever the profile says (server/storage/types.ts CommunityRecord): no attribute may take one. */
export const SUBJECT_RECORD_FIELDS = ['id', 'name', 'district', 'address', 'contact', 'revision', 'createdAt', 'updatedAt'] as const;

// Compiled once: the server checks a profile at every start, the command line at every run. `verbose`
// gives describeAjvErrors each field's schema, whose description says what a pattern wants.
const checkShape = new Ajv({ allErrors: true, verbose: true, strict: true, ownProperties: true }).compile<DeploymentProfile>(DEPLOYMENT_SCHEMA);

/**
 * What makes `value` unusable as a deployment profile, each at a JSON pointer into the file with
 * its fix in Chinese and English (at most MAX_REPORTED_ISSUES, then a count); empty when it is one.
 */
export function deploymentProblems(value: unknown): Issue[] {
  if (!checkShape(value)) return describeAjvErrors(checkShape.errors ?? [], new IssueList()).toArray();
  return meaningProblems(value);
}

/** What the schema cannot say: ids unique, attribute ids not taken by the record's own fields, options only for choices, the default a real kind. */
function meaningProblems(profile: DeploymentProfile): Issue[] {
  const problems = new IssueList();
  const attributes = new Set<string>();
  profile.subject.attributes.forEach((attribute, at) => {
    const path = `/subject/attributes/${at}`;
    if ((SUBJECT_RECORD_FIELDS as readonly string[]).includes(attribute.id)) problems.push(issue(`${path}/id`, MESSAGES.fieldOfEverySubject(attribute.id, SUBJECT_RECORD_FIELDS)));
    else if (attributes.has(attribute.id)) problems.push(issue(`${path}/id`, MESSAGES.profileIdUsedTwice(attribute.id)));
    attributes.add(attribute.id);
    if (attribute.type === 'choice' && !attribute.options) problems.push(issue(`${path}/options`, MESSAGES.choiceNeedsOptions()));
    if (attribute.type !== 'choice' && attribute.options) problems.push(issue(`${path}/options`, MESSAGES.optionsOnlyForChoice()));
    const options = new Set<string>();
    attribute.options?.forEach((option, n) => {
      if (options.has(option.id)) problems.push(issue(`${path}/options/${n}/id`, MESSAGES.profileIdUsedTwice(option.id)));
      options.add(option.id);
    });
  });
  const kinds = new Set<string>();
  profile.periodKinds.forEach((kind, at) => {
    if (kinds.has(kind.id)) problems.push(issue(`/periodKinds/${at}/id`, MESSAGES.profileIdUsedTwice(kind.id)));
    kinds.add(kind.id);
  });
  if (profile.defaultPeriodKind !== undefined && !kinds.has(profile.defaultPeriodKind)) {
    problems.push(issue('/defaultPeriodKind', MESSAGES.notAPeriodKind(profile.defaultPeriodKind, [...kinds])));
  }
  return problems.toArray();
}
