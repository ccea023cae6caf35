import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { article, expectConsistent, freshPostgresLocation, TEST_POSTGRES, tempDir, warnSkipped } from '../archive/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const DOCUMENTS = 5000;
const INDEXERS = 4;
const CHECKERS = 4;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, PARASCOPE_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

warnSkipped();
describe.skipIf(!TEST_POSTGRES)(`concurrent writers and readers on one PostgreSQL archive${TEST_POSTGRES ? '' : ' [skipped: PARASCOPE_TEST_POSTGRES is not set]'}`, () => {
  it(`${INDEXERS} indexers adding overlapping halves of ${DOCUMENTS} documents while ${CHECKERS} processes run check in a loop`, async () => {
    const dir = tempDir();
    const files: string[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const sub = join(dir, String(Math.floor(i / 500)));
      if (i % 500 === 0) mkdirSync(sub);
      files.push(join(sub, `${i}.txt`));
      writeFileSync(files[i]!, article(10_000 + i, 6));
    }
    const archive = freshPostgresLocation();
    const seed = join(root, 'fixtures', 'sieff-oped.txt');
    // The archive exists before the readers start (reading a missing archive is an error, by design).
    expect((await run(['index', 'add', '--archive', archive, seed])).code).toBe(0);

    // Indexer k adds the half of the set starting at k quarters in (wrapping): every document is offered by two indexers.
    const half = DOCUMENTS / 2;
    const indexers = Array.from({ length: INDEXERS }, (_, k) => {
      const mine = Array.from({ length: half }, (_, j) => files[(k * (DOCUMENTS / INDEXERS) + j) % DOCUMENTS]!);
      // Small batches: many more interleaved write transactions than the default would give.
      return run(['index', 'add', '--archive', archive, '--jobs', '1', '--batch-size', '100', ...mine]);
    });
    let indexing = true;
    const checks: Run[] = [];
    const checkers = Array.from({ length: CHECKERS }, async (_, k) => {
      const query = join(root, 'fixtures', k % 2 === 0 ? 'pasha-rewrite.txt' : 'globaltimes-mutual-trust.txt');
      while (indexing) checks.push(await run(['check', query, '--archive', archive, '--format', 'json']));
    });
    const indexed = await Promise.all(indexers);
    indexing = false;
    await Promise.all(checkers);

    for (const r of indexed) expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
    // Together the indexers added each document once; the rest of what they were offered they found unchanged.
    const counts = indexed.map((r) => /^added (\d+), replaced (\d+), unchanged (\d+), skipped (\d+)$/.exec(r.stdout.trim())!.slice(1).map(Number));
    expect(counts.reduce((sum, c) => sum + c[0]!, 0)).toBe(DOCUMENTS);
    expect(counts.reduce((sum, c) => sum + c[1]!, 0)).toBe(0);
    expect(counts.reduce((sum, c) => sum + c[2]!, 0)).toBe(INDEXERS * half - DOCUMENTS);

    expect(checks.length).toBeGreaterThanOrEqual(CHECKERS);
    for (const c of checks) {
      // 0 (nothing reused) or 1 (the seed rewrite's source is found): never an error.
      expect([0, 1], c.stderr).toContain(c.code);
      expect(c.stderr).toBe('');
      expect(JSON.parse(c.stdout).schemaVersion).toBe(1);
    }

    const list = spawnSync(process.execPath, [cli, 'index', 'list', '--archive', archive, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const docs = JSON.parse(list.stdout) as { id: string; path: string }[];
    expect(docs).toHaveLength(DOCUMENTS + 1);
    expect(new Set(docs.map((d) => d.path)).size).toBe(DOCUMENTS + 1);
    expect(new Set(docs.map((d) => d.id)).size).toBe(DOCUMENTS + 1);
    expect(new Set(docs.map((d) => d.path))).toEqual(new Set([seed, ...files]));
    await expectConsistent(archive);
  }, 600_000);
});
