import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePairs } from '../../src/batch/pairs.js';
import { panFileName } from '../../src/report/pan.js';
import type { Annotation } from './scorer.js';
import { parseAnnotations } from './xml.js';

/** The PAN 2013 text-alignment subsets, one folder each with its own `pairs` file and ground truth. */
export const SUBSETS = ['01-no-plagiarism', '02-no-obfuscation', '03-random-obfuscation', '04-translation-obfuscation', '05-summary-obfuscation'] as const;
export type Subset = (typeof SUBSETS)[number];

export interface CorpusPair {
  subset: Subset;
  /** The suspicious document (PAN's "this"), our candidate. */
  candidate: string;
  source: string;
  candidatePath: string;
  sourcePath: string;
  /** Ground-truth cases of this pair (none in 01-no-plagiarism). */
  cases: Annotation[];
}

export interface CorpusSelection {
  subset?: Subset;
  /** At most this many pairs from each subset (the first ones of its `pairs` file). */
  limit?: number;
}

/**
 * The pairs of a PAN text-alignment corpus with their ground truth, in the order of the corpus-wide `pairs`
 * file: it is sorted by suspicious document, so pairs sharing one are adjacent and the workers' caches hit.
 */
export function loadCorpus(root: string, selection: CorpusSelection = {}): CorpusPair[] {
  const bySubset = new Map<string, Subset>();
  for (const subset of SUBSETS) {
    if (selection.subset && subset !== selection.subset) continue;
    const pairs = parsePairs(readFileSync(join(root, subset, 'pairs'), 'utf8'), `${subset}/pairs`);
    for (const p of pairs.slice(0, selection.limit ?? pairs.length)) bySubset.set(`${p.candidate} ${p.source}`, subset);
  }
  const all = parsePairs(readFileSync(join(root, 'pairs'), 'utf8'), 'pairs');
  const out: CorpusPair[] = [];
  for (const p of all) {
    const subset = bySubset.get(`${p.candidate} ${p.source}`);
    if (!subset) continue;
    const truth = join(root, subset, panFileName({ candidate: p.candidate, source: p.source }));
    if (!existsSync(truth)) throw new Error(`${truth}: missing ground truth for ${p.candidate} ${p.source}`);
    out.push({
      subset,
      candidate: p.candidate,
      source: p.source,
      candidatePath: join(root, 'susp', p.candidate),
      sourcePath: join(root, 'src', p.source),
      cases: parseAnnotations(readFileSync(truth, 'utf8'), 'plagiarism', truth),
    });
  }
  return out;
}
