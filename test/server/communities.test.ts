import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, expectStatus, startApp } from './harness.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app.close();
});

describe('communities', () => {
  test('an assessor adds a community with its street and details', async () => {
    const created = (await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'hillside', name: 'Hillside', street: 'North Street', district: 'Binjiang', contact: 'Ms Li' }), 201)).json();
    expect(created).toMatchObject({ id: 'hillside', name: 'Hillside', street: 'North Street', district: 'Binjiang', contact: 'Ms Li' });
  });

  test('communities are the assessors\' to write: an editor is refused', async () => {
    const refused = await call(app, 'editor', 'POST', '/api/communities', { id: 'lakeside', name: 'Lakeside', street: 'West Street' });
    expect(refused.statusCode).toBe(403);
    await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'lakeside', name: 'Lakeside', street: 'West Street' }), 201);
  });

  test('the same id twice is a conflict', async () => {
    const response = await call(app, 'assessor', 'POST', '/api/communities', { id: 'hillside', name: 'Other', street: 'Other' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('ALREADY_EXISTS');
  });

  test('a viewer lists and reads them', async () => {
    const list = (await call(app, 'viewer', 'GET', '/api/communities')).json();
    expect(list.map((c: { id: string }) => c.id)).toEqual(['hillside', 'lakeside']);
    expect((await call(app, 'viewer', 'GET', '/api/communities/hillside')).json().street).toBe('North Street');
  });

  test('updating replaces the fields but keeps the id and creation time', async () => {
    const before = (await call(app, 'viewer', 'GET', '/api/communities/hillside')).json();
    const after = (await expectStatus(call(app, 'assessor', 'PUT', '/api/communities/hillside', { name: 'Hillside Garden', street: 'North Street', revision: 1 }), 200)).json();
    expect(after).toMatchObject({ id: 'hillside', name: 'Hillside Garden', createdAt: before.createdAt });
    expect(after).not.toHaveProperty('district');
  });

  test('the id in an update body must match the URL', async () => {
    const response = await call(app, 'assessor', 'PUT', '/api/communities/hillside', { id: 'elsewhere', name: 'X', street: 'Y', revision: 1 });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });

  test('an unknown community is 404', async () => {
    expect((await call(app, 'viewer', 'GET', '/api/communities/nowhere')).statusCode).toBe(404);
    expect((await call(app, 'assessor', 'PUT', '/api/communities/nowhere', { name: 'X', street: 'Y' })).statusCode).toBe(404);
  });

  test('a community needs a name and a street', async () => {
    const response = await call(app, 'assessor', 'POST', '/api/communities', { id: 'nameless', street: 'Y' });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toContainEqual({ path: '/body/name', message: 'is required', text: { en: 'is required', zh: '为必填项：请补充' } });
  });
});
