/**
 * The live score of a stored version, as the assessment form asks for it while an assessor types:
 * on the real server and lowdb file seeded with the examples (Appendix C published as 1.0.0).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, expectStatus, startApp } from './harness.ts';

const root = join(import.meta.dirname, '../..');
const URL_C = '/api/rubrics/binjiang-home-plus/versions/1.0.0/live-score';
const example = (name: string) => JSON.parse(readFileSync(join(root, `examples/appendix-c/assessments/${name}.json`), 'utf8')).inputs as Record<string, unknown>;
const demonstration = example('01-demonstration');

let app: FastifyInstance;
beforeAll(async () => {
  app = await startApp({ seedFrom: join(root, 'examples') });
});
afterAll(async () => {
  await app.close();
});

describe('live score of a stored version', () => {
  test('a few answers give the points so far, the reachable range, the tiers still possible and the next tier', async () => {
    const live = (await expectStatus(call(app, 'assessor', 'POST', URL_C, { inputs: { siteWellLocated: true, signInstalled: true } }), 200)).json();
    expect(live).toMatchObject({ complete: false, max: 100, tier: null, tierSoFar: 'basic', nextTier: { id: 'standard', label: { zh: expect.any(String), en: expect.any(String) } } });
    expect(live.total).toBeGreaterThan(0);
    expect(live.nextTier.pointsToReach).toBe(80 - live.total);
    expect(live.reachable.total.min).toBeGreaterThanOrEqual(live.total);
    expect(live.reachable.total.max).toBe(100);
    expect(live.reachable.tiers).toEqual(['basic', 'standard', 'demonstration']);
  });

  test('the hall floor and walls are not needed once the hall is answered no, and needed again when it is yes', async () => {
    const noHall = (await expectStatus(call(app, 'assessor', 'POST', URL_C, { inputs: { deliberationHall: false } }), 200)).json();
    expect(noHall.notNeeded).toEqual(expect.arrayContaining(['hallWallsNotWoodOrMarble', 'hallFloorTiles']));
    const hall = (await expectStatus(call(app, 'assessor', 'POST', URL_C, { inputs: { deliberationHall: true } }), 200)).json();
    expect(hall.notNeeded).not.toContain('hallFloorTiles');
  });

  test('complete answers give the final tier, no reachable range and nothing left to answer', async () => {
    const live = (await expectStatus(call(app, 'viewer', 'POST', URL_C, { inputs: demonstration }), 200)).json();
    expect(live).toMatchObject({ complete: true, tier: 'demonstration', tierSoFar: 'demonstration', reachable: null, nextTier: null });
  });

  test('a wrong value is INPUTS_INVALID naming the input; a field the body does not have is VALIDATION_FAILED naming it', async () => {
    const wrong = await call(app, 'assessor', 'POST', URL_C, { inputs: { deliberationHall: 'yes' } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'INPUTS_INVALID', details: [{ path: '/inputs/deliberationHall' }] });
    const extra = await call(app, 'assessor', 'POST', URL_C, { inputs: {}, partial: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(extra.json())).toContain('partial');
  });

  test('a draft submitted with the questions that cannot score left blank is scored complete, as with them answered', async () => {
    // 07: no elderly room, children's room, hall or desk, so their extras are not needed (the example answers them yes: total 54).
    const blanks = ['elderlyFloorAboveR9', 'elderlyWarmWalls', 'childrenSoftFloor', 'hallWallsNotWoodOrMarble', 'hallFloorTiles', 'deskTricolourSign', 'deskColoursAtMostThree', 'deskFloorTileOrVinyl', 'deskUnobstructed'];
    const inputs = Object.fromEntries(Object.entries(example('07-extras-without-rooms')).filter(([id]) => !blanks.includes(id)));
    const live = (await expectStatus(call(app, 'assessor', 'POST', URL_C, { inputs }), 200)).json();
    expect(live.notNeeded).toEqual(expect.arrayContaining(blanks));
    await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'blank-extras', name: '空白加分项社区', street: '西兴街道' }), 201);
    const draft = (
      await expectStatus(
        call(app, 'assessor', 'POST', '/api/assessments', { communityId: 'blank-extras', rubric: { id: 'binjiang-home-plus', version: '1.0.0' }, period: { year: 2025, kind: 'final' }, assessor: 'Test Assessor', inputs }),
        201,
      )
    ).json();
    const submitted = (await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`), 200)).json();
    expect(submitted.result).toMatchObject({ complete: true, total: 54, tier: 'basic' });
  });

  test('a version that does not exist is 404, and a caller without a token is 401', async () => {
    expect((await call(app, 'assessor', 'POST', '/api/rubrics/binjiang-home-plus/versions/9.9.9/live-score', { inputs: {} })).json().code).toBe('NOT_FOUND');
    expect((await call(app, null, 'POST', URL_C, { inputs: {} })).statusCode).toBe(401);
  });
});
