/**
 * What every server test needs: an app on the real lowdb file in a fresh temp directory, calls
 * as a role, and a valid rubric document that each test overrides field by field.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { RubricDocument } from '../../engine/index.ts';
import { type AppOptions, buildApp } from '../../server/app.ts';
import type { Role } from '../../server/storage/types.ts';
import { LOCAL_TOKENS } from '../../server/tokens.ts';

export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
export const EXAMPLES = join(FIXTURES, 'examples');

/** A fresh data directory. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'rubric-studio-server-'));
}

/** An app on `dataDir` (fresh by default) with the documented local tokens. */
export async function startApp(options: Partial<AppOptions> = {}): Promise<FastifyInstance & { dataDir: string }> {
  const dataDir = options.dataDir ?? freshDataDir();
  const app = await buildApp({ tokens: [...LOCAL_TOKENS], ...options, dataDir });
  return Object.assign(app, { dataDir });
}

export const tokenOf = (role: Role): string => LOCAL_TOKENS.find((t) => t.role === role)!.token;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Calls the API as `role` (or without a token for `null`). */
export function call(app: FastifyInstance, role: Role | null, method: Method, url: string, body?: unknown, extra: Partial<InjectOptions> = {}): Promise<LightMyRequestResponse> {
  const { headers, ...rest } = extra;
  return app.inject({
    method,
    url,
    headers: { ...(role && { authorization: `Bearer ${tokenOf(role)}` }), ...headers },
    ...(body !== undefined && { payload: body as InjectOptions['payload'] }),
    ...rest,
  } as InjectOptions);
}

/** The small fixture rubric (2 inputs, 2 indicators, 2 tiers, 2 passing tests), as a draft. */
export function smallRubric(overrides: Partial<RubricDocument> = {}): RubricDocument {
  const doc = JSON.parse(readFileSync(join(EXAMPLES, 'small', 'rubric.json'), 'utf8')) as RubricDocument;
  return { ...doc, ...overrides };
}

/** Complete, valid inputs of the small rubric: 4 + 4 = 8 of 10, tier "good". */
export const COMPLETE_INPUTS = { hasOffice: true, volunteers: 40 };

/**
 * An app holding the small rubric published as 1.0.0 and the community "riverside".
 */
export async function startAppWithPublishedRubric(): Promise<FastifyInstance & { dataDir: string }> {
  const app = await startApp();
  await expectStatus(call(app, 'editor', 'POST', '/api/rubrics', { document: smallRubric() }), 201);
  await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions/1.0.0/publish', { changelog: 'First release.' }), 200);
  await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'riverside', name: 'Riverside', street: 'East Street' }), 201);
  return app;
}

/** Awaits a response and fails with its body when the status differs. */
export async function expectStatus(pending: Promise<LightMyRequestResponse>, status: number): Promise<LightMyRequestResponse> {
  const response = await pending;
  if (response.statusCode !== status) throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body.slice(0, 2000)}`);
  return response;
}

/** A draft assessment body for the small rubric. */
export function assessmentBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    communityId: 'riverside',
    rubric: { id: 'small-rubric', version: '1.0.0' },
    period: { year: 2024, kind: 'final' },
    assessor: 'Test Assessor',
    inputs: COMPLETE_INPUTS,
    ...overrides,
  };
}
