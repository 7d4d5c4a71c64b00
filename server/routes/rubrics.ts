/**
 * Rubrics and their versions: list, read, derived form, drafts (create, copy, update, delete),
 * embedded tests, publish, retire, and score preview (whole results, or the live score a form
 * shows while it is filled in) against any version.
 */
import type { FastifyPluginAsync } from 'fastify';
import semver from 'semver';
import { checkLimits, evaluateLive, type InputValues, issue, type Language, liveScore, loadRubric, migrateRubric, type RubricDocument, runRubricTests } from '../../engine/index.ts';
import { ServerError } from '../errors.ts';
import { RUBRIC_MESSAGES } from '../messages.ts';
import { ANY_ROLE, EDITORS } from '../access.ts';
import { blankRubric } from '../blank-rubric.ts';
import { compiledVersion, versionForm } from '../compiled-rubrics.ts';
import { expectedRevision, revisionProperty } from '../revisions.ts';
import { errorResponses, FORM_LANGUAGE_QUERY, RUBRIC_ID_PATTERN, VERSION_PATTERN } from '../schemas.ts';
import { scoreResultResponse } from '../score-result-json.ts';
import type { AuditDraft, NewRecord, RubricVersionRecord, Storage } from '../storage/types.ts';
import type { Caller } from '../plugins/auth.ts';

interface VersionParams {
  id: string;
  version: string;
}

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: RUBRIC_ID_PATTERN } } } as const;
const versionParams = {
  type: 'object',
  required: ['id', 'version'],
  properties: { id: { type: 'string', pattern: RUBRIC_ID_PATTERN }, version: { type: 'string', pattern: VERSION_PATTERN } },
} as const;
const documentBody = { type: 'object', additionalProperties: false, required: ['document'], properties: { document: { $ref: 'RubricDocument#' } } } as const;
const replaceBody = { ...documentBody, properties: { ...documentBody.properties, revision: revisionProperty } } as const;
const scoreBody = {
  type: 'object',
  additionalProperties: false,
  required: ['inputs'],
  properties: { inputs: { $ref: 'InputValues#' }, notApplicable: { $ref: 'NotApplicable#' }, partial: { type: 'boolean', default: false } },
} as const;
const versionResponse = { $ref: 'RubricVersion#' } as const;
const tags = ['rubrics'];

/** Target of audit entries about one rubric version. */
export const rubricTarget = (id: string, version: string): string => `rubric:${id}@${version}`;

export const rubricRoutes: FastifyPluginAsync<{ storage: Storage }> = async (app, { storage }) => {
  const audit = (caller: Caller, action: string, record: NewRecord<RubricVersionRecord>): AuditDraft => ({
    actor: caller.actor,
    role: caller.role,
    action,
    target: rubricTarget(record.id, record.version),
    rubric: { id: record.id, version: record.version, hash: record.hash },
  });

  const findVersion = async ({ id, version }: VersionParams): Promise<RubricVersionRecord> => {
    const record = await storage.getRubricVersion(id, version);
    if (!record) throw new ServerError('NOT_FOUND', RUBRIC_MESSAGES.noVersion(id, version), [issue('/version', RUBRIC_MESSAGES.listVersions())]);
    return record;
  };

  app.get('/api/rubrics', {
    config: { access: ANY_ROLE },
    schema: {
      tags,
      summary: 'Rubrics with their versions, oldest version first',
      response: {
        200: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'title', 'versions'],
            properties: {
              id: { type: 'string' },
              title: { $ref: 'Localized#' },
              versions: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['version', 'status', 'hash', 'title', 'updatedAt'],
                  properties: {
                    version: { type: 'string' },
                    status: { type: 'string' },
                    hash: { type: 'string' },
                    title: { $ref: 'Localized#' },
                    updatedAt: { type: 'string' },
                    publishedAt: { type: ['string', 'null'] },
                  },
                },
              },
            },
          },
        },
        ...errorResponses(),
      },
    },
    handler: async () => {
      const byRubric = new Map<string, RubricVersionRecord[]>();
      for (const record of await storage.listRubricVersions()) byRubric.set(record.id, [...(byRubric.get(record.id) ?? []), record]);
      return [...byRubric.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, records]) => {
          const versions = records.sort((a, b) => semver.compare(a.version, b.version));
          return {
            id,
            title: versions[versions.length - 1].document.title,
            versions: versions.map((r) => ({ version: r.version, status: r.status, hash: r.hash, title: r.document.title, updatedAt: r.updatedAt, publishedAt: r.publishedAt })),
          };
        });
    },
  });

  app.post<{ Body: { document: RubricDocument } }>('/api/rubrics', {
    config: { access: EDITORS },
    schema: { tags, summary: 'Create a new rubric as a draft version', body: documentBody, response: { 201: versionResponse, ...errorResponses(403, 409, 413, 422) } },
    handler: async (request, reply) => {
      checkLimits(request.body.document);
      const rubric = loadRubric({ ...request.body.document, status: 'draft' });
      const { id, version } = rubric.doc;
      if ((await storage.listRubricVersions()).some((r) => r.id === id)) {
        throw new ServerError('ALREADY_EXISTS', RUBRIC_MESSAGES.rubricExists(id), [issue('/document/id', RUBRIC_MESSAGES.chooseAnotherRubricId())]);
      }
      const now = new Date().toISOString();
      const record: NewRecord<RubricVersionRecord> = { id, version, status: 'draft', hash: rubric.hash, document: rubric.doc, warnings: rubric.warnings, createdAt: now, updatedAt: now, publishedAt: null, retiredAt: null };
      reply.code(201);
      return storage.insertRubricVersion(record, audit(request.caller, 'rubric.create', record));
    },
  });

  app.get<{ Params: VersionParams }>('/api/rubrics/:id/versions/:version', {
    config: { access: ANY_ROLE },
    schema: { tags, summary: 'One rubric version with its document', params: versionParams, response: { 200: versionResponse, ...errorResponses(404) } },
    handler: async (request) => findVersion(request.params),
  });

  app.get<{ Params: VersionParams; Querystring: { lang: Language } }>('/api/rubrics/:id/versions/:version/form', {
    config: { access: ANY_ROLE },
    schema: {
      tags,
      summary: 'The assessment form derived from a rubric version (@rjsf schema and uiSchema)',
      params: versionParams,
      querystring: FORM_LANGUAGE_QUERY,
      response: { 200: { $ref: 'AssessmentForm#' }, ...errorResponses(404) },
    },
    handler: async (request) => versionForm(await findVersion(request.params), request.query.lang),
  });

  app.post<{ Params: { id: string }; Body: { version: string; copyFrom?: { version: string } } }>('/api/rubrics/:id/versions', {
    config: { access: EDITORS },
    schema: {
      tags,
      summary: 'Create a draft version, blank or copied from any version',
      params: idParams,
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['version'],
        properties: {
          version: { type: 'string', pattern: VERSION_PATTERN },
          copyFrom: { type: 'object', additionalProperties: false, required: ['version'], properties: { version: { type: 'string', pattern: VERSION_PATTERN } } },
        },
      },
      response: { 201: versionResponse, ...errorResponses(403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const { id } = request.params;
      const { version, copyFrom } = request.body;
      const existing = (await storage.listRubricVersions()).filter((r) => r.id === id).sort((a, b) => semver.compare(a.version, b.version));
      if (existing.length === 0) throw new ServerError('NOT_FOUND', RUBRIC_MESSAGES.noRubricCreateIt(id));
      const source = copyFrom ? await findVersion({ id, version: copyFrom.version }) : undefined;
      // A new version is a new document: written in the newest format (its source's stored bytes stay as they are).
      const document: RubricDocument = source
        ? { ...migrateRubric(source.document), version, status: 'draft' }
        : blankRubric(id, version, existing[existing.length - 1].document.title);
      const rubric = loadRubric(document);
      const now = new Date().toISOString();
      const record: NewRecord<RubricVersionRecord> = { id, version, status: 'draft', hash: rubric.hash, document: rubric.doc, warnings: rubric.warnings, createdAt: now, updatedAt: now, publishedAt: null, retiredAt: null };
      reply.code(201);
      return storage.insertRubricVersion(record, audit(request.caller, 'rubric.create-version', record));
    },
  });

  app.put<{ Params: VersionParams; Body: { document: RubricDocument; revision?: number } }>('/api/rubrics/:id/versions/:version', {
    config: { access: EDITORS },
    schema: {
      tags,
      summary: 'Replace the document of a draft version (If-Match: the revision you read); returns it with its lint warnings',
      params: versionParams,
      body: replaceBody,
      response: { 200: versionResponse, ...errorResponses(403, 404, 409, 413, 422, 428) },
    },
    handler: async (request) => {
      const { id, version } = request.params;
      assertDraft(await findVersion(request.params));
      const ifRevision = expectedRevision(request, true);
      checkLimits(request.body.document);
      const { document } = request.body;
      const mismatched = [
        ...(document.id === id ? [] : [issue('/document/id', RUBRIC_MESSAGES.documentIdMustBe(id))]),
        ...(document.version === version ? [] : [issue('/document/version', RUBRIC_MESSAGES.documentVersionMustBe(version))]),
      ];
      if (mismatched.length > 0) throw new ServerError('VALIDATION_FAILED', RUBRIC_MESSAGES.documentElsewhere(), mismatched);
      const rubric = loadRubric({ ...document, status: 'draft' });
      return storage.updateRubricVersion(id, version, {
        ifRevision,
        change: (current) => {
          assertDraft(current);
          return { ...current, document: rubric.doc, hash: rubric.hash, warnings: rubric.warnings, updatedAt: new Date().toISOString() };
        },
        audit: (next) => audit(request.caller, 'rubric.update', next),
      });
    },
  });

  app.delete<{ Params: VersionParams }>('/api/rubrics/:id/versions/:version', {
    config: { access: EDITORS },
    schema: { tags, summary: 'Delete a draft version (If-Match, when given, must be its revision)', params: versionParams, response: { 204: { type: 'null' }, ...errorResponses(403, 404, 409) } },
    handler: async (request, reply) => {
      const ifRevision = expectedRevision(request, false);
      const record = await findVersion(request.params);
      await storage.deleteRubricVersion(record.id, record.version, assertDraft, audit(request.caller, 'rubric.delete', record), ifRevision);
      return reply.code(204).send();
    },
  });

  app.post<{ Params: VersionParams }>('/api/rubrics/:id/versions/:version/test', {
    config: { access: ANY_ROLE },
    schema: {
      tags,
      summary: 'Run the embedded test cases of a version',
      params: versionParams,
      response: {
        200: {
          type: 'object',
          required: ['passed', 'failed', 'cases'],
          properties: {
            passed: { type: 'integer' },
            failed: { type: 'integer' },
            cases: {
              type: 'array',
              items: { type: 'object', required: ['name', 'passed', 'failures'], properties: { name: { type: 'string' }, passed: { type: 'boolean' }, failures: { type: 'array', items: { $ref: 'Issue#' } } } },
            },
          },
        },
        ...errorResponses(404),
      },
    },
    handler: async (request) => {
      const report = await runRubricTests(compiledVersion(await findVersion(request.params)));
      return { ...report, cases: report.cases.map(({ result: _result, ...rest }) => rest) };
    },
  });

  app.post<{ Params: VersionParams; Body: { changelog: string } }>('/api/rubrics/:id/versions/:version/publish', {
    config: { access: EDITORS },
    schema: {
      tags,
      summary: 'Publish a draft: it must validate and pass its tests; it never changes afterwards',
      params: versionParams,
      body: { type: 'object', additionalProperties: false, required: ['changelog'], properties: { changelog: { type: 'string', maxLength: 4000 } } },
      response: { 200: versionResponse, ...errorResponses(403, 404, 409, 422) },
    },
    handler: async (request) => {
      const ifRevision = expectedRevision(request, false);
      const draft = assertDraft(await findVersion(request.params));
      const changelog = request.body.changelog.trim();
      const rubric = loadRubric({ ...draft.document, ...(changelog && { changelog }), status: 'draft' });
      const report = await runRubricTests(rubric);
      if (report.failed > 0) {
        const details = report.cases
          .filter((c) => !c.passed)
          // A failure the engine gave in English only keeps its words in both places.
          .flatMap((c) => c.failures.map((f) => issue(f.path, RUBRIC_MESSAGES.testFailure(c.name, f.text ?? { en: f.message, zh: f.message }))));
        throw new ServerError('RUBRIC_TESTS_FAILED', RUBRIC_MESSAGES.testsFail(report.failed, report.cases.length), details);
      }
      return storage.updateRubricVersion(draft.id, draft.version, {
        // Without If-Match, still publish exactly the draft whose tests just passed.
        ifRevision: ifRevision ?? draft.revision,
        change: (current) => {
          assertDraft(current);
          const now = new Date().toISOString();
          return { ...current, status: 'published', document: { ...rubric.doc, status: 'published' }, hash: rubric.hash, warnings: rubric.warnings, updatedAt: now, publishedAt: now };
        },
        audit: (next) => audit(request.caller, 'rubric.publish', next),
      });
    },
  });

  app.post<{ Params: VersionParams }>('/api/rubrics/:id/versions/:version/retire', {
    config: { access: EDITORS },
    schema: { tags, summary: 'Retire a published version: no new assessments under it', params: versionParams, response: { 200: versionResponse, ...errorResponses(403, 404, 409) } },
    handler: async (request) => {
      const { id, version } = request.params;
      return storage.updateRubricVersion(id, version, {
        ifRevision: expectedRevision(request, false),
        change: (current) => {
          if (current.status === 'retired') throw immutable(current);
          if (current.status !== 'published') throw new ServerError('STATE_CONFLICT', RUBRIC_MESSAGES.retireDraft(id, version));
          const now = new Date().toISOString();
          return { ...current, status: 'retired', document: { ...current.document, status: 'retired' }, updatedAt: now, retiredAt: now };
        },
        audit: (next) => audit(request.caller, 'rubric.retire', next),
      });
    },
  });

  app.post<{ Params: VersionParams; Body: { inputs: InputValues; notApplicable?: Record<string, string>; partial: boolean } }>('/api/rubrics/:id/versions/:version/score', {
    config: { access: ANY_ROLE },
    schema: {
      tags,
      summary: 'Score inputs against a version without storing anything',
      params: versionParams,
      body: scoreBody,
      response: { 200: { $ref: 'ScoreResult#' }, ...errorResponses(404, 422) },
    },
    serializerCompiler: scoreResultResponse,
    handler: async (request) => {
      const { inputs, notApplicable, partial } = request.body;
      // Nothing is stored: the compiled conditions decide (the same answer, much sooner).
      return evaluateLive(compiledVersion(await findVersion(request.params)), { inputs, notApplicable }, { requireComplete: !partial });
    },
  });

  app.post<{ Params: VersionParams; Body: { inputs: InputValues; notApplicable?: Record<string, string> } }>('/api/rubrics/:id/versions/:version/live-score', {
    config: { access: ANY_ROLE },
    schema: {
      tags,
      summary: 'The live score of answers being filled in: points so far, reachable range, next tier, questions not needed',
      params: versionParams,
      body: { type: 'object', additionalProperties: false, required: ['inputs'], properties: { inputs: { $ref: 'InputValues#' }, notApplicable: { $ref: 'NotApplicable#' } } },
      response: { 200: { $ref: 'LiveScore#' }, ...errorResponses(404, 422) },
    },
    // Asked as an assessor types: the compiled version is cached by hash and the compiled conditions decide.
    handler: async (request) => liveScore(compiledVersion(await findVersion(request.params)), request.body),
  });
};

function immutable(record: RubricVersionRecord): ServerError {
  return new ServerError('VERSION_IMMUTABLE', RUBRIC_MESSAGES.versionImmutable(record.id, record.version, record.status), [issue('/version', RUBRIC_MESSAGES.copyInto(record.id, record.version))]);
}

/** Drafts only: published and retired versions are immutable. */
function assertDraft(record: RubricVersionRecord): RubricVersionRecord {
  if (record.status !== 'draft') throw immutable(record);
  return record;
}
