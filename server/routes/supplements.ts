/**
 * Supplementary answers: an assessment made under an older version never answered what a newer
 * version asks. An assessor or editor records those answers later, one at a time or from a file
 * (CSV or XLSX: community, period, input, value, source), each with who, when and where it came
 * from. The frozen original (its inputs and its result) never changes; rescore and impact read the
 * supplements where the original has no value, and say which inputs were supplied.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyPluginAsync } from 'fastify';
import { checkAssessmentInputs, type DeploymentProfile, type InputDefinition, type InputValue, issue, mapInputs, own, periodWords, RubricStudioError } from '../../engine/index.ts';
import { SUPPLIERS } from '../access.ts';
import { compiledVersion } from '../compiled-rubrics.ts';
import { type BilingualIssue, ServerError } from '../errors.ts';
import { ASSESSMENT_MESSAGES, RUBRIC_MESSAGES, SUPPLEMENT_MESSAGES } from '../messages.ts';
import { decodeUtf8 } from '../plugins/json-body.ts';
import type { Caller } from '../plugins/auth.ts';
import { expectedRevision, revisionProperty } from '../revisions.ts';
import { errorResponses, RECORD_ID_PATTERN } from '../schemas.ts';
import type { AssessmentRecord, RubricVersionRecord, Storage, Supplement } from '../storage/types.ts';

const tags = ['supplements'];
const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows of one upload; a district's communities × periods × new inputs stay far below. */
const MAX_ROWS = 20_000;

interface Row {
  community: string;
  period: string;
  input: string;
  value: string;
  source: string;
}

/** Column names accepted in a file's first row, in either language. */
const COLUMNS: Record<keyof Row, string[]> = {
  community: ['community', '社区', '社区编号', 'community id'],
  // The glossary's words first; 评估期 and 输入 stay accepted for files made before the glossary.
  period: ['period', '评价期', '评估期'],
  input: ['input', '输入项', '输入'],
  value: ['value', '值'],
  source: ['source', '来源'],
};

export const supplementRoutes: FastifyPluginAsync<{ storage: Storage; profile: DeploymentProfile }> = async (app, { storage, profile }) => {
  // Uploads arrive as the file itself; the JSON parser stays for everything else.
  app.addContentTypeParser([CSV, XLSX], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const version = async (id: string, number: string, field: string): Promise<RubricVersionRecord> => {
    const record = await storage.getRubricVersion(id, number);
    if (!record) throw new ServerError('VALIDATION_FAILED', RUBRIC_MESSAGES.noRubricVersion(id, number), [issue(field, SUPPLEMENT_MESSAGES.nameVersionOfRubric())]);
    return record;
  };

  /** A supplement for one input of one assessment, checked; throws naming the field and the fix. */
  const prepare = (assessment: AssessmentRecord, target: RubricVersionRecord, input: string, value: unknown, source: string, caller: Caller, field: string): Supplement => {
    if (target.id !== assessment.rubric.id) throw new ServerError('VALIDATION_FAILED', SUPPLEMENT_MESSAGES.otherRubric(target.id, target.version, assessment.rubric.id), [issue(field, SUPPLEMENT_MESSAGES.nameSameRubric())]);
    const definition = target.document.inputs.find((i) => i.id === input);
    if (!definition) throw new ServerError('VALIDATION_FAILED', SUPPLEMENT_MESSAGES.noInput(target.id, target.version, input), [issue(field, SUPPLEMENT_MESSAGES.nameOneOfInputs(target.document.inputs.map((i) => i.id)))]);
    // Answered when assessed: under its own id, or under the old id(s) the version's mapping reads it from.
    const carried = mapInputs(target.document, assessment.inputs, assessment.rubric.id === target.id ? assessment.rubric.version : '');
    const readFrom = carried.renamed.find((r) => r.to === input)?.from ?? carried.combined.find((c) => c.to === input)?.from.join('" + "');
    if (own(assessment.inputs, input) !== undefined || readFrom !== undefined) {
      throw new ServerError('STATE_CONFLICT', SUPPLEMENT_MESSAGES.answeredWhenAssessed(assessment.id, input, readFrom, target.version), [issue(field, SUPPLEMENT_MESSAGES.onlyUnasked())]);
    }
    try {
      checkAssessmentInputs(compiledVersion(target), { inputs: { [input]: value as InputValue } }, false);
    } catch (err) {
      if (err instanceof RubricStudioError) {
        // The engine's input checks say it in both languages; an English-only message keeps its words in both places.
        const text = err.details[0]?.text ?? err.text ?? { en: err.details[0]?.message ?? err.message, zh: err.details[0]?.message ?? err.message };
        throw new ServerError('VALIDATION_FAILED', text, [issue(field, text)]);
      }
      throw err;
    }
    return { value: value as InputValue, version: target.version, source, by: caller.actor, role: caller.role, at: new Date().toISOString() };
  };

  const audit = (caller: Caller, action: string, record: AssessmentRecord) => ({ actor: caller.actor, role: caller.role, action, target: `assessment:${record.id}`, rubric: { ...record.rubric, hash: record.rubricHash ?? '' } });

  app.put<{ Params: { id: string; input: string }; Body: { value: InputValue; version: string; source: string; revision?: number } }>('/api/assessments/:id/supplements/:input', {
    config: { access: SUPPLIERS },
    schema: {
      tags,
      summary: 'Record (or replace) the answer to an input a newer version asks and the assessment never did (If-Match: the revision you read); the original stays as it was',
      params: { type: 'object', required: ['id', 'input'], properties: { id: { type: 'string', pattern: RECORD_ID_PATTERN }, input: { type: 'string', minLength: 1, maxLength: 100 } } },
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['value', 'version', 'source'],
        properties: { value: {}, version: { type: 'string', minLength: 1, maxLength: 50 }, source: { type: 'string', minLength: 1, maxLength: 500 }, revision: revisionProperty },
      },
      response: { 200: { $ref: 'Assessment#' }, ...errorResponses(403, 404, 409, 422, 428) },
    },
    handler: async (request) => {
      const assessment = await storage.getAssessment(request.params.id);
      if (!assessment) throw new ServerError('NOT_FOUND', ASSESSMENT_MESSAGES.noAssessment(request.params.id));
      const ifRevision = expectedRevision(request, true);
      const target = await version(assessment.rubric.id, request.body.version, '/body/version');
      const supplement = prepare(assessment, target, request.params.input, request.body.value, request.body.source, request.caller, '/params/input');
      return storage.updateAssessment(assessment.id, {
        ifRevision,
        change: (latest) => ({ ...latest, supplements: { ...latest.supplements, [request.params.input]: supplement } }),
        audit: (next) => audit(request.caller, 'assessment.supplement', next),
      });
    },
  });

  app.delete<{ Params: { id: string; input: string } }>('/api/assessments/:id/supplements/:input', {
    config: { access: SUPPLIERS },
    schema: {
      tags,
      summary: 'Remove a supplementary answer (If-Match: the revision you read)',
      params: { type: 'object', required: ['id', 'input'], properties: { id: { type: 'string', pattern: RECORD_ID_PATTERN }, input: { type: 'string', minLength: 1, maxLength: 100 } } },
      response: { 200: { $ref: 'Assessment#' }, ...errorResponses(403, 404, 409, 428) },
    },
    handler: async (request) => {
      const assessment = await storage.getAssessment(request.params.id);
      if (!assessment) throw new ServerError('NOT_FOUND', ASSESSMENT_MESSAGES.noAssessment(request.params.id));
      if (own(assessment.supplements ?? {}, request.params.input) === undefined) throw new ServerError('NOT_FOUND', SUPPLEMENT_MESSAGES.noSupplement(assessment.id, request.params.input));
      const ifRevision = expectedRevision(request, true);
      return storage.updateAssessment(assessment.id, {
        ifRevision,
        change: (latest) => {
          const { [request.params.input]: _removed, ...rest } = latest.supplements ?? {};
          return { ...latest, supplements: rest };
        },
        audit: (next) => audit(request.caller, 'assessment.supplement.remove', next),
      });
    },
  });

  app.post<{ Querystring: { rubric: string; version: string }; Body: Buffer }>('/api/supplements', {
    config: { access: SUPPLIERS },
    schema: {
      tags,
      summary: `Record supplementary answers from a CSV or XLSX file (Content-Type ${CSV} or ${XLSX}); first row: community, period, input, value, source (or 社区, 评价期, 输入项, 值, 来源; a period as 2025 final or 2025 终期). Every row is checked first; one bad row and nothing is stored`,
      querystring: { type: 'object', additionalProperties: false, required: ['rubric', 'version'], properties: { rubric: { type: 'string', minLength: 1 }, version: { type: 'string', minLength: 1 } } },
      response: { 200: { type: 'object', required: ['stored'], properties: { stored: { type: 'integer' }, assessments: { type: 'integer' } } }, ...errorResponses(403, 415, 422) },
    },
    handler: async (request) => {
      const type = String(request.headers['content-type'] ?? '').split(';')[0].trim();
      if (type !== CSV && type !== XLSX) throw new ServerError('VALIDATION_FAILED', SUPPLEMENT_MESSAGES.fileType([CSV, XLSX]), [issue('/headers/content-type', SUPPLEMENT_MESSAGES.setContentType([CSV, XLSX]))]);
      const target = await version(request.query.rubric, request.query.version, '/query/version');
      const rows = await readRows(request.body, type);
      // What a row is matched by, read with a cursor: the entries' inputs are never held, only these three fields.
      const submitted: Pick<AssessmentRecord, 'id' | 'communityId' | 'period'>[] = [];
      for await (const a of storage.streamAssessmentEntries({ rubricId: target.id, status: 'submitted' })) submitted.push({ id: a.id, communityId: a.communityId, period: a.period });
      const errors: BilingualIssue[] = [];
      const changes = new Map<string, { record: AssessmentRecord; supplements: Record<string, Supplement> }>();
      for (const [n, row] of rows.entries()) {
        const at = `/rows/${n + 2}`; // the file's line: the header is line 1
        const matches = submitted.filter((a) => a.communityId === row.community && [`${a.period.year} ${a.period.kind}`, periodWords(a.period, 'zh', profile.periodKinds), periodWords(a.period, 'en', profile.periodKinds)].includes(row.period));
        if (matches.length !== 1) {
          errors.push(issue(at, matches.length === 0 ? SUPPLEMENT_MESSAGES.noMatchingAssessment(row.community, row.period, target.id) : SUPPLEMENT_MESSAGES.severalMatching(matches.length, row.community, row.period)));
          continue;
        }
        const entry = changes.get(matches[0].id) ?? { record: (await storage.getAssessment(matches[0].id)) as AssessmentRecord, supplements: {} };
        const { record } = entry;
        try {
          if (own(record.supplements ?? {}, row.input) !== undefined || own(entry.supplements, row.input) !== undefined) {
            throw new ServerError('STATE_CONFLICT', SUPPLEMENT_MESSAGES.alreadySupplied(row.input, record.id));
          }
          const definition = target.document.inputs.find((i) => i.id === row.input);
          const value = definition ? parseValue(row.value, definition) : row.value;
          entry.supplements[row.input] = prepare(record, target, row.input, value, row.source, request.caller, `${at}/input`);
          changes.set(record.id, entry);
        } catch (err) {
          if (err instanceof ServerError) errors.push(issue(at, err.details[0] && err.code !== 'STATE_CONFLICT' ? SUPPLEMENT_MESSAGES.rowInput(row.input, err.details[0].text) : err.text));
          else throw err;
        }
      }
      if (errors.length > 0) throw new ServerError('VALIDATION_FAILED', SUPPLEMENT_MESSAGES.rowsRefused(errors.length, rows.length), errors);
      // Queued together, the changes land in one write of the store (and fail together).
      await Promise.all(
        [...changes.values()].map(({ record, supplements }) =>
          storage.updateAssessment(record.id, {
            ifRevision: record.revision,
            change: (latest) => ({ ...latest, supplements: { ...latest.supplements, ...supplements } }),
            audit: (next) => audit(request.caller, 'assessment.supplement', next),
          }),
        ),
      );
      return { stored: rows.length, assessments: changes.size };
    },
  });
};

/** The rows of an uploaded CSV or XLSX file, by the column names of its first row. */
async function readRows(body: Buffer, type: string): Promise<Row[]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (type === CSV) sheet = await workbook.csv.read(Readable.from([decodeUtf8(body).replace(/^\uFEFF/, '')]));
    else {
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    }
  } catch (err) {
    if (err instanceof ServerError) throw err;
    throw new ServerError('VALIDATION_FAILED', SUPPLEMENT_MESSAGES.fileUnreadable(type === CSV ? 'CSV' : 'XLSX', (err as Error).message), [issue('/body', SUPPLEMENT_MESSAGES.sendReadableFile())]);
  }
  const cells: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    cells.push(values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? String(v.text) : String(v)).trim()));
  });
  const [header, ...data] = cells;
  const where = Object.fromEntries(
    (Object.keys(COLUMNS) as (keyof Row)[]).map((column) => [column, header?.findIndex((name) => COLUMNS[column].includes(name.toLowerCase())) ?? -1]),
  ) as Record<keyof Row, number>;
  const absent = (Object.keys(where) as (keyof Row)[]).filter((column) => where[column] < 0);
  if (absent.length > 0) {
    const columns = Object.values(COLUMNS);
    throw new ServerError('VALIDATION_FAILED', SUPPLEMENT_MESSAGES.columnsMissing(absent), [issue('/rows/1', SUPPLEMENT_MESSAGES.nameColumns(columns.map((names) => names[0]), columns.map((names) => names[1])))]);
  }
  if (data.length === 0) throw new ServerError('VALIDATION_FAILED', SUPPLEMENT_MESSAGES.noRows(), [issue('/rows/2', SUPPLEMENT_MESSAGES.addRows())]);
  if (data.length > MAX_ROWS) throw new ServerError('VALIDATION_FAILED', SUPPLEMENT_MESSAGES.tooManyRows(data.length, MAX_ROWS), [issue('/rows', SUPPLEMENT_MESSAGES.splitFile())]);
  return data.map((row) => ({ community: row[where.community] ?? '', period: row[where.period] ?? '', input: row[where.input] ?? '', value: row[where.value] ?? '', source: row[where.source] ?? '' }));
}

const YES = new Set(['true', 'yes', 'y', '是', '1']);
const NO = new Set(['false', 'no', 'n', '否', '0']);

/** A cell's text as the input's value type (left as text when it does not read; the check then names it). */
function parseValue(text: string, input: InputDefinition): unknown {
  const list = (): string[] => text.split(/[;；,，]/).map((item) => item.trim()).filter(Boolean);
  switch (input.type) {
    case 'boolean':
      return YES.has(text.toLowerCase()) ? true : NO.has(text.toLowerCase()) ? false : text;
    case 'count':
    case 'number':
    case 'percentage':
      return text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    case 'series':
      return list().map((item) => (Number.isFinite(Number(item)) ? Number(item) : item));
    case 'choice':
      return input.options?.find((o) => o.value === text || o.label.zh === text || o.label.en === text)?.value ?? text;
    case 'multiChoice':
      return list().map((item) => input.options?.find((o) => o.value === item || o.label.zh === item || o.label.en === item)?.value ?? item);
  }
}

/** The supplementary answers of an assessment as input values (what rescore and impact read). */
export function supplementValues(record: Pick<AssessmentRecord, 'supplements'>): Record<string, InputValue> {
  return Object.fromEntries(Object.entries(record.supplements ?? {}).map(([id, supplement]) => [id, supplement.value]));
}
