import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { panFileName } from '../../src/report/pan.js';
import { decodeText } from '../../src/text/decode.js';
import { loadCorpus, SUBSETS, type Subset } from './corpus.js';
import { bounds, falseDetections, longestSharedRun, words, type FalseDetection } from './false-detections.js';
import { pairKey, type Annotation, type Scores } from './scorer.js';
import { parseAnnotations } from './xml.js';

// Audit of the detections `npm run bench:pan -- --detections DIR` wrote: each detection outside every case, with
// the longest run of words its two sides share, and the plagdet each subset could reach at best.
// Usage: npm run bench:pan:audit -- --detections DIR [--subset NAME] [--min-run N] [--quiet]
const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number above 0');
  return n;
};
const opts = new Command('bench:pan:audit')
  .requiredOption('--detections <dir>', 'detection XML written by `npm run bench:pan -- --detections DIR`')
  .option('--corpus <dir>', 'PAN 2013 text-alignment corpus', process.env.PAN13_DIR ?? '/work/shared/corpora/pan13-train')
  .addOption(new Option('--subset <name>', 'only this subset').choices(SUBSETS))
  .option('--min-run <n>', 'a false detection sharing at least this many words in a row is shared text', positiveInt, 6)
  .option('--quiet', 'only the summary lines, not each false detection')
  .parse()
  .opts<{ detections: string; corpus: string; subset?: Subset; minRun: number; quiet?: boolean }>();

const pairs = loadCorpus(opts.corpus, { subset: opts.subset });
const texts = new Map<string, string>();
const text = (path: string): string => {
  let t = texts.get(path);
  if (t === undefined) texts.set(path, (t = decodeText(readFileSync(path), path).text));
  return t;
};
const fmt = (s: Scores): string => `${s.plagdet.toFixed(4)} (P ${s.precision.toFixed(4)}, R ${s.recall.toFixed(4)})`;

for (const subset of SUBSETS) {
  const selected = pairs.filter((p) => p.subset === subset);
  if (selected.length === 0) continue;
  const cases: Annotation[] = [];
  const detections: Annotation[] = [];
  const audited: FalseDetection[] = [];
  const readable = new Set<string>();
  const lines: string[] = [];
  for (const p of selected) {
    const key = pairKey(p.candidate, p.source);
    cases.push(...p.cases);
    // bench:pan writes no file for a pair it could not align (an input refused as binary).
    const file = join(opts.detections, panFileName({ candidate: p.candidate, source: p.source }));
    if (!existsSync(file)) continue;
    readable.add(key);
    const found = parseAnnotations(readFileSync(file, 'utf8'), 'detected-plagiarism', file);
    detections.push(...found);
    for (const d of falseDetections(p.cases, found)) {
      const run = longestSharedRun(
        words(text(p.candidatePath).slice(d.suspicious.start, d.suspicious.end)),
        words(text(p.sourcePath).slice(d.source.start, d.source.end)),
      );
      audited.push({ detection: d, sharedRun: run });
      const span = (r: { start: number; end: number }) => `${r.start}+${r.end - r.start}`;
      lines.push(`  ${p.candidate} ${p.source} susp ${span(d.suspicious)} src ${span(d.source)}: ${run.length} words in a row: "${run.join(' ')}"`);
    }
  }
  const shared = audited.filter((f) => f.sharedRun.length >= opts.minRun).length;
  process.stdout.write(`${subset}: ${audited.length} false detections (outside every case), ${shared} of them sharing at least ${opts.minRun} words in a row\n`);
  if (!opts.quiet) process.stdout.write(lines.map((l) => `${l}\n`).join(''));
  if (subset === '01-no-plagiarism') continue; // no cases: any detection makes plagdet 0
  const b = bounds(cases, detections, audited, opts.minRun, (pair) => readable.has(pair));
  process.stdout.write(
    [
      `  plagdet now: ${fmt(b.now)}`,
      `  every case found exactly, the false detections kept: ${fmt(b.exactCases)}`,
      `  ... only the cases of pairs aligned at all: ${fmt(b.exactReadableCases)}`,
      `  now, less the false detections sharing fewer than ${opts.minRun} words in a row: ${fmt(b.withoutUnsharedFalse)}`,
    ].join('\n') + '\n',
  );
}
