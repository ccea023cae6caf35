import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seed } from '../helpers/fixtures.js';
import { expectError, post, responseValidator, seedArchive, serve, SLOW_WORKER } from './helpers.js';

// Servers start worker threads through tsx here: seconds, not milliseconds, on a busy two-core machine.
vi.setConfig({ testTimeout: 30_000 });

// Authentication, body size, the bounded queue, the time limit, worker crashes and graceful shutdown, each on
// its own small server. Where timing matters, the stand-in worker (fixtures/slow-worker.ts) makes it exact.
let archivePath: string;
const servers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  archivePath = await seedArchive();
}, 30_000);
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Wait until /healthz reports this many started workers (a replaced worker takes a moment to start). */
async function workersReady(server: { url: string }, n: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (((await (await fetch(`${server.url}/healthz`)).json()) as { workers: number }).workers === n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${n} workers never became ready`);
}

async function start(options: Parameters<typeof serve>[0] extends infer O ? Partial<O> : never) {
  const server = await serve({ archive: archivePath, ...options });
  servers.push(server);
  return server;
}

describe('bearer token', () => {
  it('401 without or with a wrong token on every API route; /healthz and the page stay open', async () => {
    const server = await start({ token: 's3cret', workerUrl: SLOW_WORKER });
    const auth = { authorization: 'Bearer s3cret' };
    const validate = await responseValidator(server, auth);
    const routes: [string, string, unknown?][] = [
      ['POST', '/v1/check', { text: 'x' }],
      ['POST', '/v1/check/report', { text: 'x', document: '000000000000' }],
      ['POST', '/v1/compare', { source: 'x', candidate: 'y' }],
      ['POST', '/v1/compare/report', { source: 'x', candidate: 'y' }],
      ['POST', '/v1/documents', { path: 'a', text: 'x' }],
      ['GET', '/v1/documents/000000000000'],
      ['DELETE', '/v1/documents/000000000000'],
      ['GET', '/v1/stats'],
      ['GET', '/openapi.json'],
    ];
    for (const [method, path, body] of routes) {
      for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: 'Basic czNjcmV0' }] as Record<string, string>[]) {
        const response = await fetch(server.url + path, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
        expect(response.status, `${method} ${path} with ${JSON.stringify(headers)}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
        const error = await response.json();
        expectError(error, 401, 'unauthorized');
        if (path !== '/openapi.json') validate(path.replace('000000000000', '{id}'), method, response, error);
      }
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect((await fetch(`${server.url}/v1/stats`, { headers: auth })).status).toBe(200);
    expect((await post(server, '/v1/check', { text: 'hello' }, auth)).status).toBe(200);
    const doc = (await (await fetch(`${server.url}/openapi.json`, { headers: auth })).json()) as any;
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/healthz'].get.security).toEqual([]);
  });
});

describe('request body limit', () => {
  it('413 for a body over the limit, JSON error, the server carries on', async () => {
    const server = await start({ bodyLimit: 4096, workerUrl: SLOW_WORKER });
    const response = await post(server, '/v1/check', { text: seed('sieff-oped') });
    expect(response.status).toBe(413);
    expectError(await response.json(), 413, 'too-large');
    expect((await post(server, '/v1/check', { text: 'short' })).status).toBe(200);
  });

  it('the default limit is 5 MB', async () => {
    const server = await start({ workerUrl: SLOW_WORKER });
    expect((await post(server, '/v1/check', { text: 'x'.repeat(5 * 1024 * 1024) })).status).toBe(413);
    expect((await post(server, '/v1/check', { text: 'x'.repeat(4 * 1024 * 1024) })).status).toBe(200);
  });
});

describe('bounded concurrency', () => {
  it('429 with Retry-After when every worker is busy and the queue is full; queued requests are served', async () => {
    const server = await start({ workers: 1, queue: 1, workerUrl: SLOW_WORKER });
    const running = post(server, '/v1/check', { text: 'sleep 600' });
    await new Promise((r) => setTimeout(r, 100));
    const queued = post(server, '/v1/check', { text: 'sleep 10' });
    await new Promise((r) => setTimeout(r, 100));
    const refused = await post(server, '/v1/check', { text: 'sleep 10' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expectError(await refused.json(), 429, 'overloaded');
    expect((await running).status).toBe(200);
    expect((await queued).status).toBe(200);
  });

  it('a client that disconnects while waiting gives up its place in the queue', async () => {
    const server = await start({ workers: 1, queue: 1, workerUrl: SLOW_WORKER });
    const running = post(server, '/v1/check', { text: 'sleep 800' });
    await new Promise((r) => setTimeout(r, 100));
    const impatient = new AbortController();
    const abandoned = fetch(`${server.url}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'sleep 10' }), signal: impatient.signal });
    await new Promise((r) => setTimeout(r, 100));
    impatient.abort();
    await expect(abandoned).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 100));
    // Its place is free again: the next request queues instead of being refused.
    const next = post(server, '/v1/check', { text: 'sleep 10' });
    expect((await running).status).toBe(200);
    expect((await next).status).toBe(200);
    expect(server.logs).toEqual([]);
  });

  it('with the real worker: a second check while the only worker is busy and no queue is allowed gets 429', async () => {
    const server = await start({ workers: 1, queue: 0 });
    const text = seed('pasha-rewrite').repeat(3);
    const [a, b] = await Promise.all([post(server, '/v1/check', { text }), post(server, '/v1/check', { text })]);
    expect([a.status, b.status].sort()).toEqual([200, 429]);
  }, 30_000);

  it('429 when too many archive writes are waiting', async () => {
    const server = await start({ writeQueue: 1, workerUrl: SLOW_WORKER });
    const docs = (tag: string) => Array.from({ length: 40 }, (_, i) => ({ path: `/load/${tag}-${i}.txt`, text: `${seed('cgtn-shared-future')}\n${tag} ${i}` }));
    const statuses = (await Promise.all(['a', 'b', 'c'].map((t) => post(server, '/v1/documents', docs(t))))).map((r) => r.status);
    expect(statuses).toContain(200);
    expect(statuses).toContain(429);
  });
});

describe('time limit', () => {
  it('503 when an analysis overruns: the busy worker is terminated and replaced', async () => {
    const server = await start({ timeLimitMs: 300, workerUrl: SLOW_WORKER });
    const started = Date.now();
    const response = await post(server, '/v1/check', { text: 'spin 5000' });
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3000);
    expectError(await response.json(), 503, 'timeout');
    await workersReady(server, 1);
    expect((await post(server, '/v1/check', { text: 'sleep 1' })).status).toBe(200);
  });

  it('the limit counts from arrival, queueing included: a short task behind a long one can overrun', async () => {
    const server = await start({ timeLimitMs: 400, queue: 4, workerUrl: SLOW_WORKER });
    const first = post(server, '/v1/check', { text: 'sleep 350' });
    await new Promise((r) => setTimeout(r, 50));
    const second = await post(server, '/v1/compare', { source: 'sleep 300', candidate: 'x' });
    expect((await first).status).toBe(200);
    expect(second.status).toBe(503);
    expectError(await second.json(), 503, 'timeout');
  });

  it('with the real worker: a limit shorter than any check answers 503', async () => {
    const tight = await start({ timeLimitMs: 1 });
    const response = await post(tight, '/v1/check', { text: seed('pasha-rewrite') });
    expect(response.status).toBe(503);
    expectError(await response.json(), 503, 'timeout');
  }, 30_000);
});

describe('worker crash', () => {
  it('500 with a one-line JSON error, logged; a new worker takes over', async () => {
    const server = await start({ workerUrl: SLOW_WORKER });
    const response = await post(server, '/v1/check', { text: 'crash' });
    expect(response.status).toBe(500);
    expectError(await response.json(), 500, 'internal');
    expect(server.logs.join('\n')).toMatch(/analysis worker crashed/);
    expect((await post(server, '/v1/check', { text: 'sleep 1' })).status).toBe(200);
  });
});

describe('graceful shutdown', () => {
  it('finishes requests in flight, refuses new ones with 503 or a closed socket, then stops', async () => {
    const server = await serve({ archive: archivePath, workerUrl: SLOW_WORKER });
    const inFlight = post(server, '/v1/check', { text: 'sleep 800' });
    await new Promise((r) => setTimeout(r, 150));
    const closed = server.close();
    await new Promise((r) => setTimeout(r, 50));
    const late = await post(server, '/v1/check', { text: 'sleep 1' }).then(
      async (r) => ({ status: r.status, body: await r.json() }),
      () => ({ status: 0, body: undefined }),
    );
    if (late.status !== 0) {
      expect(late.status).toBe(503);
      expectError(late.body, 503, 'shutting-down');
    }
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ command: 'sleep 800' });
    await closed;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
