import { sentenceTerms } from '../align/terms.js';
import { estimateJaccard } from '../fingerprint/minhash.js';
import type { TextDocument } from '../text/document.js';
import { bandKeys } from './lsh.js';
import { documentSignature } from './signature.js';
import type { ArchiveStore } from './store.js';
import { termId } from './term-id.js';

/**
 * Candidate retrieval: which archive documents may the candidate have reused? Whole-document similarity
 * cannot tell: a rewrite shares ~3% of its word 3-grams with its source, no more than a same-topic article.
 * What survives rewording are the rare content words a passage keeps ("containment", "wedge", "95
 * billion"), so the candidate is cut into overlapping windows of sentences and each window is a BM25 query
 * over the archive's lemma postings, using only its rarest terms. A source shows up at the top of the windows
 * it fed, even when it fed only one passage of a long article. Near-duplicates also come from LSH buckets.
 */
export interface RetrievalOptions {
  /** Sentences per window, and the step between window starts (windows overlap by the difference). */
  windowSentences: number;
  windowStride: number;
  /** Query terms per window: its rarest ones, so common-term postings are never read. */
  termsPerWindow: number;
  /** Terms in more than this fraction of the archive (and more than `minMaxDf` documents) never query. */
  maxDfFraction: number;
  minMaxDf: number;
  /** Each window nominates its best `perWindow` documents ... */
  perWindow: number;
  /** ... and `pool` documents go on to full alignment: near-duplicates first, then by their best rank in
   *  any window, then by their best window score. Each window's favourite is aligned even beyond the pool. */
  pool: number;
  /** A document whose best window score is below this cannot have fed a passage and is not aligned. On
   *  PAN13 (subsets 02-04), 99% of true sources score at least 0.27; unrelated news articles mostly below 0.2. */
  minBest: number;
  /** BM25 parameters. */
  k1: number;
  b: number;
}

export const DEFAULT_RETRIEVAL_OPTIONS: RetrievalOptions = {
  windowSentences: 4,
  windowStride: 2,
  termsPerWindow: 24,
  maxDfFraction: 0.05,
  minMaxDf: 50,
  perWindow: 3,
  pool: 30,
  minBest: 0.15,
  k1: 1.2,
  b: 0.75,
};

export interface Window {
  /** Sentence indices [first, end) of the candidate. */
  first: number;
  end: number;
  /** The documents this window ranks highest, best first, with their BM25 score relative to the window's
   *  own maximum (a document holding each query term once, at average length, scores 1). */
  top: { doc: number; score: number }[];
}

export interface Retrieved {
  doc: number;
  /** Sum of its relative scores in the windows that nominated it: how much of the candidate it may have fed. */
  score: number;
  /** Best relative score in a window that nominated it: how strongly it may have fed one passage. */
  best: number;
  /** Best rank (0 = top) it reached in any window's nominations, or Infinity. */
  rank: number;
  /** Estimated whole-document Jaccard, for LSH near-duplicates (else 0). */
  jaccard: number;
}

export interface Retrieval {
  windows: Window[];
  /** How many documents the windows and LSH buckets nominated, before the evidence floor and the pool cap. */
  nominated: number;
  /** Candidates for alignment, best first, at most `pool`. */
  candidates: Retrieved[];
}

/**
 * @param skip sentences not to query with (the candidate's boilerplate)
 * @param exclude archive documents never to return (the candidate itself, when it is archived)
 */
export async function retrieve(
  store: ArchiveStore,
  doc: TextDocument,
  skip: readonly boolean[],
  exclude: ReadonlySet<number> = new Set(),
  options: Partial<RetrievalOptions> = {},
): Promise<Retrieval> {
  const o = { ...DEFAULT_RETRIEVAL_OPTIONS, ...options };
  const { documents, termCount } = await store.totals();
  if (documents === 0) return { windows: [], nominated: 0, candidates: [] };
  const avgdl = termCount / documents || 1;
  const maxDf = Math.max(o.minMaxDf, o.maxDfFraction * documents);

  const sentences = sentenceTerms(doc).map((terms, i) => (skip[i] ? [] : [...terms.keys()].map(termId)));
  const df = await store.documentFrequencies([...new Set(sentences.flat())]);
  const idf = (t: number) => {
    const f = df.get(t)!;
    return Math.log(1 + (documents - f + 0.5) / (f + 0.5));
  };

  // Each window's query: its rarest terms that occur in the archive at all. Postings of all of them in one go.
  const queries = windowRanges(sentences, o.windowSentences, o.windowStride).map(([first, end]) => ({
    first,
    end,
    terms: [...new Set(sentences.slice(first, end).flat())]
      .filter((t) => {
        const f = df.get(t);
        return f !== undefined && f <= maxDf;
      })
      .sort((a, b) => df.get(a)! - df.get(b)! || a - b)
      .slice(0, o.termsPerWindow),
  }));
  const postings = await store.postings([...new Set(queries.flatMap((q) => q.terms))]);

  const windows: Window[] = [];
  const total = new Map<number, number>();
  const best = new Map<number, number>();
  for (const { first, end, terms } of queries) {
    if (terms.length === 0) continue;
    const scores = new Map<number, number>();
    let ideal = 0;
    for (const t of terms) {
      const w = idf(t);
      ideal += w;
      const p = postings.get(t)!;
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i]!;
        const tf = p.tfs[i]!;
        const s = (w * tf * (o.k1 + 1)) / (tf + o.k1 * (1 - o.b + (o.b * p.dls[i]!) / avgdl));
        scores.set(d, (scores.get(d) ?? 0) + s);
      }
    }
    for (const d of exclude) scores.delete(d);
    const top = topK(scores, o.perWindow).map(({ doc: d, score }) => ({ doc: d, score: score / ideal }));
    for (const { doc: d, score } of top) {
      total.set(d, (total.get(d) ?? 0) + score);
      if (score > (best.get(d) ?? 0)) best.set(d, score);
    }
    windows.push({ first, end, top });
  }

  const near = await nearDuplicates(store, doc, exclude);
  const rank = new Map<number, number>();
  for (const w of windows) w.top.forEach((t, i) => rank.set(t.doc, Math.min(rank.get(t.doc) ?? Infinity, i)));
  const entry = (d: number): Retrieved => ({
    doc: d,
    score: total.get(d) ?? 0,
    best: best.get(d) ?? 0,
    rank: rank.get(d) ?? Infinity,
    jaccard: near.get(d) ?? 0,
  });
  const order = (a: Retrieved, b: Retrieved) => b.jaccard - a.jaccard || a.rank - b.rank || b.best - a.best || a.doc - b.doc;
  const nominated = new Set([...near.keys(), ...rank.keys()]);
  const ranked = [...nominated]
    .map(entry)
    .filter((c) => c.jaccard > 0 || c.best >= o.minBest)
    .sort(order);
  // Every window's favourite is aligned even beyond the pool: a long article built from many sources gets
  // each of them looked at, at a cost that grows with its length like alignment itself does.
  const candidates = ranked.filter((c, i) => i < o.pool || c.rank === 0);
  return { windows, nominated: nominated.size, candidates };
}

/** The k best-scoring documents, best first (ties: lower number first), in one pass: no sort of thousands. */
function topK(scores: Map<number, number>, k: number): { doc: number; score: number }[] {
  const top: { doc: number; score: number }[] = [];
  if (k <= 0) return top;
  const better = (a: { doc: number; score: number }, b: { doc: number; score: number }) => a.score > b.score || (a.score === b.score && a.doc < b.doc);
  for (const [doc, score] of scores) {
    const item = { doc, score };
    if (top.length === k && !better(item, top[k - 1]!)) continue;
    let i = Math.min(top.length, k - 1);
    top[i] = item;
    while (i > 0 && better(top[i]!, top[i - 1]!)) {
      [top[i - 1], top[i]] = [top[i]!, top[i - 1]!];
      i--;
    }
  }
  return top;
}

/** Window boundaries over the sentences that have terms; a short text is one window. */
export function windowRanges(sentences: readonly unknown[][], size: number, stride: number): [number, number][] {
  const useful = sentences.map((s, i) => (s.length > 0 ? i : -1)).filter((i) => i >= 0);
  if (useful.length === 0) return [];
  const out: [number, number][] = [];
  for (let k = 0; ; k += stride) {
    const last = Math.min(k + size, useful.length) - 1;
    out.push([useful[k]!, useful[last]! + 1]);
    if (k + size >= useful.length) break;
  }
  return out;
}

/** Archive documents in an LSH bucket with the candidate whose estimated Jaccard is at least 0.5. */
async function nearDuplicates(store: ArchiveStore, doc: TextDocument, exclude: ReadonlySet<number>): Promise<Map<number, number>> {
  const sig = documentSignature(doc);
  const out = new Map<number, number>();
  if (sig.size === 0) return out;
  const neighbours = (await store.bandNeighbours(bandKeys(sig.mins))).filter((d) => !exclude.has(d));
  for (const [d, other] of await store.signatures(neighbours)) {
    const j = estimateJaccard(sig, other);
    if (j >= 0.5) out.set(d, j);
  }
  return out;
}
