import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HTTP_STATUS } from '../../server/errors.ts';
import { freshDataDir, startApp } from './harness.ts';

describe('the API description and interactive docs', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app.close();
  });

  test('/openapi.json describes every route with shared schemas named by their id', async () => {
    const spec = (await app.inject('/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/rubrics', '/api/rubrics/{id}/versions/{version}/publish', '/api/preview/score', '/api/communities/{id}', '/api/assessments/{id}/rescore', '/api/audit', '/api/me']),
    );
    expect(spec.components.schemas).toHaveProperty('ErrorBody');
    expect(spec.components.schemas.ErrorBody.properties.code.enum).toEqual(Object.keys(HTTP_STATUS));
    expect(spec.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  test('/docs serves Swagger UI under its own CSP, without upgrading to https', async () => {
    const docs = await app.inject('/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  test('responses carry security headers and the UI’s CSP', async () => {
    const response = await app.inject('/');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  test('without a built UI, / says so in a plain page', async () => {
    const response = await app.inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('not built');
  });
});

describe('the built builder UI', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const uiDir = join(freshDataDir(), 'dist');
    mkdirSync(join(uiDir, 'assets'), { recursive: true });
    writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>Builder</title><div id="root"></div>');
    writeFileSync(join(uiDir, 'assets', 'app.js'), 'console.log("builder")');
    app = await startApp({ uiDir });
  });
  afterAll(async () => {
    await app.close();
  });

  test('is served at / with its assets', async () => {
    expect((await app.inject('/')).body).toContain('<title>Builder</title>');
    expect((await app.inject('/assets/app.js')).body).toContain('builder');
  });

  test('answers its client-side routes with index.html', async () => {
    const response = await app.inject({ url: '/rubrics/small-rubric/1.0.0', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Builder</title>');
  });

  test('does not answer API paths or missing assets with the page', async () => {
    const api = await app.inject({ url: '/api/nothing', headers: { accept: 'text/html', authorization: 'Bearer viewer-local-token' } });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('NOT_FOUND');
    expect((await app.inject('/assets/missing.js')).statusCode).toBe(404);
  });
});
