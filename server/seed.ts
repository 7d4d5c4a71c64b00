/**
 * First-start seeding from examples/: every examples/<name>/rubric.json is stored as a published
 * version (when it validates and its tests pass), and every examples/<name>/assessments/*.json
 * is stored as a submitted assessment of its community, scored by the engine. An example that
 * does not fit the deployment profile (its community's attributes, its period kind) is skipped.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { type DeploymentProfile, evaluate, type InputValues, loadRubric, RubricStudioError, runRubricTests } from '../engine/index.ts';
import { subjectMisfits } from './deployment.ts';
import { compiledVersion } from './compiled-rubrics.ts';
import type { AssessmentRecord, AuditDraft, NewRecord, Period, RubricVersionRecord, Storage } from './storage/types.ts';

/** An example assessment file, as the examples folder holds them. */
interface ExampleAssessment {
  name: string;
  /** The community with its attributes (Appendix C: street). */
  community: { id: string; name: string } & Record<string, string>;
  period: Period;
  assessor: string;
  rubric: { id: string; version: string };
  inputs: InputValues;
  notApplicable?: Record<string, string>;
  expect?: { total?: number; tier?: string | null };
}

const seeder = (action: string, target: string, rubric?: AuditDraft['rubric']): AuditDraft => ({ actor: 'seed', role: 'system', action, target, ...(rubric && { rubric }) });

/** Seeds the store from `examplesDir`; a broken example is logged and skipped, never fatal. */
export async function seedExamples(storage: Storage, examplesDir: string, log: FastifyBaseLogger, profile: DeploymentProfile): Promise<{ rubrics: number; assessments: number }> {
  const counts = { rubrics: 0, assessments: 0 };
  if (!existsSync(examplesDir)) return counts;
  const folders = readdirSync(examplesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(examplesDir, d.name));
  for (const folder of folders.filter((f) => existsSync(join(f, 'rubric.json')))) {
    if (await seedRubric(storage, join(folder, 'rubric.json'), log)) counts.rubrics += 1;
  }
  for (const folder of folders.filter((f) => existsSync(join(f, 'assessments')))) {
    const files = readdirSync(join(folder, 'assessments')).filter((f) => f.endsWith('.json')).sort();
    for (const file of files) if (await seedAssessment(storage, join(folder, 'assessments', file), log, profile)) counts.assessments += 1;
  }
  return counts;
}

async function seedRubric(storage: Storage, file: string, log: FastifyBaseLogger): Promise<boolean> {
  try {
    const draft = loadRubric({ ...JSON.parse(readFileSync(file, 'utf8')), status: 'draft' });
    const report = await runRubricTests(draft);
    const publish = report.failed === 0;
    if (!publish) log.warn({ file, failed: report.failed }, 'example rubric fails its tests: stored as a draft');
    const now = new Date().toISOString();
    const status = publish ? 'published' : 'draft';
    const record: NewRecord<RubricVersionRecord> = {
      id: draft.doc.id,
      version: draft.doc.version,
      status,
      hash: draft.hash,
      document: { ...draft.doc, status },
      warnings: draft.warnings,
      createdAt: now,
      updatedAt: now,
      publishedAt: publish ? now : null,
      retiredAt: null,
    };
    await storage.insertRubricVersion(record, seeder(publish ? 'seed.rubric.publish' : 'seed.rubric.create', `rubric:${record.id}@${record.version}`, { id: record.id, version: record.version, hash: record.hash }));
    return true;
  } catch (err) {
    log.warn({ file, err: describe(err) }, 'example rubric skipped');
    return false;
  }
}

async function seedAssessment(storage: Storage, file: string, log: FastifyBaseLogger, profile: DeploymentProfile): Promise<boolean> {
  try {
    const example = JSON.parse(readFileSync(file, 'utf8')) as ExampleAssessment;
    const version = await storage.getRubricVersion(example.rubric.id, example.rubric.version);
    if (!version) throw new Error(`rubric ${example.rubric.id} ${example.rubric.version} is not stored`);
    const { id } = example.community;
    if (!profile.periodKinds.some((k) => k.id === example.period.kind)) throw new Error(`period kind "${example.period.kind}" is not in the deployment profile`);
    const misfits = subjectMisfits(profile, example.community);
    if (misfits.length > 0) throw new Error(`community ${id} does not fit the deployment profile: ${misfits.map((m) => m.en).join('; ')}`);
    if (!(await storage.getCommunity(id))) {
      const now = new Date().toISOString();
      await storage.insertCommunity({ ...example.community, createdAt: now, updatedAt: now }, seeder('seed.community.create', `community:${id}`));
    }
    const rubric = compiledVersion(version);
    const notApplicable = example.notApplicable ?? {};
    let result = null;
    try {
      result = await evaluate(rubric, { inputs: example.inputs, notApplicable }, { requireComplete: true });
    } catch (err) {
      // An example with missing inputs is a draft in progress.
      if (!(err instanceof RubricStudioError && err.code === 'INPUTS_INCOMPLETE')) throw err;
    }
    if (result && example.expect?.total !== undefined && result.total !== example.expect.total) {
      log.warn({ file, expected: example.expect.total, got: result.total }, 'example assessment scores differently from its expectation');
    }
    const now = new Date().toISOString();
    const record: NewRecord<AssessmentRecord> = {
      id: randomUUID(),
      communityId: id,
      rubric: { id: version.id, version: version.version },
      period: example.period,
      assessor: example.assessor,
      status: result ? 'submitted' : 'draft',
      inputs: example.inputs,
      notApplicable,
      result,
      rubricHash: result ? rubric.hash : null,
      createdAt: now,
      updatedAt: now,
      submittedAt: result ? now : null,
    };
    await storage.insertAssessment(record, seeder(result ? 'seed.assessment.submit' : 'seed.assessment.create', `assessment:${record.id}`, result ? result.rubric : undefined));
    return true;
  } catch (err) {
    log.warn({ file, err: describe(err) }, 'example assessment skipped');
    return false;
  }
}

function describe(err: unknown): string {
  if (err instanceof RubricStudioError) return `${err.code}: ${err.message} ${err.details.map((d) => `${d.path} ${d.message}`).join('; ')}`;
  return (err as Error).message;
}
