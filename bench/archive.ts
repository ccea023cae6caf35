/**
 * bench:archive — archive speed and size.
 *  1. `index add` of bbc-news + the PAN13 sources with the built CLI: one process without workers (--jobs 1)
 *     and with worker threads (default); documents/s, per core, archive bytes per document, peak memory.
 *  2. `check` latency on that archive: in-process (library, warm) median and p95 over 100 articles, and the
 *     CLI's wall time (process start and model load included).
 *  3. `sim_text -S` (similarity-tester) checking articles against the raw bbc-news files, against
 *     `parascope check` on a bbc-news archive.
 *  4. The same as 1-2 on a synthetic archive of --synthetic N documents (default 100000; 0 skips it).
 * Targets (issue "Archive index"): ≥ 500 documents/s per core for index add; check median < 100 ms and
 * p95 < 300 ms at 100,000 documents. The machine is shared: medians, one run of the large archive.
 * With `--archive postgres://…` every archive is built in that database instead (a fresh schema per run,
 * size as PostgreSQL reports it for the schema's tables and indexes), sim_text is skipped, and the results
 * go to bench/results/archive-postgres.json beside the SQLite ones.
 * `--check-archive LOCATION` measures only the check latency (2.) on an archive built earlier.
 * Usage: npm run build && npm run bench:archive [-- --synthetic N] [--archive postgres://user@host/db] [--check-archive LOCATION]
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../src/archive/archive.js';
import { BBC, BBC_FOLDERS, cores, filesUnder, fixture, flag, PAN, parascope, requireBuilt, round, saveResults, SEEDS } from './archive-lib.js';
import { writeSyntheticCorpus } from './archive-synthetic.js';
import { median, percentile } from './stats.js';

requireBuilt();
const work = mkdtempSync(join(tmpdir(), 'parascope-bench-'));
const synthetic = Number(flag('synthetic') ?? 100_000);
const log = (s: string) => process.stderr.write(`${s}\n`);
const server = flag('archive');
if (server && !/^postgres(ql)?:\/\//.test(server)) throw new Error('--archive takes a postgres:// URL (SQLite archives are the default)');
const results: Record<string, unknown> = { machine: `${cores()} cores (shared)`, backend: server ? 'postgres' : 'sqlite' };

/** Where run `name` builds its archive: a file in the work folder, or a fresh schema on the server. */
function archiveLocation(name: string): string {
  if (!server) return join(work, `${name}.db`);
  const url = new URL(server);
  url.searchParams.set('schema', `bench_${name.replace(/[^a-z0-9]/g, '_')}_${randomBytes(3).toString('hex')}`);
  return url.toString();
}

function archiveBytes(location: string): number {
  if (!server) return statSync(location).size;
  return (JSON.parse(parascope(['index', 'stats', '--archive', location, '--format', 'json']).stdout) as { sizeBytes: number }).sizeBytes;
}

/** Index `paths` into a fresh archive with the CLI and report throughput and size. */
function indexRun(name: string, paths: string[], jobs?: number) {
  const db = archiveLocation(name);
  const r = parascope(['index', 'add', '--archive', db, ...(jobs ? ['--jobs', String(jobs)] : []), ...paths]);
  if (r.code !== 0 && r.code !== 2) throw new Error(`index add failed: ${r.stderr}`);
  const added = Number(/added (\d+)/.exec(r.stdout)?.[1] ?? 0);
  const bytes = archiveBytes(db);
  const workers = jobs ?? cores();
  const out = {
    command: `parascope index add${jobs ? ` --jobs ${jobs}` : ''} <${paths.length} paths>`,
    documents: added,
    seconds: round(r.seconds, 1),
    documentsPerSecond: Math.round(added / r.seconds),
    documentsPerSecondPerCore: Math.round(added / r.seconds / Math.min(workers, cores())),
    bytesPerDocument: Math.round(bytes / added),
    archiveMiB: round(bytes / 1048576, 1),
    peakMiB: r.peakMiB,
    skipped: r.stderr.split('\n').filter((l) => l.startsWith('parascope: skipped')).map((l) => l.replace(/^parascope: skipped /, '').replace(/^.*\/corpora\//, '')),
  };
  log(`${name}: ${JSON.stringify(out)}`);
  return { db, out };
}

/** The query articles: the five seeds and every 23rd bbc-news article (about 100). */
function queries(): { path: string; text: string }[] {
  const bbc = BBC_FOLDERS.flatMap(filesUnder).filter((_, i) => i % 23 === 0);
  return [...SEEDS.map(fixture), ...bbc].flatMap((path) => {
    try {
      return [{ path, text: readFileSync(path, 'utf8') }];
    } catch {
      return [];
    }
  }).filter((q) => !q.text.includes('\uFFFD'));
}

/** In-process check latency over the queries (after warming up), and the CLI's wall time on a few. */
async function checkLatency(db: string) {
  const archive = openArchive(db, { readonly: true });
  const qs = queries();
  for (const q of qs.slice(0, 5)) await archive.checkReport(q.text, { path: q.path });
  const times: number[] = [];
  let aligned = 0;
  let matches = 0;
  for (const q of qs) {
    const t0 = performance.now();
    const r = (await archive.checkReport(q.text, { path: q.path })).result;
    times.push(performance.now() - t0);
    aligned += r.archive.aligned;
    matches += r.matches.length;
  }
  await archive.close();
  const cli = qs.slice(0, 7).map((q) => parascope(['check', q.path, '--archive', db, '--format', 'json']));
  const out = {
    queries: qs.length,
    inProcessMs: { median: round(median(times), 1), p95: round(percentile(times, 95), 1), max: round(Math.max(...times), 1) },
    alignedPerCheck: round(aligned / qs.length, 1),
    matchesPerCheck: round(matches / qs.length, 1),
    cliWallMs: { median: Math.round(median(cli.map((r) => r.seconds * 1000))), peakMiB: Math.max(...cli.map((r) => r.peakMiB ?? 0)) || null },
  };
  log(`check: ${JSON.stringify(out)}`);
  return out;
}

// Only the check latency of an archive built before (e.g. a schema left by an earlier run): --check-archive LOCATION.
const existing = flag('check-archive');
if (existing) {
  results.checkExisting = { archive: existing.replace(/:[^/@]*@/, '@'), ...(await checkLatency(existing)) };
  log(`results: ${saveResults(server ? 'archive-postgres-check' : 'archive-check', results)}`);
  process.exit(0);
}

// 1-2. Real corpora.
const real = [...BBC_FOLDERS, join(PAN, 'src')];
results.indexRealOneProcess = indexRun('real-jobs1', real, 1).out;
results.indexRealFourWorkers = indexRun('real-jobs4', real, 4).out;
const realRun = indexRun('real', real);
results.indexReal = realRun.out;
results.checkReal = await checkLatency(realRun.db);

// 3. sim_text against the raw files, parascope against an archive of them.
if (server) {
  results.simText = 'skipped with --archive (compares with the SQLite archive)';
} else if (spawnSync('sim_text', ['-v']).error) {
  results.simText = 'sim_text not installed (apt-get install -y similarity-tester)';
} else {
  const bbcDb = indexRun('bbc', BBC_FOLDERS).db;
  const bbcFiles = BBC_FOLDERS.flatMap(filesUnder);
  const articles = [fixture('pasha-rewrite'), join(BBC, 'business/001.txt'), join(BBC, 'politics/290.txt')];
  const rows = articles.map((article) => {
    const sim = [0, 1, 2].map(() => {
      const t0 = performance.now();
      spawnSync('sim_text', ['-S', '-p', article, '/', ...bbcFiles], { encoding: 'utf8', maxBuffer: 1 << 28 });
      return performance.now() - t0;
    });
    const ours = [0, 1, 2].map(() => parascope(['check', article, '--archive', bbcDb, '--format', 'json']).seconds * 1000);
    return { article: article.replace(/^.*\/(fixtures|bbc-news)\//, ''), simTextMs: Math.round(median(sim)), parascopeCheckMs: Math.round(median(ours)), ratio: round(median(sim) / median(ours), 2) };
  });
  results.simText = { command: 'sim_text -S -p ARTICLE / <2,225 bbc-news files>  vs  parascope check ARTICLE --archive bbc.db (CLI wall time)', rows };
  log(`sim_text: ${JSON.stringify(rows)}`);
}

// 4. Synthetic archive.
if (synthetic > 0) {
  const dir = join(work, 'synthetic');
  const t0 = performance.now();
  writeSyntheticCorpus([...BBC_FOLDERS.flatMap(filesUnder), ...filesUnder(join(PAN, 'src'))], dir, synthetic);
  log(`synthetic corpus: ${synthetic} files in ${round((performance.now() - t0) / 1000, 1)} s`);
  const run = indexRun(`synthetic-${synthetic}`, [dir]);
  results.indexSynthetic = run.out;
  results.checkSynthetic = await checkLatency(run.db);
}

log(`results: ${saveResults(server ? 'archive-postgres' : 'archive', results)}`);
