/**
 * Impact analyses and results exports read as a stream give what the same analysis or export over
 * an array gives: the same report at every batch size (batches that divide the assessments and
 * batches that do not, one assessment per batch, one batch for all), over threads too; and the
 * same CSV text and workbook cells.
 */
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { readAssessmentFolder } from '../../engine/cli/cli-impact.ts';
import {
  analyzeImpact,
  analyzeImpactStream,
  analyzeImpactStreamInThreads,
  evaluate,
  type ImpactAssessment,
  loadRubric,
  type ResultRow,
  type RubricDocument,
  resultColumns,
  resultsCsv,
  resultsCsvText,
  resultsXlsx,
  writeResultsXlsx,
} from '../../engine/index.ts';
import { seededRandom, syntheticAssessment } from '../bench/appendix-c-inputs.ts';
import { appendixCRevision } from './revision.ts';

const doc = JSON.parse(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
const base = loadRubric(doc);
const candidate = loadRubric(appendixCRevision(doc));
const worker = new URL('../../engine/compare/impact-worker.ts', import.meta.url);
const random = seededRandom(23);
const many: ImpactAssessment[] = Array.from({ length: 2_000 }, (_, i) => ({
  id: `a${i}`,
  communityId: `c${i % 300}`,
  attributes: { street: i % 2 ? '长河街道' : '西兴街道' },
  period: `${2021 + (i % 3)} final`,
  inputs: i % 40 === 3 ? { ...syntheticAssessment(random), unknownInput: 1 } : syntheticAssessment(random),
}));

/** The assessments one at a time, as a cursor yields them, counting how many were read. */
function cursor<T>(items: T[]): AsyncIterable<T> & { read: number } {
  const stream = {
    read: 0,
    async *[Symbol.asyncIterator]() {
      for (const item of items) {
        stream.read += 1;
        yield item;
      }
    },
  };
  return stream;
}

describe('impact over a stream', () => {
  test.each([1, 7, 500, 1_000, 1_999, 5_000])('in batches of %i: the report of the whole array', async (batchSize) => {
    const expected = analyzeImpact(base, candidate, many);
    const stream = cursor(many);
    expect(await analyzeImpactStream(base, candidate, stream, undefined, batchSize)).toEqual(expected);
    expect(stream.read).toBe(many.length);
  });

  test('with a filter and an input the candidate drops, at a batch size that leaves a short last batch', async () => {
    const filter = { attributes: { street: '西兴街道' }, tier: 'standard' };
    expect(await analyzeImpactStream(base, candidate, cursor(many), filter, 333)).toEqual(analyzeImpact(base, candidate, many, filter));
  });

  test('an empty stream gives the report of no assessments', async () => {
    expect(await analyzeImpactStream(base, candidate, cursor([]))).toEqual(analyzeImpact(base, candidate, []));
  });

  test('refuses a batch size that is not a positive integer, naming it', async () => {
    await expect(analyzeImpactStream(base, candidate, cursor(many), undefined, 0)).rejects.toThrow('size must be a positive integer, not 0');
  });

  test.each([
    ['no filter', undefined],
    ['one period', { period: '2022 final' }],
  ] as const)('over threads, batches sent to workers as they are read (%s): the report of one thread', async (_name, filter) => {
    const report = await analyzeImpactStreamInThreads(base, candidate, cursor(many), filter, { worker, threads: 3, minimumPerThread: 300, batchSize: 170 });
    expect(report).toEqual(analyzeImpact(base, candidate, many, filter));
  }, 60_000);

  test('over threads, a short stream never starts a worker', async () => {
    const few = many.slice(0, 50);
    const report = await analyzeImpactStreamInThreads(base, candidate, cursor(few), undefined, { worker: new URL('file:///nonexistent-worker.js'), threads: 4, batchSize: 10 });
    expect(report).toEqual(analyzeImpact(base, candidate, few));
  });
});

describe('results export over a stream', async () => {
  const tierLabels = Object.fromEntries(doc.tiers.map((t) => [t.id, t.label]));
  const rows: ResultRow[] = [];
  for (const a of readAssessmentFolder(new URL('../../examples/appendix-c/assessments/', import.meta.url).pathname)) {
    rows.push({ communityId: a.communityId, community: a.communityName, attributes: a.attributes, period: a.period, result: await evaluate(base, { inputs: a.inputs }), tierLabels });
  }

  test.each(['zh', 'en'] as const)('CSV pieces joined are the CSV of the whole array (%s)', async (lang) => {
    let text = '';
    for await (const piece of resultsCsvText(resultColumns(rows.slice(0, 1), lang), cursor(rows), lang)) text += piece;
    expect(Buffer.from(text, 'utf8')).toEqual(resultsCsv(rows, lang));
  });

  test('the streamed workbook holds the cells of the workbook built whole', async () => {
    const file = new PassThrough();
    const chunks: Buffer[] = [];
    file.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeResultsXlsx(file, resultColumns(rows.slice(0, 1)), cursor(rows));
    const cells = async (buffer: Buffer): Promise<unknown[][]> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const values: unknown[][] = [[sheet.name, sheet.views[0]?.state]];
      sheet.eachRow({ includeEmpty: false }, (row) => values.push((row.values as unknown[]).slice(1)));
      return values;
    };
    expect(await cells(Buffer.concat(chunks))).toEqual(await cells(await resultsXlsx(rows)));
  });
});
