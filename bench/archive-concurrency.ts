/**
 * Writers on one PostgreSQL archive: the same 5,000 synthetic articles indexed by one `index add` process, and
 * by 4 processes each adding a disjoint quarter at the same time (every process --jobs 1). Writes are
 * serialized by the archive's advisory lock while analysis runs in every process, so on N free cores 4
 * processes should approach min(4, N)× one process until the write stream saturates.
 * Usage: npm run build && node --import tsx bench/archive-concurrency.ts --archive postgres://user@host/db [--documents N]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { article } from '../tests/archive/helpers.js';
import { cli, cores, flag, root, round, saveResults } from './archive-lib.js';

const server = flag('archive');
if (!server) throw new Error('--archive postgres://… is required');
const documents = Number(flag('documents') ?? 5000);
const dir = mkdtempSync(join(tmpdir(), 'parascope-concurrency-'));
const files = Array.from({ length: documents }, (_, i) => {
  const sub = join(dir, String(Math.floor(i / 500)));
  if (i % 500 === 0) mkdirSync(sub);
  const path = join(sub, `${i}.txt`);
  writeFileSync(path, article(20_000 + i, 12));
  return path;
});

function fresh(name: string): string {
  const url = new URL(server!);
  url.searchParams.set('schema', `concurrency_${name}_${randomBytes(3).toString('hex')}`);
  return url.toString();
}

function add(archive: string, paths: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'index', 'add', '--archive', archive, '--jobs', '1', ...paths], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function timed(processes: number) {
  const archive = fresh(`p${processes}`);
  const share = Math.ceil(documents / processes);
  const t0 = performance.now();
  const runs = await Promise.all(Array.from({ length: processes }, (_, k) => add(archive, files.slice(k * share, (k + 1) * share))));
  const seconds = (performance.now() - t0) / 1000;
  for (const r of runs) if (r.code !== 0) throw new Error(`index add failed: ${r.stderr}`);
  const out = { processes, documents, seconds: round(seconds, 1), documentsPerSecond: Math.round(documents / seconds) };
  process.stderr.write(`${JSON.stringify(out)}\n`);
  return out;
}

const results = { machine: `${cores()} cores (shared)`, command: 'parascope index add --jobs 1, 1 process vs 4 processes on disjoint quarters', one: await timed(1), four: await timed(4) };
process.stderr.write(`results: ${saveResults('archive-concurrency-postgres', results)}\n`);
