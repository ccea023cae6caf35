import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchorSimilarity } from '../src/align/anchors.js';
import { DEFAULT_ALIGN_OPTIONS } from '../src/align/options.js';
import { cosine, shingleDice } from '../src/align/similarity.js';
import { shingleSet } from '../src/fingerprint/shingles.js';
import { inverseSentenceFrequency, mergeCounts, sentenceTerms, weigh, type TermCounts } from '../src/align/terms.js';
import { analyze } from '../src/text/tokenize.js';
import { writeFileAtomic } from '../src/util/atomic.js';

// MRPC diagnostic: how well parascope's sentence similarity (the aligner's anchor similarity: tf-idf cosine over
// content stems, raised by shared word 3-gram shingles, see `anchorSimilarity`) separates paraphrases from
// non-paraphrases, at the best single threshold. The cosine alone is reported beside it.
// Usage: npm run bench:mrpc [-- FILE]
const file = process.argv[2] ?? process.env.MRPC_TRAIN ?? '/work/shared/corpora/mrpc-train/msr_paraphrase_train.txt';

interface Pair {
  paraphrase: boolean;
  a: string;
  b: string;
}

// Tab-separated: Quality, #1 ID, #2 ID, #1 String, #2 String. The file may or may not start with that header.
const sentences = new Map<string, string>();
const pairs: Pair[] = [];
readFileSync(file, 'utf8')
  .replace(/^\uFEFF/, '')
  .split(/\r?\n/)
  .forEach((line, i) => {
    if (line.trim() === '') return;
    const f = line.split('\t');
    if (i === 0 && f[0] === 'Quality') return;
    const [quality, idA, idB, textA, textB] = f;
    if (f.length !== 5 || (quality !== '0' && quality !== '1') || !idA || !idB || textA === undefined || textB === undefined) {
      throw new Error(`${file}:${i + 1}: expected 5 tab-separated fields with Quality 0 or 1`);
    }
    sentences.set(idA, textA);
    sentences.set(idB, textB);
    pairs.push({ paraphrase: quality === '1', a: idA, b: idB });
  });

// Each MRPC sentence is one bag of terms and one set of shingles, even if the segmenter splits it; the idf corpus
// is every distinct sentence (by id) once, so a sentence reused in several pairs does not inflate its terms' frequency.
const counts = new Map<string, TermCounts>();
const shingles = new Map<string, Set<number>>();
for (const [id, text] of sentences) {
  const doc = analyze(text);
  counts.set(id, mergeCounts(sentenceTerms(doc)));
  shingles.set(id, shingleSet(doc, DEFAULT_ALIGN_OPTIONS.shingleSize));
}
const idf = inverseSentenceFrequency([...counts.values()]);
const vectors = new Map([...counts].map(([id, c]) => [id, weigh(c, idf)] as const));

interface Point {
  threshold: number;
  accuracy: number;
  f1: number;
  precision: number;
  recall: number;
}
interface Evaluation {
  bestAccuracy: Point;
  bestF1: Point;
  rocAuc: number;
}

/** Best single thresholds and ROC AUC of one similarity over all pairs. */
function evaluate(similarity: (p: Pair) => number): Evaluation {
  const scored = pairs.map((p) => ({ paraphrase: p.paraphrase, similarity: similarity(p) }));
  // Sweep thresholds: predict "paraphrase" when similarity >= t, for t at every distinct similarity value.
  scored.sort((x, y) => y.similarity - x.similarity);
  const positives = scored.filter((s) => s.paraphrase).length;
  const n = scored.length;
  const points: Point[] = [];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < n; i++) {
    if (scored[i]!.paraphrase) tp++;
    else fp++;
    const next = scored[i + 1]?.similarity;
    if (next === scored[i]!.similarity) continue; // ties fall on the same side of any threshold
    const tn = n - positives - fp;
    const precision = tp / (tp + fp);
    const recall = tp / positives;
    // Report the midpoint to the next lower similarity: any threshold in between gives the same predictions.
    const threshold = next === undefined ? scored[i]!.similarity : (scored[i]!.similarity + next) / 2;
    points.push({ threshold, accuracy: (tp + tn) / n, f1: (2 * precision * recall) / (precision + recall || 1), precision, recall });
  }
  // Threshold-free view: the chance a random paraphrase pair scores above a random non-paraphrase (ROC AUC).
  let below = 0;
  let auc = 0;
  for (const s of [...scored].reverse()) {
    if (s.paraphrase) auc += below;
    else below++;
  }
  return {
    bestAccuracy: points.reduce((b, p) => (p.accuracy > b.accuracy ? p : b)),
    bestF1: points.reduce((b, p) => (p.f1 > b.f1 ? p : b)),
    rocAuc: auc / (positives * (n - positives)),
  };
}

const cosineOf = (p: Pair): number => cosine(vectors.get(p.a)!, vectors.get(p.b)!).similarity;
const anchor = evaluate((p) => {
  const a = shingles.get(p.a)!;
  const b = shingles.get(p.b)!;
  let shared = 0;
  for (const h of a) if (b.has(h)) shared++;
  return anchorSimilarity(cosineOf(p), shingleDice(shared, a.size, b.size), DEFAULT_ALIGN_OPTIONS);
});
const cosineOnly = evaluate(cosineOf);

const n = pairs.length;
const positives = pairs.filter((p) => p.paraphrase).length;
const fmt = (p: Point): string =>
  `threshold ${p.threshold.toFixed(4)}: accuracy ${p.accuracy.toFixed(4)}, F1 ${p.f1.toFixed(4)} (precision ${p.precision.toFixed(4)}, recall ${p.recall.toFixed(4)})`;
const lines = [
  `MRPC train (${file}): ${n} pairs, ${sentences.size} distinct sentences, ${positives} paraphrases (${((positives / n) * 100).toFixed(1)}%)`,
  `similarity: the aligner's anchor similarity (src/align/anchors.ts), idf over all MRPC train sentences`,
  `majority baseline (all "paraphrase"): accuracy ${(positives / n).toFixed(4)}, F1 ${((2 * positives) / (positives + n)).toFixed(4)}`,
  `best accuracy  at ${fmt(anchor.bestAccuracy)}`,
  `best F1        at ${fmt(anchor.bestF1)}`,
  `ROC AUC ${anchor.rocAuc.toFixed(4)}`,
  `cosine alone: best accuracy ${cosineOnly.bestAccuracy.accuracy.toFixed(4)} (F1 ${cosineOnly.bestAccuracy.f1.toFixed(4)}), best F1 ${cosineOnly.bestF1.f1.toFixed(4)}, ROC AUC ${cosineOnly.rocAuc.toFixed(4)}`,
  `(thresholds are chosen on the same data they are scored on: optimistic by design, one parameter)`,
];
process.stdout.write(lines.join('\n') + '\n');

const root = fileURLToPath(new URL('../', import.meta.url));
const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const roundPoint = (p: Point): Point => ({ threshold: round(p.threshold), accuracy: round(p.accuracy), f1: round(p.f1), precision: round(p.precision), recall: round(p.recall) });
const roundEvaluation = (e: Evaluation) => ({ bestAccuracy: roundPoint(e.bestAccuracy), bestF1: roundPoint(e.bestF1), rocAuc: round(e.rocAuc) });
writeFileAtomic(
  join(root, 'bench/results/mrpc-train.json'),
  JSON.stringify(
    {
      corpus: 'mrpc-train',
      date: new Date().toISOString(),
      node: process.version,
      commit: git('rev-parse', 'HEAD'),
      dirty: git('status', '--porcelain').length > 0,
      pairs: n,
      paraphrases: positives,
      similarity: 'anchorSimilarity',
      ...roundEvaluation(anchor),
      cosineOnly: roundEvaluation(cosineOnly),
    },
    null,
    2,
  ) + '\n',
);
