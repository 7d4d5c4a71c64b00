/**
 * What arrives on the wire before any route runs: a request that never finishes is cut off in
 * time with a catalogue error, and bytes that are not UTF-8 are refused instead of being stored
 * with replacement characters.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { ANY_ROLE } from '../../server/access.ts';
import { call, expectStatus, startApp, startAppWithPublishedRubric, tokenOf } from '../server/harness.ts';

describe('request limits', () => {
  /** What the server answers on a raw socket to `payload`, sent and then left unfinished. */
  async function stalled(port: number, payload: string): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(payload));
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
  }

  test.each([
    ['headers', 'GET /api/health HTTP/1.1\r\nHost: x\r\n'],
    ['body', `POST /api/communities HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokenOf('assessor')}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"id":`],
  ])('a request whose %s never complete gets 408 REQUEST_TIMEOUT in the catalogue shape, and nothing is stored', async (_part, payload) => {
    const app = await startApp({ httpLimits: { requestTimeout: 1_500 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const answer = await stalled((app.server.address() as AddressInfo).port, payload);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ statusCode: 408, code: 'REQUEST_TIMEOUT', error: 'Request Timeout', details: [expect.objectContaining({ message: expect.any(String) })] });
    expect((await call(app, 'viewer', 'GET', '/api/communities')).json()).toEqual([]);
    await app.close();
  });

  test('an answer that takes longer than the connection timeout still arrives: that timeout is for quiet clients, not the server\'s work', async () => {
    const app = await startApp({ httpLimits: { connectionTimeout: 150 } });
    // A route as slow as a large impact analysis, relative to the timeout.
    app.get('/api/slow-answer', { config: { access: ANY_ROLE } }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      return { done: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/api/slow-answer`, { headers: { authorization: `Bearer ${tokenOf('viewer')}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    // A client that goes quiet before its request is complete is still cut off.
    const quiet = await stalled(port, 'GET /api/health HTTP/1.1\r\nHost: x\r\n');
    expect(quiet).not.toMatch(/^HTTP\/1\.1 200/);
    await app.close();
  });

  test('a body that is not UTF-8 is 400 BODY_NOT_UTF8 and nothing is stored', async () => {
    const app = await startAppWithPublishedRubric();
    const latin1 = Buffer.concat([Buffer.from('{"id":"hill","name":"Caf'), Buffer.from([0xe9]), Buffer.from('","street":"S"}')]);
    const response = await call(app, 'assessor', 'POST', '/api/communities', undefined, { payload: latin1, headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BODY_NOT_UTF8' });
    expect((await call(app, 'viewer', 'GET', '/api/communities/hill')).statusCode).toBe(404);
    const utf8 = await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'hill', name: 'Café 社区', street: 'S' }), 201);
    expect(utf8.json().name).toBe('Café 社区');
    await app.close();
  });
});
