/**
 * The deployment profile on disk: DATA_DIR/deployment.json says what this deployment assesses
 * (the subject and its attributes) and in which period kinds (the shape and the Appendix C default
 * are engine/deployment.ts). It is read and checked once at start, before the data file is
 * opened, so a bad profile stops the server with the field named and nothing written; a data
 * directory without one gets the Appendix C profile. What a valid profile is, is the engine's
 * (engine/deployment-check.ts), shared with the command line. The route schemas of subjects and
 * periods are made from it, so the API accepts exactly what the profile declares.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPENDIX_C_DEPLOYMENT, type DeploymentProfile, deploymentProblems, issue, type MessageText, SUBJECT_RECORD_FIELDS, type SubjectAttribute } from '../engine/index.ts';
import { type BilingualIssue, ServerError } from './errors.ts';
import { DEPLOYMENT_MESSAGES, REQUEST_MESSAGES } from './messages.ts';

export const DEPLOYMENT_FILE = 'deployment.json';

/** At most this many problems are listed; a file this broken is better rewritten from the README. */
const MAX_PROBLEMS = 50;

/**
 * The profile `value` (from `file`), or the problems that make it unusable.
 * @throws ServerError DEPLOYMENT_INVALID naming every field at fault and how to fix it
 */
export function checkDeployment(value: unknown, file: string): DeploymentProfile {
  // The engine's check, the one the command line's --deployment uses too: every problem is said in both languages.
  const problems = deploymentProblems(value) as BilingualIssue[];
  if (problems.length === 0) return value as DeploymentProfile;
  throw invalid(file, problems.slice(0, MAX_PROBLEMS));
}

function invalid(file: string, problems: BilingualIssue[]): ServerError {
  return new ServerError('DEPLOYMENT_INVALID', DEPLOYMENT_MESSAGES.profileInvalid(file, problems[0].path, problems[0].text, problems.length), problems);
}

/** The profile of `dataDir` as read at start; `stored` is false when there is no file yet (it then gets the default). */
export interface LoadedDeployment {
  profile: DeploymentProfile;
  stored: boolean;
  file: string;
}

/**
 * Reads and checks DATA_DIR/deployment.json; writes nothing, so it runs before the data file is
 * opened and a bad profile leaves the data directory as it was.
 * @throws ServerError DEPLOYMENT_INVALID
 */
export function readDeployment(dataDir: string): LoadedDeployment {
  const file = join(dataDir, DEPLOYMENT_FILE);
  if (!existsSync(file)) return { profile: APPENDIX_C_DEPLOYMENT, stored: false, file };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ServerError('DEPLOYMENT_INVALID', DEPLOYMENT_MESSAGES.unreadable(file, (err as NodeJS.ErrnoException).code ?? (err as Error).message), [issue('', DEPLOYMENT_MESSAGES.makeReadable())]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ServerError('DEPLOYMENT_INVALID', DEPLOYMENT_MESSAGES.notJson(file, (err as Error).message), [issue('', DEPLOYMENT_MESSAGES.fixJson())]);
  }
  return { profile: checkDeployment(value, file), stored: true, file };
}

/** Writes the profile a data directory without one uses (temp file + rename, so never half a file); called with the directory's lock held. */
export function storeDefaultDeployment(loaded: LoadedDeployment): void {
  if (loaded.stored) return;
  const temp = `${loaded.file}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(loaded.profile, null, 2)}\n`);
    renameSync(temp, loaded.file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/** One attribute as a route schema property: text, or one of the option ids. */
function attributeSchema(attribute: SubjectAttribute): Record<string, unknown> {
  const description = `${attribute.label.en} (${attribute.label.zh})${attribute.required ? '' : ', optional'}`;
  if (attribute.type === 'choice') return { type: 'string', enum: (attribute.options ?? []).map((o) => o.id), description };
  return { type: 'string', minLength: 1, maxLength: 200, description };
}

/**
 * Shared schemas made from the profile, registered beside server/schemas.ts's: `PeriodKind` (the
 * profile's kinds), `Period`, `Community` (a subject as answered) and `CommunityFields` (what a
 * subject holds besides its id: its name, the profile's attributes and the optional details).
 */
export function deploymentSchemas(profile: DeploymentProfile): Record<string, unknown>[] {
  const kinds = profile.periodKinds.map((k) => k.id);
  const attributes = Object.fromEntries(profile.subject.attributes.map((a) => [a.id, attributeSchema(a)]));
  const required = profile.subject.attributes.filter((a) => a.required).map((a) => a.id);
  const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
  return [
    { $id: 'PeriodKind', description: `A period kind of this deployment: ${profile.periodKinds.map((k) => `${k.id} (${k.label.en}, ${k.label.zh})`).join(', ')}.`, type: 'string', enum: kinds },
    {
      $id: 'Period',
      description: 'Assessment period: a year and one of the period kinds of the deployment profile (GET /api/deployment).',
      type: 'object',
      additionalProperties: false,
      required: ['year', 'kind'],
      properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 }, kind: { $ref: 'PeriodKind#' } },
    },
    {
      $id: 'Community',
      description: `A ${profile.subject.label.en} (${profile.subject.label.zh}) that is assessed, with the attributes of the deployment profile.`,
      type: 'object',
      required: ['id', 'name', 'revision'],
      // Records stored under an earlier profile keep their fields and are answered with them.
      additionalProperties: true,
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        ...Object.fromEntries(profile.subject.attributes.map((a) => [a.id, { type: 'string', description: attributeSchema(a).description }])),
        district: { type: 'string' },
        address: { type: 'string' },
        contact: { type: 'string' },
        revision: { type: 'integer', description: 'Raised on every change; send it back in If-Match (it is also the ETag).' },
        createdAt: { type: 'string', description: 'ISO 8601 date-time' },
        updatedAt: { type: 'string', description: 'ISO 8601 date-time' },
      },
    },
    {
      $id: 'CommunityFields',
      description: `What a ${profile.subject.label.en} record holds besides its id: its name, the attributes of the deployment profile, and optional details.`,
      type: 'object',
      required: ['name', ...required],
      properties: { name: text(200), ...attributes, district: text(200), address: text(400), contact: text(200) },
    },
  ];
}

/** The fields of a subject body the profile allows: name, its attributes and the optional details (route schemas list them; any other is refused). */
export function subjectFieldNames(profile: DeploymentProfile): string[] {
  return ['name', ...profile.subject.attributes.map((a) => a.id), 'district', 'address', 'contact'];
}

/** Why a subject record does not fit the profile (seeding checks the examples with it); empty when it fits. */
export function subjectMisfits(profile: DeploymentProfile, record: Record<string, unknown>): MessageText[] {
  const allowed = new Set<string>([...SUBJECT_RECORD_FIELDS, ...subjectFieldNames(profile)]);
  const misfits: MessageText[] = [];
  for (const attribute of profile.subject.attributes) {
    const value = record[attribute.id];
    if (value === undefined) {
      if (attribute.required) misfits.push(DEPLOYMENT_MESSAGES.attributeMissing(attribute.id));
    } else if (attribute.type === 'choice' && !(attribute.options ?? []).some((o) => o.id === value)) misfits.push(DEPLOYMENT_MESSAGES.notAnOption(attribute.id, String(value)));
  }
  for (const field of Object.keys(record)) if (!allowed.has(field)) misfits.push(REQUEST_MESSAGES.unknownField(field));
  return misfits;
}
