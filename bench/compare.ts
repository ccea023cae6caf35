/**
 * bench:compare — how long one comparison takes.
 *  1. In-process: `compare()` on every ordered pair of seed articles, after a warm-up, median of N runs.
 *  2. CLI: wall time of `node dist/cli/main.js compare` (process start, model load, read, compare, print).
 * Targets (issue "Align two articles"): under 20 ms in-process, under 1 s for the CLI.
 * Usage: npm run bench:compare [-- --runs N]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compare } from '../src/compare.js';
import { analyze } from '../src/text/tokenize.js';
import { median, parseRuns, percentile } from './stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const names = ['sieff-oped', 'pasha-rewrite', 'chinadaily-cements-ties', 'cgtn-shared-future', 'globaltimes-mutual-trust'];
const texts = new Map(names.map((n) => [n, readFileSync(`${root}/fixtures/${n}.txt`, 'utf8')]));
const runs = parseRuns(process.argv, 30);

const pairs = names.flatMap((a) => names.filter((b) => b !== a).map((b) => [a, b] as const));
analyze('Warm up the model.');
for (let i = 0; i < 5; i++) for (const [a, b] of pairs) compare(texts.get(a)!, texts.get(b)!);

console.log(`In-process compare() per pair, median of ${runs} runs after warm-up:`);
const all: number[] = [];
for (const [a, b] of pairs) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    compare(texts.get(a)!, texts.get(b)!);
    times.push(performance.now() - t0);
  }
  all.push(...times);
  console.log(`  ${a.padEnd(25)} → ${b.padEnd(25)} ${median(times).toFixed(2).padStart(7)} ms`);
}
const inProcess = median(all);
console.log(`  all pairs: median ${inProcess.toFixed(2)} ms, p95 ${percentile(all, 95).toFixed(2)} ms (target < 20 ms)`);

const cli = `${root}/dist/cli/main.js`;
if (!existsSync(cli)) throw new Error('dist/cli/main.js is missing: run `npm run build` first');
const cliRuns = Math.max(5, Math.round(runs / 3));
const wall: number[] = [];
for (let i = 0; i < cliRuns; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'compare', 'fixtures/sieff-oped.txt', 'fixtures/pasha-rewrite.txt'], { cwd: root });
  wall.push(performance.now() - t0);
  if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
}
const baseline: number[] = [];
for (let i = 0; i < cliRuns; i++) {
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', ''], { cwd: root });
  baseline.push(performance.now() - t0);
}
console.log(`\nCLI wall time, sieff-oped vs pasha-rewrite, median of ${cliRuns}: ${median(wall).toFixed(0)} ms (target < 1000 ms)`);
console.log(`  bare \`node -e ''\` start-up on this machine, same run: ${median(baseline).toFixed(0)} ms (ratio ${(median(wall) / median(baseline)).toFixed(1)}x)`);
