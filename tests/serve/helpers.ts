import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { openArchive } from '../../src/archive/archive.js';
import { startServer, type RunningServer } from '../../src/serve/app.js';
import type { ServeOptions } from '../../src/serve/options.js';
import { fixturePath, seed, type SeedName } from '../helpers/fixtures.js';

/** The seeds an archive is built from in these tests: every seed but the rewrite, which is what gets checked. */
export const ARCHIVED: SeedName[] = ['sieff-oped', 'chinadaily-cements-ties', 'cgtn-shared-future', 'globaltimes-mutual-trust'];

/** A fresh archive file holding the archived seeds at their fixture paths. */
export async function seedArchive(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'parascope-serve-')), 'seeds.db');
  const archive = openArchive(path);
  for (const name of ARCHIVED) await archive.addText(fixturePath(`${name}.txt`), seed(name));
  await archive.close();
  return path;
}

export const SLOW_WORKER = new URL('./fixtures/slow-worker.ts', import.meta.url);

/** A server on a free loopback port; its one-line messages are collected instead of printed. */
export async function serve(options: Partial<ServeOptions> & { archive: string }): Promise<RunningServer & { logs: string[] }> {
  const logs: string[] = [];
  const server = await startServer({ host: '127.0.0.1', port: 0, workers: 1, log: (line) => logs.push(line), ...options });
  return { ...server, logs };
}

export async function post(server: { url: string }, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/**
 * Validates responses against the server's own OpenAPI document: the schema published for the route, method
 * and status (or its 4XX/5XX range) must accept the body, so the document and the answers cannot drift apart.
 */
export async function responseValidator(server: { url: string }, headers: Record<string, string> = {}) {
  const doc = (await (await fetch(`${server.url}/openapi.json`, { headers })).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  ajv.addSchema(doc as object, 'openapi');
  const pointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
  return (route: string, method: string, response: Response, body: unknown): void => {
    const responses = doc.paths[route]?.[method.toLowerCase()]?.responses;
    expect(responses, `${method} ${route} in the OpenAPI document`).toBeDefined();
    const status = String(response.status);
    const key = status in responses! ? status : `${status[0]}XX`;
    expect(responses![key], `response ${status} of ${method} ${route} documented`).toBeDefined();
    const validate = ajv.getSchema(`openapi#/paths/${pointer(route)}/${method.toLowerCase()}/responses/${key}/content/application~1json/schema`);
    expect(validate, `JSON schema for ${status} of ${method} ${route}`).toBeDefined();
    expect(validate!(body), JSON.stringify(validate!.errors)).toBe(true);
  };
}

/** Every error: the documented JSON shape, one line, nothing that looks like a stack trace. */
export function expectError(body: unknown, status: number, code: string): void {
  const { error } = body as { error?: { status: number; code: string; message: string } };
  expect(error).toMatchObject({ status, code });
  expect(error!.message).not.toMatch(/\n|\s+at\s+\S+\s+\(|node:internal|\.ts:\d+/);
}
