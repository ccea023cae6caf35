/**
 * bench:serve — load test of `POST /v1/check` on loopback against the bbc-news + seeds archive.
 *  1. Capacity: as many requests as the analysis workers can take (one connection per worker, closed loop).
 *  2. At 80% of that rate (fixed, with enough connections to queue): requests/s, p50/p99 latency, errors (expect 0).
 *  3. At twice that rate: how many are answered 200, 429 (shed at once) or 503, and whether any time out or
 *     the server dies (expect: 429s, no timeouts, healthz still answering).
 * The server is the built CLI (`parascope serve`, default workers and queue) in its own process; autocannon
 * runs here. Each phase lasts --duration seconds (default 15: 45 s of load in all). The machine is shared.
 * Usage: npm run build && npm run bench:serve [-- --duration S]
 */
import autocannon, { type Result } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BBC, BBC_FOLDERS, cli, cores, fixture, flag, parascope, requireBuilt, round, saveResults } from './archive-lib.js';

requireBuilt();
const duration = Number(flag('duration') ?? 15);
const log = (s: string) => process.stderr.write(`${s}\n`);
const work = mkdtempSync(join(tmpdir(), 'parascope-bench-serve-'));
const db = join(work, 'bbc-seeds.db');

log('building the archive (bbc-news + seeds)…');
const indexed = parascope(['index', 'add', '--archive', db, ...BBC_FOLDERS, ...['sieff-oped', 'chinadaily-cements-ties', 'cgtn-shared-future', 'globaltimes-mutual-trust'].map(fixture)]);
if (indexed.code !== 0 && indexed.code !== 2) throw new Error(`index add failed: ${indexed.stderr}`);
log(indexed.stdout.trim());

// The Pasha rewrite (a paraphrase of an archived op-ed) and three archived BBC articles (each finds itself).
const ARTICLES = [fixture('pasha-rewrite'), join(BBC, 'business/001.txt'), join(BBC, 'sport/001.txt'), join(BBC, 'tech/001.txt')];
const requests = ARTICLES.map((path) => ({
  method: 'POST',
  path: '/v1/check',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ text: readFileSync(path, 'utf8') }),
}));

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--archive', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(stderr)?.[1];
      if (url) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
}

function summary(r: Result) {
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats).map(([status, s]) => [status, s.count]));
  return {
    requestsPerSecond: round(r.requests.average, 1),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    responses: statuses,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

const { child, url } = await startServer();
const health = async () => (await fetch(`${url}/healthz`)).json() as Promise<{ workers: number; running: number; queued: number }>;
/** Between phases: requests the previous phase abandoned at its deadline may still be running on the server. */
async function idle(): Promise<void> {
  for (let h = await health(); h.running + h.queued > 0; h = await health()) await new Promise((r) => setTimeout(r, 100));
}
const { workers } = await health();
const queue = 4 * workers; // the server's default
log(`server at ${url}: ${workers} workers, queue ${queue}`);

// Warm-up: JIT, SQLite page cache, each worker's first analysis.
for (let i = 0; i < 4 * workers; i++) await fetch(url + requests[i % requests.length]!.path, { method: 'POST', headers: requests[0]!.headers, body: requests[i % requests.length]!.body });

log(`1/3 capacity: ${workers} connections, ${duration} s`);
const capacity = await autocannon({ url, connections: workers, duration, requests, timeout: 30 });
// 80% of the closed-loop capacity: an open-loop rate at 100% has no headroom for bursts (the machine is shared).
const rate = Math.max(1, Math.floor(0.8 * capacity.requests.average));
log(JSON.stringify(summary(capacity)));

await idle();
log(`2/3 fixed rate ${rate}/s, ${workers + queue} connections, ${duration} s`);
const sustained = await autocannon({ url, connections: workers + queue, overallRate: rate, duration, requests, timeout: 30 });
log(JSON.stringify(summary(sustained)));

await idle();
log(`3/3 twice the rate ${2 * rate}/s, ${4 * (workers + queue)} connections, ${duration} s`);
const overload = await autocannon({ url, connections: 4 * (workers + queue), overallRate: 2 * rate, duration, requests, timeout: 30 });
log(JSON.stringify(summary(overload)));

const afterwards = await fetch(`${url}/healthz`).then((r) => r.status, (e: Error) => `unreachable: ${e.message}`);
const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
child.kill('SIGTERM');
const exitCode = await exit;

const results = {
  machine: `${cores()} cores (shared with other sessions)`,
  command: `npm run bench:serve -- --duration ${duration}`,
  archive: indexed.stdout.trim(),
  articles: ARTICLES.map((p) => p.replace(/^.*\/(fixtures|corpora)\//, '')),
  server: { workers, queue, timeLimitMs: 30_000 },
  capacity: { connections: workers, ...summary(capacity) },
  sustained: { connections: workers + queue, offeredRate: rate, ...summary(sustained) },
  twiceTheRate: { connections: 4 * (workers + queue), offeredRate: 2 * rate, ...summary(overload) },
  healthzAfterwards: afterwards,
  exitCodeOnSigterm: exitCode,
};
log(`results: ${saveResults('serve', results)}`);
