/**
 * bench:memory — peak memory and wall time of comparing two large documents.
 *
 * The two documents are built from the shared corpora, about 5 MB each:
 *  - source: BBC News articles (../shared/corpora/bbc-news, 5.0 MB in all, topics shuffled together), topped up
 *    with PAN 2013 source documents (../shared/corpora/pan13-train/src) until the size is reached;
 *  - candidate: the first half of the source's articles rewritten (sentences of each article shuffled, every
 *    tenth word dropped), shuffled among further PAN documents that are not in the source, so the aligner
 *    has real passages to find among real distractors.
 * Each run is a fresh child process doing exactly what `parascope compare --format json` does (read, decode,
 * compare, render), which reports its own peak RSS (process.resourceUsage().maxRSS): the parent's memory and
 * the document generation are not counted.
 * Target (issue #6): under 1 GB peak.
 * Usage: npm run bench:memory [-- --mb 5 --runs 1]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from '../tests/helpers/generate.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bbc = join(root, '../shared/corpora/bbc-news');
const pan = join(root, '../shared/corpora/pan13-train/src');
const TARGET_BYTES = 1024 ** 3;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const x = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(x) || x <= 0) throw new Error(`--${name} takes a number above 0`);
  return x;
}

interface ChildReport {
  maxRssBytes: number;
  seconds: number;
  verdict: string;
  passages: number;
  coverage: { candidate: number; source: number };
  sentences: { source: number; candidate: number };
  outputBytes: number;
}

/** Child mode: one comparison, then its own peak RSS as JSON on stdout. */
async function child(sourcePath: string, candidatePath: string): Promise<void> {
  const started = performance.now();
  const { readArticle } = await import('../src/text/read.js');
  const { compare } = await import('../src/compare.js');
  const { renderCompare } = await import('../src/report/render.js');
  const maxBytes = option('max-bytes', 64 * 1024 * 1024);
  const source = readArticle(sourcePath, maxBytes);
  const candidate = readArticle(candidatePath, maxBytes);
  const result = compare(source.text, candidate.text, { sourcePath, candidatePath });
  const output = renderCompare('json', result, source.text, candidate.text);
  const report: ChildReport = {
    // maxRSS is in kilobytes (KiB on Linux).
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    seconds: (performance.now() - started) / 1000,
    verdict: result.verdict,
    passages: result.passages.length,
    coverage: result.coverage,
    sentences: { source: result.source.sentences, candidate: result.candidate.sentences },
    outputBytes: Buffer.byteLength(output),
  };
  process.stdout.write(JSON.stringify(report) + '\n');
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function textFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** BBC News articles (topics interleaved), then PAN 2013 source documents: BBC alone is 5 MB in all. */
function corpusArticles(): string[] {
  const topics = readdirSync(bbc).filter((d) => statSync(join(bbc, d)).isDirectory()).sort();
  return [...shuffle(topics.flatMap((t) => textFiles(join(bbc, t))), rng(1)), ...textFiles(pan)];
}

/** Sentences shuffled within the article and every tenth word dropped: a crude rewrite that keeps it findable. */
function rewrite(article: string, random: () => number): string {
  const sentences = article.split(/(?<=[.!?])\s+/).filter((s) => s.trim());
  return shuffle(sentences, random)
    .map((s) => s.split(/\s+/).filter((_, i) => i % 10 !== 9).join(' '))
    .join(' ');
}

function buildPair(bytes: number, dir: string): { source: string; candidate: string } {
  const random = rng(6);
  const articles = corpusArticles();
  const source: string[] = [];
  let size = 0;
  let next = 0;
  while (size < bytes && next < articles.length) {
    source.push(articles[next]!);
    size += Buffer.byteLength(articles[next]!) + 2;
    next++;
  }
  const reused = source.slice(0, Math.ceil(source.length / 2)).map((a) => rewrite(a, random));
  const fresh: string[] = [];
  let freshSize = 0;
  const reusedSize = reused.reduce((n, a) => n + Buffer.byteLength(a) + 2, 0);
  while (reusedSize + freshSize < bytes && next < articles.length) {
    fresh.push(articles[next]!);
    freshSize += Buffer.byteLength(articles[next]!) + 2;
    next++;
  }
  if (size < bytes * 0.95 || reusedSize + freshSize < bytes * 0.95) {
    throw new Error(`the corpora (${articles.length} documents) are too small for two ${bytes}-byte documents`);
  }
  const candidate = shuffle([...reused, ...fresh], random);
  const paths = { source: join(dir, 'source.txt'), candidate: join(dir, 'candidate.txt') };
  writeFileSync(paths.source, source.join('\n\n'));
  writeFileSync(paths.candidate, candidate.join('\n\n'));
  return paths;
}

async function main(): Promise<void> {
  const mb = option('mb', 5);
  const runs = option('runs', 1);
  const dir = mkdtempSync(join(tmpdir(), 'parascope-bench-memory-'));
  try {
    const paths = buildPair(Math.round(mb * 1024 * 1024), dir);
    const sizes = [paths.source, paths.candidate].map((p) => statSync(p).size);
    console.log(`bench:memory — compare two documents of ${sizes.map((s) => (s / 1048576).toFixed(2)).join(' and ')} MiB (BBC News + PAN 2013, half of the candidate rewritten from the source)`);
    const reports: ChildReport[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', paths.source, paths.candidate], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      const wall = (performance.now() - t0) / 1000;
      if (r.status !== 0) throw new Error(`the comparison failed (exit ${r.status ?? r.signal}): ${r.stderr}`);
      const report = JSON.parse(r.stdout) as ChildReport;
      reports.push(report);
      console.log(
        `  run ${i + 1}: peak RSS ${(report.maxRssBytes / 1048576).toFixed(0)} MiB, ${report.seconds.toFixed(1)} s in the child (${wall.toFixed(1)} s wall with start-up); ` +
          `${report.sentences.source} / ${report.sentences.candidate} sentences, verdict ${report.verdict}, ${report.passages} passages, ` +
          `coverage ${report.coverage.candidate} of the candidate, ${(report.outputBytes / 1048576).toFixed(1)} MiB of JSON`,
      );
    }
    const peak = Math.max(...reports.map((r) => r.maxRssBytes));
    const verdict = peak < TARGET_BYTES ? 'under' : 'OVER';
    console.log(`peak RSS ${(peak / 1048576).toFixed(0)} MiB: ${verdict} the 1 GiB target${mb === 5 ? "" : " (which is set for two 5 MB documents, --mb 5)"}`);
    if (peak >= TARGET_BYTES) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--child')) {
  const i = process.argv.indexOf('--child');
  await child(process.argv[i + 1]!, process.argv[i + 2]!);
} else {
  await main();
}
