/**
 * bench:archive-acceptance — the acceptance runs of the archive issue, on the real corpora:
 *  1. seeds: archive = bbc-news + seeds except pasha-rewrite → `check pasha-rewrite` (exit 1, sieff-oped on top,
 *     paraphrase); archive = bbc-news + sieff-oped + pasha-rewrite → `check` of the other three seeds (exit 0).
 *  2. scan of bbc-news: every group of byte-identical files (found here by hashing the raw bytes) must be
 *     reported; other reuse is summarized with samples to read by hand.
 *  3. source retrieval on PAN13 subsets 02-04 (see archive-pan.ts).
 *  4. with --archive postgres://…: archives A and B built again on PostgreSQL, every check and the archive scan
 *     compared with SQLite's (archive-backends.ts); results in archive-acceptance-postgres.json.
 * Usage: npm run build && npm run bench:archive-acceptance [-- --skip-pan] [--skip-scan] [--pan-check] [--archive URL]
 * (--pan-check also runs the full `check` on every suspicious document: several minutes.)
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareBackends } from './archive-backends.js';
import { BBC_FOLDERS, filesUnder, flag, fixture, parascope, requireBuilt, round, saveResults, SEEDS } from './archive-lib.js';
import { panRetrieval } from './archive-pan.js';

requireBuilt();
const work = mkdtempSync(join(tmpdir(), 'parascope-acceptance-'));
const results: Record<string, unknown> = {};
const log = (s: string) => process.stderr.write(`${s}\n`);

function check(db: string, name: string) {
  const r = parascope(['check', fixture(name), '--archive', db, '--format', 'json']);
  if (r.code === 2 || r.code === null) throw new Error(`check ${name} failed: ${r.stderr}`);
  const json = JSON.parse(r.stdout) as { verdict: string; matches: { document: { path: string }; verdict: string; coverage: { candidate: number } }[] };
  return {
    article: name,
    exitCode: r.code,
    verdict: json.verdict,
    seconds: round(r.seconds),
    matches: json.matches.slice(0, 3).map((m) => ({ path: m.document.path.replace(/^.*\/corpora\//, ''), verdict: m.verdict, coverage: m.coverage.candidate })),
  };
}

// 1. Seeds.
const archiveA = join(work, 'bbc-seeds.db');
const addA = parascope(['index', 'add', '--archive', archiveA, ...BBC_FOLDERS, ...SEEDS.filter((s) => s !== 'pasha-rewrite').map(fixture)]);
log(`archive A (bbc-news + 4 seeds): ${addA.stdout.trim()} ${addA.stderr.trim()}`);
const pasha = check(archiveA, 'pasha-rewrite');
const pashaHolds = pasha.exitCode === 1 && pasha.matches[0]?.path.endsWith('fixtures/sieff-oped.txt') === true && pasha.matches[0]?.verdict === 'paraphrase';
log(`check pasha-rewrite: exit ${pasha.exitCode}, verdict ${pasha.verdict}, top ${JSON.stringify(pasha.matches[0])} → ${pashaHolds ? 'holds' : 'FAILS'}`);

// Archive B from A: remove the three other seeds, add the rewrite (exercises remove and incremental add).
const archiveB = join(work, 'bbc-sieff-pasha.db');
copyFileSync(archiveA, archiveB);
const others = ['chinadaily-cements-ties', 'cgtn-shared-future', 'globaltimes-mutual-trust'];
parascope(['index', 'remove', '--archive', archiveB, ...others.map(fixture)]);
parascope(['index', 'add', '--archive', archiveB, fixture('pasha-rewrite')]);
const otherChecks = others.map((name) => check(archiveB, name));
for (const c of otherChecks) log(`check ${c.article}: exit ${c.exitCode}, verdict ${c.verdict}, matches ${JSON.stringify(c.matches)}`);
results.seeds = {
  archiveA: addA.stdout.trim(),
  skipped: addA.stderr.trim().split('\n').filter(Boolean),
  pasha,
  pashaHolds,
  others: otherChecks,
  othersHold: otherChecks.every((c) => c.exitCode === 0),
};

// 4. The same archives on PostgreSQL: identical results.
const server = flag('archive');
if (server) results.backends = compareBackends(server, archiveA, archiveB, log);

// 2. Scan of bbc-news.
if (!process.argv.includes('--skip-scan')) {
  const files = BBC_FOLDERS.flatMap(filesUnder);
  const byHash = new Map<string, string[]>();
  for (const f of files) {
    const h = createHash('sha256').update(readFileSync(f)).digest('hex');
    byHash.set(h, [...(byHash.get(h) ?? []), f]);
  }
  const expected = [...byHash.values()].filter((g) => g.length > 1).map((g) => g.sort().join('\n'));
  const scan = parascope(['scan', ...BBC_FOLDERS, '--format', 'json']);
  if (scan.code !== 0) log(`scan exit ${scan.code}: ${scan.stderr.trim()}`);
  type Doc = { id: string; path: string; title: string };
  const json = JSON.parse(scan.stdout) as {
    documents: number;
    groups: { kind: string; documents: Doc[]; jaccard: number }[];
    pairs: { source: Doc; candidate: Doc; verdict: string; coverage: { source: number; candidate: number }; passages: { source: { start: number; end: number }; candidate: { start: number; end: number }; kind: string }[] }[];
  };
  const identical = new Set(json.groups.filter((g) => g.kind === 'identical').map((g) => g.documents.map((d) => d.path).sort().join('\n')));
  const missing = expected.filter((g) => !identical.has(g));
  const near = json.groups.filter((g) => g.kind === 'near-duplicate');
  const verdicts: Record<string, number> = {};
  for (const p of json.pairs) verdicts[p.verdict] = (verdicts[p.verdict] ?? 0) + 1;
  const nearPairs = new Set(near.flatMap((g) => g.documents.flatMap((a) => g.documents.map((b) => `${a.id}:${b.id}`))));
  const beyondNear = json.pairs.filter((p) => !nearPairs.has(`${p.source.id}:${p.candidate.id}`));
  const short = (p: string) => p.replace(/^.*bbc-news\//, '');
  const excerpt = (path: string, r: { start: number; end: number }) => readFileSync(path, 'utf8').slice(r.start, r.end).replace(/\s+/g, ' ').slice(0, 160);
  const sample = (list: typeof json.pairs, n: number) =>
    list.slice(0, n).map((p) => ({
      source: `${short(p.source.path)} "${p.source.title}"`,
      candidate: `${short(p.candidate.path)} "${p.candidate.title}"`,
      verdict: p.verdict,
      coverage: p.coverage,
      firstPassage: p.passages[0] && { kind: p.passages[0].kind, source: excerpt(p.source.path, p.passages[0].source), candidate: excerpt(p.candidate.path, p.passages[0].candidate) },
    }));
  const step = Math.max(1, Math.floor(beyondNear.length / 8));
  results.scan = {
    command: `parascope scan ${BBC_FOLDERS.map(short).join(' ')} --format json`,
    seconds: round(scan.seconds, 1),
    peakMiB: scan.peakMiB,
    documents: json.documents,
    identicalGroupsExpected: expected.length,
    identicalGroupsReported: identical.size,
    identicalGroupsMissing: missing.map((g) => g.split('\n').map(short)),
    nearDuplicateGroups: near.length,
    pairs: json.pairs.length,
    pairsByVerdict: verdicts,
    pairsOutsideNearDuplicateGroups: beyondNear.length,
    samplesTop: sample(beyondNear, 8),
    samplesSpread: sample(beyondNear.filter((_, i) => i % step === 0), 8),
  };
  log(`scan: ${identical.size} identical groups reported, ${expected.length} expected, ${missing.length} missing; ${near.length} near-duplicate groups; pairs ${JSON.stringify(verdicts)} in ${round(scan.seconds, 1)} s`);
}

// 3. PAN13 source retrieval.
if (!process.argv.includes('--skip-pan')) results.pan = await panRetrieval(work, log, process.argv.includes('--pan-check'));

log(`results: ${saveResults(server ? 'archive-acceptance-postgres' : 'archive-acceptance', results)}`);
