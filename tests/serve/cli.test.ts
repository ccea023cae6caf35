import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../helpers/fixtures.js';
import { seedArchive } from './helpers.js';

// `parascope serve` as a process (from source, through tsx): the listening line, flags, and SIGTERM.
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
let archivePath: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  archivePath = await seedArchive();
}, 30_000);
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[]): { child: ChildProcess; stderr: () => string; exited: Promise<number | null>; listening: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  const listening = new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(stderr)?.[1];
      if (url) resolve(url);
    });
    child.on('exit', () => reject(new Error(`exited before listening: ${stderr}`)));
  });
  listening.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited, listening };
}

describe('parascope serve', () => {
  it('prints the loopback URL on stderr; SIGTERM lets the request in flight finish, then exits 0', async () => {
    const server = run(['--archive', archivePath, '--port', '0', '--workers', '1']);
    const url = await server.listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Long enough (tens of rewrites in one text) that SIGTERM lands while it is being analyzed.
    const request = fetch(`${url}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: seed('pasha-rewrite').repeat(30) }) });
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill('SIGTERM');
    const response = await request;
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).matches[0].document.path).toMatch(/sieff-oped\.txt$/);
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toMatch(/SIGTERM: finishing requests in flight\n.*stopped\n$/);
  }, 60_000);

  it.each([
    ['a file that is not an archive', (dir: string) => ['--archive', writeText(join(dir, 'notes.txt')), '--port', '0'], /is not a parascope archive/],
    ['a port out of range', () => ['--archive', archivePath, '--port', '70000'], /port number/],
    ['a host that is not local', () => ['--archive', archivePath, '--port', '0', '--host', '192.0.2.1'], /not an address of this machine/],
  ] as const)('bad input (%s): exit 2, one line on stderr', async (_, args, message) => {
    const server = run(args(join(archivePath, '..')));
    expect(await server.exited).toBe(2);
    const lines = server.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  }, 30_000);
});

function writeText(path: string): string {
  writeFileSync(path, 'just some notes\n');
  return path;
}
