import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openArchive } from '../../src/archive/archive.js';
import { compare } from '../../src/compare.js';
import { renderCheck } from '../../src/report/check.js';
import { renderCompare } from '../../src/report/render.js';
import { fixturePath, seed } from '../helpers/fixtures.js';
import { ARCHIVED, expectError, post, responseValidator, seedArchive, serve } from './helpers.js';

// Servers start worker threads through tsx here: seconds, not milliseconds, on a busy two-core machine.
vi.setConfig({ testTimeout: 30_000 });

// The API over real HTTP on loopback, against the real analysis workers and a seeded archive file.
let server: Awaited<ReturnType<typeof serve>>;
let archivePath: string;
let validate: Awaited<ReturnType<typeof responseValidator>>;

beforeAll(async () => {
  archivePath = await seedArchive();
  server = await serve({ archive: archivePath, workers: 2 });
  validate = await responseValidator(server);
}, 60_000);
afterAll(async () => {
  await server?.close();
});

async function json(response: Response): Promise<any> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.json();
}

describe('POST /v1/check', () => {
  it('answers the same JSON as `parascope check --format json`, the rewrite matching the op-ed', async () => {
    const response = await post(server, '/v1/check', { text: seed('pasha-rewrite'), title: 'pasha.txt' });
    expect(response.status).toBe(200);
    const text = await response.text();
    const archive = openArchive(archivePath, { readonly: true });
    const expected = renderCheck('json', await archive.checkReport(seed('pasha-rewrite'), { path: 'pasha.txt', top: 10 }));
    await archive.close();
    expect(text).toBe(expected);
    const body = JSON.parse(text);
    validate('/v1/check', 'POST', response, body);
    expect(body.matches[0].document.path).toBe(fixturePath('sieff-oped.txt'));
    expect(body.verdict).toBe('paraphrase');
    expect(response.headers.get('parascope-gate')).toBe('fail');
  });

  it('top limits the matches; failOn sets the gate header like the CLI exit code', async () => {
    const pass = await post(server, '/v1/check', { text: seed('pasha-rewrite'), top: 1, failOn: 'duplicate' });
    expect(pass.status).toBe(200);
    expect(pass.headers.get('parascope-gate')).toBe('pass');
    const body = await json(pass);
    expect(body.matches.length).toBeLessThanOrEqual(1);
    expect(body.candidate.path).toBeNull();
    const strict = await post(server, '/v1/check', { text: seed('pasha-rewrite'), failOn: 'partial-reuse' });
    expect(strict.headers.get('parascope-gate')).toBe('fail');
  });

  it('an unrelated text: verdict none, gate pass', async () => {
    const response = await post(server, '/v1/check', { text: 'Harbour council approves the new ferry timetable after a long debate about fares.' });
    const body = await json(response);
    validate('/v1/check', 'POST', response, body);
    expect(body.verdict).toBe('none');
    expect(response.headers.get('parascope-gate')).toBe('pass');
  });
});

describe('POST /v1/check/report', () => {
  it('renders the side-by-side report of one match', async () => {
    const check = await json(await post(server, '/v1/check', { text: seed('pasha-rewrite') }));
    const response = await post(server, '/v1/check/report', { text: seed('pasha-rewrite'), document: check.matches[0].document.id });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).toContain('id="verdict"');
    expect(html).toContain('Paraphrase');
  });

  it('404 for a document that is not a match of the text', async () => {
    const response = await post(server, '/v1/check/report', { text: seed('pasha-rewrite'), document: '000000000000' });
    expect(response.status).toBe(404);
    const body = await json(response);
    validate('/v1/check/report', 'POST', response, body);
    expectError(body, 404, 'not-found');
  });
});

describe('POST /v1/compare', () => {
  it('answers the same JSON as `parascope compare --format json`', async () => {
    const response = await post(server, '/v1/compare', { source: seed('sieff-oped'), candidate: seed('pasha-rewrite'), sourceTitle: 'sieff.txt' });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toBe(renderCompare('json', compare(seed('sieff-oped'), seed('pasha-rewrite'), { sourcePath: 'sieff.txt' }), seed('sieff-oped'), seed('pasha-rewrite')));
    const body = JSON.parse(text);
    validate('/v1/compare', 'POST', response, body);
    expect(body.verdict).toBe('paraphrase');
    expect(body.source.path).toBe('sieff.txt');
    expect(body.candidate.path).toBeNull();
  });

  it('/v1/compare/report renders the side-by-side report', async () => {
    const response = await post(server, '/v1/compare/report', { source: seed('sieff-oped'), candidate: seed('chinadaily-cements-ties') });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('No reuse found');
  });
});

describe('documents', () => {
  it('add one, read it, find it with check (the workers see the write), remove it', async () => {
    const path = '/newsroom/wire/pasha-copy.txt';
    const added = await post(server, '/v1/documents', { path, text: seed('pasha-rewrite'), meta: { desk: 'wire' } });
    expect(added.status).toBe(200);
    const body = await json(added);
    validate('/v1/documents', 'POST', added, body);
    expect(body.documents).toHaveLength(1);
    expect(body.documents[0].outcome).toBe('added');
    const doc = body.documents[0].document;
    expect(doc).toMatchObject({ path, meta: { desk: 'wire' }, length: seed('pasha-rewrite').length });

    const got = await fetch(`${server.url}/v1/documents/${doc.id}`);
    const gotBody = await json(got);
    validate('/v1/documents/{id}', 'GET', got, gotBody);
    expect(gotBody).toEqual({ document: doc, text: seed('pasha-rewrite') });

    // The op-ed now has two archived reusers; checking the op-ed itself finds the copy just written.
    const check = await json(await post(server, '/v1/check', { text: seed('sieff-oped') }));
    expect(check.matches.map((m: any) => m.document.id)).toContain(doc.id);

    const again = await json(await post(server, '/v1/documents', [{ path, text: seed('pasha-rewrite'), meta: { desk: 'wire' } }]));
    expect(again.documents[0]).toMatchObject({ outcome: 'unchanged', document: { id: doc.id } });

    const removed = await fetch(`${server.url}/v1/documents/${doc.id}`, { method: 'DELETE' });
    const removedBody = await json(removed);
    validate('/v1/documents/{id}', 'DELETE', removed, removedBody);
    expect(removedBody.removed).toEqual(doc);
    const gone = await fetch(`${server.url}/v1/documents/${doc.id}`);
    expect(gone.status).toBe(404);
    expectError(await json(gone), 404, 'not-found');
    const twice = await fetch(`${server.url}/v1/documents/${doc.id}`, { method: 'DELETE' });
    expect(twice.status).toBe(404);
    validate('/v1/documents/{id}', 'DELETE', twice, await json(twice));
  });

  it('adds many in one request, in request order; changed text at the same path replaces it and keeps the id', async () => {
    const first = await json(await post(server, '/v1/documents', [
      { path: '/batch/a.txt', text: seed('cgtn-shared-future') },
      { path: '/batch/b.txt', text: seed('globaltimes-mutual-trust') },
    ]));
    expect(first.documents.map((d: any) => [d.outcome, d.document.path])).toEqual([['added', '/batch/a.txt'], ['added', '/batch/b.txt']]);
    const replaced = await json(await post(server, '/v1/documents', { path: '/batch/a.txt', text: seed('chinadaily-cements-ties') }));
    expect(replaced.documents[0].outcome).toBe('replaced');
    expect(replaced.documents[0].document.id).toBe(first.documents[0].document.id);
    for (const d of first.documents) expect((await fetch(`${server.url}/v1/documents/${d.document.id}`, { method: 'DELETE' })).status).toBe(200);
  });

  it('GET /v1/stats counts the archive', async () => {
    const response = await fetch(`${server.url}/v1/stats`);
    const body = await json(response);
    validate('/v1/stats', 'GET', response, body);
    expect(body.documents).toBe(ARCHIVED.length);
    expect(body.schemaVersion).toBeGreaterThan(0);
  });
});

describe('service routes', () => {
  it('GET /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`);
    const body = await json(response);
    validate('/healthz', 'GET', response, body);
    expect(body).toMatchObject({ status: 'ok', workers: 2 });
  });

  it('GET /openapi.json documents every API route with request and response schemas', async () => {
    const doc = await json(await fetch(`${server.url}/openapi.json`));
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths).sort()).toEqual(['/healthz', '/v1/check', '/v1/check/report', '/v1/compare', '/v1/compare/report', '/v1/documents', '/v1/documents/{id}', '/v1/stats']);
    expect(doc.paths['/v1/check'].post.requestBody.content['application/json'].schema.required).toEqual(['text']);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['CheckResult', 'CompareResult', 'Error', 'Document']));
  });

  it('GET / serves the page under a strict CSP, with nothing to load from elsewhere', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    const html = await response.text();
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});

describe('errors: JSON, one line, no stack trace', () => {
  const cases: [string, string, () => Promise<Response>, number, string][] = [
    ['bad JSON', '/v1/check', () => post(server, '/v1/check', '{"text": '), 400, 'bad-json'],
    ['empty JSON body', '/v1/check', () => post(server, '/v1/check', ''), 400, 'bad-json'],
    ['missing field', '/v1/check', () => post(server, '/v1/check', { title: 'x' }), 400, 'bad-request'],
    ['whitespace-only text', '/v1/check', () => post(server, '/v1/check', { text: ' \n\t ' }), 400, 'bad-request'],
    ['unknown field', '/v1/check', () => post(server, '/v1/check', { text: 'a b c', faillOn: 'never' }), 400, 'bad-request'],
    ['string where a number belongs', '/v1/check', () => post(server, '/v1/check', { text: 'a b c', top: '5' }), 400, 'bad-request'],
    ['unknown failOn', '/v1/check', () => post(server, '/v1/check', { text: 'a b c', failOn: 'sometimes' }), 400, 'bad-request'],
    ['compare without candidate', '/v1/compare', () => post(server, '/v1/compare', { source: 'a b c' }), 400, 'bad-request'],
    ['documents: empty list', '/v1/documents', () => post(server, '/v1/documents', []), 400, 'bad-request'],
    ['documents: no path', '/v1/documents', () => post(server, '/v1/documents', { text: 'a b c' }), 400, 'bad-request'],
    ['malformed id', '/v1/documents/{id}', () => fetch(`${server.url}/v1/documents/not-an-id`), 400, 'bad-request'],
    ['unknown id', '/v1/documents/{id}', () => fetch(`${server.url}/v1/documents/0123456789ab`), 404, 'not-found'],
    ['text/plain body', '/v1/check', () => fetch(`${server.url}/v1/check`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }), 415, 'unsupported-media-type'],
  ];
  it.each(cases)('%s', async (_, route, request, status, code) => {
    const response = await request();
    expect(response.status).toBe(status);
    const body = await json(response);
    expectError(body, status, code);
    const method = route === '/v1/documents/{id}' ? 'GET' : 'POST';
    if (status !== 415) validate(route, method, response, body);
  });

  it('404 for an unknown route', async () => {
    const response = await fetch(`${server.url}/v2/check`);
    expect(response.status).toBe(404);
    expectError(await json(response), 404, 'not-found');
  });
});
