/**
 * Versions side by side, for reviewers: the diff of two rubric versions, the impact of a revision
 * over the stored submitted assessments, the inputs a version would lack, the gap of one
 * assessment to the next tier, and exports. Nothing stored changes.
 */
import { PassThrough, Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import {
  analyzeImpactStream,
  analyzeImpactStreamInThreads,
  type DeploymentProfile,
  diffRubrics,
  carryAssessment,
  gapToNextTier,
  type ImpactAssessment,
  type ImpactFilterRequest,
  impactFilterFor,
  type Localized,
  impactCsv,
  impactSummaryHtml,
  impactXlsx,
  issue,
  MissingInputsTally,
  type ResultRow,
  resultColumns,
  resultsCsvText,
  startImpactWorkers,
  writeResultsXlsx,
} from '../../engine/index.ts';
import { ANY_ROLE } from '../access.ts';
import { supplementValues } from './supplements.ts';
import { compiledVersion } from '../compiled-rubrics.ts';
import { ServerError } from '../errors.ts';
import { ASSESSMENT_MESSAGES, RUBRIC_MESSAGES } from '../messages.ts';
import { errorResponses } from '../schemas.ts';
import { readingStarted } from '../streamed.ts';
import type { AssessmentFilter, CommunityRecord, RubricVersionRecord, Storage, SubjectRecord } from '../storage/types.ts';

const versionRef = { type: 'object', additionalProperties: false, required: ['id', 'version'], properties: { id: { type: 'string', maxLength: 64 }, version: { type: 'string', maxLength: 60 } } };
const anyObject = { type: 'object', additionalProperties: true };
const formats = ['json', 'csv', 'xlsx', 'html'] as const;
type Format = (typeof formats)[number];

const MEDIA: Record<Exclude<Format, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

function sendFile(reply: FastifyReply, format: Exclude<Format, 'json'>, name: string, body: Buffer | string | Readable): FastifyReply {
  reply.header('content-type', MEDIA[format]);
  if (format !== 'html') reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
  return reply.send(body);
}

export interface ComparisonOptions {
  storage: Storage;
  profile: DeploymentProfile;
  impactWorker?: URL;
  /** Assessments an impact analysis scores at a time (IMPACT_BATCH unless given): what it holds of the stored inputs. */
  impactBatch?: number;
}

export const comparisonRoutes: FastifyPluginAsync<ComparisonOptions> = async (app, { storage, profile, impactWorker, impactBatch }) => {
  /** How many submitted assessments `filter` names, without reading them. */
  const submitted = async (filter: AssessmentFilter = {}): Promise<number> => (await storage.pageAssessments({ ...filter, status: 'submitted' }, { limit: 1, offset: 0 })).total;
  // The impact workers up before an analysis needs them, once the store is large enough to share
  // one among them: started inside the analysis, they cost its first seconds.
  if (impactWorker) startImpactWorkers({ worker: impactWorker }, await submitted());
  // Files name the subject, its attributes and the period kinds by the profile's labels.
  const version = async (id: string, v: string): Promise<RubricVersionRecord> => {
    const record = await storage.getRubricVersion(id, v);
    if (!record) throw new ServerError('NOT_FOUND', RUBRIC_MESSAGES.noRubricVersion(id, v), [issue('/version', RUBRIC_MESSAGES.listExistingVersions())]);
    return record;
  };
  const communities = async (): Promise<Map<string, CommunityRecord>> => new Map((await storage.listCommunities()).map((c) => [c.id, c]));
  // The profile's attributes a subject has; a field of an earlier profile is not among them.
  const subjectAttributes = (record: CommunityRecord | undefined): Record<string, string> => {
    const subject = record as SubjectRecord | undefined;
    return Object.fromEntries(profile.subject.attributes.flatMap((a) => (typeof subject?.[a.id] === 'string' ? [[a.id, subject[a.id] as string]] : [])));
  };

  app.get<{ Params: { id: string }; Querystring: { from: string; to: string } }>('/api/rubrics/:id/diff', {
    config: { access: ANY_ROLE },
    schema: {
      tags: ['comparisons'],
      summary: 'What changed between two versions of a rubric (draft or published)',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      querystring: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: { type: 'string' }, to: { type: 'string' } } },
      response: { 200: anyObject, ...errorResponses(404) },
    },
    handler: async (request) => {
      const { id } = request.params;
      return diffRubrics((await version(id, request.query.from)).document, (await version(id, request.query.to)).document);
    },
  });

  app.post<{ Body: { base: { id: string; version: string }; candidate: { id: string; version: string }; filter?: ImpactFilterRequest }; Querystring: { format?: Format; lang?: 'zh' | 'en' } }>('/api/impact', {
    config: { access: ANY_ROLE },
    schema: {
      tags: ['comparisons'],
      summary: 'What a revision does to every stored submitted assessment of the base version',
      querystring: { type: 'object', additionalProperties: false, properties: { format: { enum: [...formats] }, lang: { enum: ['zh', 'en'] } } },
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['base', 'candidate'],
        properties: {
          base: versionRef,
          candidate: versionRef,
          filter: {
            type: 'object',
            additionalProperties: false,
            properties: {
              attributes: { type: 'object', description: 'Subject attribute id → value (a choice by its option id), from GET /api/deployment; every one given must match.', additionalProperties: { type: 'string' } },
              street: { type: 'string', description: 'Shorthand for attributes.street, while the deployment profile has that attribute.' },
              period: { type: 'string' },
              tier: { type: ['string', 'null'] },
            },
          },
        },
      },
      response: { 200: anyObject, ...errorResponses(404) },
    },
    handler: async (request, reply) => {
      const { base, candidate } = request.body;
      // Checked before anything is read: an attribute the subjects do not have is refused, not an empty report.
      const filter = request.body.filter && impactFilterFor(request.body.filter, profile);
      const baseRubric = compiledVersion(await version(base.id, base.version));
      const candidateRubric = compiledVersion(await version(candidate.id, candidate.version));
      const where = await communities();
      if (impactWorker) startImpactWorkers({ worker: impactWorker }, await submitted({ rubricId: base.id, version: base.version }));
      // Read with a cursor, without results: one batch of inputs at a time, whatever the store holds.
      async function* assessments(): AsyncGenerator<ImpactAssessment> {
        for await (const a of storage.streamAssessmentEntries({ rubricId: base.id, version: base.version, status: 'submitted' })) {
          yield {
            id: a.id,
            communityId: a.communityId,
            communityName: where.get(a.communityId)?.name,
            attributes: subjectAttributes(where.get(a.communityId)),
            period: `${a.period.year} ${a.period.kind}`,
            inputs: a.inputs,
            notApplicable: a.notApplicable,
            supplements: supplementValues(a),
          };
        }
      }
      const report = impactWorker
        ? await analyzeImpactStreamInThreads(baseRubric, candidateRubric, assessments(), filter, { worker: impactWorker, batchSize: impactBatch })
        : await analyzeImpactStream(baseRubric, candidateRubric, assessments(), filter, impactBatch);
      const format = request.query.format ?? 'json';
      const lang = request.query.lang ?? 'zh';
      const name = `impact-${candidate.id}-${candidate.version}`;
      if (format === 'csv') return sendFile(reply, format, name, impactCsv(report, 'assessments', lang, profile));
      if (format === 'xlsx') return sendFile(reply, format, name, await impactXlsx(report, lang, profile));
      if (format === 'html') return sendFile(reply, format, name, impactSummaryHtml(report, lang, undefined, profile));
      // A row per assessment: ~55 MB for 100,000. Encoded once here, the text is neither measured
      // for its length nor encoded again on its way out, as a returned object's would be.
      return reply.type('application/json; charset=utf-8').send(Buffer.from(JSON.stringify(report)));
    },
  });

  app.get<{ Params: { id: string; version: string } }>('/api/rubrics/:id/versions/:version/missing-inputs', {
    config: { access: ANY_ROLE },
    schema: {
      tags: ['comparisons'],
      summary: 'Which inputs of this version the stored submitted assessments of the rubric lack',
      params: { type: 'object', required: ['id', 'version'], properties: { id: { type: 'string' }, version: { type: 'string' } } },
      response: { 200: anyObject, ...errorResponses(404) },
    },
    handler: async (request) => {
      const target = await version(request.params.id, request.params.version);
      // Read with a cursor and counted as read: only the ids lacking each input are kept.
      const tally = new MissingInputsTally(target.document);
      for await (const a of storage.streamAssessmentEntries({ rubricId: target.id, status: 'submitted' })) tally.add({ id: a.id, inputs: a.inputs, version: a.rubric.version });
      return tally.report();
    },
  });

  app.get<{ Params: { id: string }; Querystring: { version?: string } }>('/api/assessments/:id/gap', {
    config: { access: ANY_ROLE },
    schema: {
      tags: ['comparisons'],
      summary: 'Points missing to the next tier and the criteria where they are still available, cheapest first; failed gates as actions. `version` reads the assessment under another version of its rubric',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      querystring: { type: 'object', additionalProperties: false, properties: { version: { type: 'string', minLength: 1, maxLength: 50 } } },
      response: { 200: anyObject, ...errorResponses(404) },
    },
    handler: async (request) => {
      const assessment = await storage.getAssessment(request.params.id);
      if (!assessment) throw new ServerError('NOT_FOUND', ASSESSMENT_MESSAGES.noAssessment(request.params.id));
      const wanted = request.query.version ?? assessment.rubric.version;
      const rubric = compiledVersion(await version(assessment.rubric.id, wanted));
      if (wanted === assessment.rubric.version) return gapToNextTier(rubric, { inputs: assessment.inputs, notApplicable: assessment.notApplicable });
      // Under another version: the stored answers as that version reads them, and what did not carry over.
      const carried = carryAssessment(rubric, assessment, assessment.rubric.version, supplementValues(assessment));
      const { inputs: _inputs, ...mapping } = carried.mapping;
      const gap = await gapToNextTier(rubric, carried.assessment);
      return { ...gap, carried: { mapping, invalid: carried.invalid, droppedNotApplicable: carried.droppedNotApplicable } };
    },
  });

  app.get<{ Querystring: { format: 'csv' | 'xlsx'; rubric?: string; version?: string; lang?: 'zh' | 'en' } }>('/api/exports/assessments', {
    config: { access: ANY_ROLE },
    schema: {
      tags: ['comparisons'],
      summary: 'Results of the submitted assessments as CSV or XLSX',
      querystring: {
        type: 'object',
        additionalProperties: false,
        required: ['format'],
        properties: { format: { enum: ['csv', 'xlsx'] }, rubric: { type: 'string' }, version: { type: 'string' }, lang: { enum: ['zh', 'en'] } },
      },
    },
    handler: async (request, reply) => {
      const { format, rubric, version: v, lang = 'zh' } = request.query;
      const filter: AssessmentFilter = { rubricId: rubric, version: v, status: 'submitted' };
      const where = await communities();
      // Tier labels per version, read once each: the tier column names the tier as the rubric does.
      const tierLabels = new Map<string, Record<string, Localized>>();
      const labelsOf = async (id: string, v: string): Promise<Record<string, Localized>> => {
        const key = `${id}@${v}`;
        let labels = tierLabels.get(key);
        if (!labels) {
          const document = (await storage.getRubricVersion(id, v))?.document;
          labels = Object.fromEntries((document?.tiers ?? []).map((t) => [t.id, t.label]));
          tierLabels.set(key, labels);
        }
        return labels;
      };
      // The header names every indicator before the first row: a first pass over the entries (no
      // results) finds the versions in the order they appear, and one result of each names its indicators.
      const samples: Pick<ResultRow, 'result'>[] = [];
      const sampled = new Set<string>();
      for await (const entry of storage.streamAssessmentEntries(filter)) {
        const key = `${entry.rubric.id}@${entry.rubric.version}`;
        if (sampled.has(key)) continue;
        const result = (await storage.getAssessment(entry.id))?.result;
        if (!result) continue;
        sampled.add(key);
        samples.push({ result });
      }
      const columns = resultColumns(samples, lang, profile);
      async function* rows(): AsyncGenerator<ResultRow> {
        for await (const record of storage.streamAssessments(filter)) {
          if (!record.result) continue;
          const community = where.get(record.communityId);
          yield {
            communityId: record.communityId,
            community: community?.name,
            attributes: Object.fromEntries(profile.subject.attributes.map((a) => [a.id, (community as SubjectRecord | undefined)?.[a.id]])),
            period: `${record.period.year} ${record.period.kind}`,
            assessedOn: record.assessedOn,
            versionChoice: record.versionChoice,
            result: record.result,
            tierLabels: await labelsOf(record.rubric.id, record.rubric.version),
          };
        }
      }
      const started = await readingStarted(rows());
      // A client gone before the file is read to the end: the cursor (a pooled connection) is let go.
      reply.raw.once('close', () => void started.close().catch(() => undefined));
      if (format === 'csv') return sendFile(reply, format, 'assessments', Readable.from(resultsCsvText(columns, started, lang, profile)));
      // A failure while writing destroys the stream with it, so the response is aborted, never ended as if complete.
      const file = new PassThrough();
      writeResultsXlsx(file, columns, started, lang, profile).catch((err: Error) => file.destroy(err));
      return sendFile(reply, format, 'assessments', file);
    },
  });
};
