import { Command, InvalidArgumentError, Option } from 'commander';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparePairs } from '../../src/batch/pool.js';
import { progressBar } from '../../src/cli/batch.js';
import { panFileName, renderPan } from '../../src/report/pan.js';
import { writeFileAtomic } from '../../src/util/atomic.js';
import { loadCorpus, SUBSETS, type CorpusPair, type Subset } from './corpus.js';
import { score, type Annotation } from './scorer.js';
import { renderTable, type Row } from './table.js';
import { PLAGDET_GOALS, SPEED_GOAL } from './targets.js';
import { parseAnnotations } from './xml.js';

// PAN 2013 text alignment (train): every pair through the batch library with the global defaults, scored with
// the PAN measures. Usage: npm run bench:pan -- [--jobs N] [--subset NAME] [--limit N] [--detections DIR]
const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number above 0');
  return n;
};
const opts = new Command('bench:pan')
  .option('--corpus <dir>', 'PAN 2013 text-alignment corpus', process.env.PAN13_DIR ?? '/work/shared/corpora/pan13-train')
  .option('--jobs <n>', 'worker threads', positiveInt, SPEED_GOAL.workers)
  .addOption(new Option('--subset <name>', 'only this subset').choices(SUBSETS))
  .option('--limit <n>', 'at most N pairs from each subset', positiveInt)
  .option('--detections <dir>', 'also write the PAN detection XML of every pair to DIR (for inspection)')
  .parse()
  .opts<{ corpus: string; jobs: number; subset?: Subset; limit?: number; detections?: string }>();

const pairs = loadCorpus(opts.corpus, { subset: opts.subset, limit: opts.limit });
const detections = new Map<CorpusPair, Annotation[]>();
const failures: string[] = [];
if (opts.detections) mkdirSync(opts.detections, { recursive: true });

const progress = progressBar(pairs.length, 'aligning');
const started = performance.now();
await comparePairs(pairs, { jobs: opts.jobs }, ({ pair, result, error }) => {
  progress.tick();
  if (error) {
    failures.push(`${pair.candidate} ${pair.source}: ${error.kind}: ${error.message}`);
    detections.set(pair, []);
    return;
  }
  // Through the PAN writer and reader, so the benchmark scores exactly what `--format pan` writes.
  const references = { candidate: pair.candidate, source: pair.source };
  const xml = renderPan(result, references);
  if (opts.detections) writeFileAtomic(join(opts.detections, panFileName(references)), xml);
  detections.set(pair, parseAnnotations(xml, 'detected-plagiarism'));
});
const seconds = (performance.now() - started) / 1000;
progress.stop();

const row = (name: string, selected: readonly CorpusPair[]): Row => ({
  name,
  pairs: selected.length,
  failed: selected.filter((p) => failures.some((f) => f.startsWith(`${p.candidate} ${p.source}:`))).length,
  ...score(
    selected.flatMap((p) => p.cases),
    selected.flatMap((p) => detections.get(p) ?? []),
  ),
});
const rows = [
  ...SUBSETS.map((s) => row(s, pairs.filter((p) => p.subset === s))).filter((r) => r.pairs > 0),
  row('overall', pairs),
];
const speed = { pairs: pairs.length, seconds, jobs: opts.jobs };

// Only a complete, unencumbered run is the record: writing detection files adds I/O to the timed alignment.
const full = !opts.subset && !opts.limit && !opts.detections;
const scope = opts.subset || opts.limit ? ` — partial run: ${opts.subset ?? 'all subsets'}${opts.limit ? `, first ${opts.limit} pairs each` : ''}` : '';
process.stdout.write(`PAN 2013 text alignment, train (${opts.corpus})${scope}\n\n`);
process.stdout.write(renderTable(rows, speed));
for (const f of failures) process.stderr.write(`failed: ${f}\n`);

if (full) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const record = {
    corpus: 'pan13-train',
    date: new Date().toISOString(),
    node: process.version,
    commit: git('rev-parse', 'HEAD'),
    // Uncommitted changes mean the commit alone does not reproduce these numbers.
    dirty: git('status', '--porcelain').length > 0,
    command: `npm run bench:pan -- --jobs ${opts.jobs}`,
    jobs: opts.jobs,
    pairs: pairs.length,
    failed: failures.length,
    seconds: round(seconds),
    pairsPerSecond: round(pairs.length / seconds),
    rows: rows.map(({ name, pairs: n, failed, cases, detections: d, detectedCases, precision, recall, granularity, plagdet }) => ({
      name,
      pairs: n,
      failed,
      cases,
      detections: d,
      detectedCases,
      precision: round(precision),
      recall: round(recall),
      granularity: round(granularity),
      plagdet: round(plagdet),
    })),
    goals: { plagdet: PLAGDET_GOALS, speed: SPEED_GOAL },
  };
  const out = join(root, 'bench/results/pan13-train.json');
  writeFileAtomic(out, JSON.stringify(record, null, 2) + '\n');
  process.stdout.write(`\nwrote ${out}\n`);
} else {
  process.stdout.write('\n(not the record: bench/results/pan13-train.json is only written by a full run without --detections)\n');
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
