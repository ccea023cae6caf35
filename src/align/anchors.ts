import type { AlignOptions } from './options.js';
import type { SentenceFeatures } from './features.js';
import { shingleDice } from './similarity.js';
import { lowerBound, orderByKey } from '../util/sorted.js';

/**
 * An anchor (a seed, in alignment terms) is a pair of similar sentences: `source` and `candidate` are
 * sentence indices. `weight` is what the anchor adds to a chain.
 */
export interface Anchor {
  source: number;
  candidate: number;
  similarity: number;
  sharedTerms: number;
  weight: number;
}

/**
 * All anchors of a pair, as parallel typed arrays (anchor k is `source[k]`, `candidate[k]`, ...), sorted by
 * candidate sentence, then source sentence. Two 5 MB documents give millions of anchors: as objects they
 * alone took over 300 MiB.
 */
export interface AnchorSet {
  length: number;
  source: Int32Array;
  candidate: Int32Array;
  similarity: Float64Array;
  sharedTerms: Int32Array;
  weight: Float64Array;
}

/** Each candidate sentence's best anchor similarity with any source sentence (0: no anchor). */
export function bestCandidateSimilarity(set: AnchorSet, sentences: number): Float64Array {
  const best = new Float64Array(sentences);
  for (let k = 0; k < set.length; k++) best[set.candidate[k]!] = Math.max(best[set.candidate[k]!]!, set.similarity[k]!);
  return best;
}

/** Anchor k of a set, as a record. */
export function anchorAt(set: AnchorSet, k: number): Anchor {
  return {
    source: set.source[k]!,
    candidate: set.candidate[k]!,
    similarity: set.similarity[k]!,
    sharedTerms: set.sharedTerms[k]!,
    weight: set.weight[k]!,
  };
}

/** Appends anchors, growing its arrays by doubling. */
class AnchorBuilder {
  private set: AnchorSet = allocate(1024);

  push(source: number, candidate: number, similarity: number, sharedTerms: number, weight: number): void {
    let set = this.set;
    if (set.length === set.source.length) {
      const grown = allocate(set.length * 2);
      grown.source.set(set.source);
      grown.candidate.set(set.candidate);
      grown.similarity.set(set.similarity);
      grown.sharedTerms.set(set.sharedTerms);
      grown.weight.set(set.weight);
      grown.length = set.length;
      this.set = set = grown;
    }
    const k = set.length++;
    set.source[k] = source;
    set.candidate[k] = candidate;
    set.similarity[k] = similarity;
    set.sharedTerms[k] = sharedTerms;
    set.weight[k] = weight;
  }

  /** The anchors, trimmed to their count (copies, so the doubling slack is freed). */
  done(): AnchorSet {
    const { length, source, candidate, similarity, sharedTerms, weight } = this.set;
    return {
      length,
      source: source.slice(0, length),
      candidate: candidate.slice(0, length),
      similarity: similarity.slice(0, length),
      sharedTerms: sharedTerms.slice(0, length),
      weight: weight.slice(0, length),
    };
  }
}

function allocate(capacity: number): AnchorSet {
  return {
    length: 0,
    source: new Int32Array(capacity),
    candidate: new Int32Array(capacity),
    similarity: new Float64Array(capacity),
    sharedTerms: new Int32Array(capacity),
    weight: new Float64Array(capacity),
  };
}

/** A set of the given anchors, in the set's order (by candidate, then source sentence). */
export function anchorSet(anchors: readonly Anchor[]): AnchorSet {
  const builder = new AnchorBuilder();
  const sorted = [...anchors].sort((a, b) => a.candidate - b.candidate || a.source - b.source);
  for (const a of sorted) builder.push(a.source, a.candidate, a.similarity, a.sharedTerms, a.weight);
  return builder.done();
}

/** The anchors of a set that `keep` accepts, in the same order. */
export function selectAnchors(set: AnchorSet, keep: (source: number, candidate: number) => boolean): AnchorSet {
  const builder = new AnchorBuilder();
  for (let k = 0; k < set.length; k++) {
    if (keep(set.source[k]!, set.candidate[k]!)) builder.push(set.source[k]!, set.candidate[k]!, set.similarity[k]!, set.sharedTerms[k]!, set.weight[k]!);
  }
  return builder.done();
}

/**
 * All sentence pairs similar enough to be anchors. Two seed signals, combined as `shingleBoost` says:
 * tf-idf cosine of the sentences' stemmed content words (survives rewording and reordering inside a sentence), and the
 * Dice overlap of their exact word shingles (a long copied clause inside otherwise different sentences).
 * An inverted index keeps this proportional to the number of sentence pairs that share anything, not to
 * the product of the sentence counts.
 */
export function findAnchors(source: SentenceFeatures, candidate: SentenceFeatures, options: AlignOptions): AnchorSet {
  const n = source.norm.length;
  let terms = 0;
  for (const f of [source, candidate]) for (const id of f.termId) terms = Math.max(terms, id + 1);
  const postings = termPostings(source, terms);
  const shingles = shinglePostings(source);

  const anchors = new AnchorBuilder();
  const dot = new Float64Array(n);
  const shared = new Int32Array(n);
  const sharedShingles = new Int32Array(n);
  const touched: number[] = [];
  const accepted: { s: number; similarity: number; sharedTerms: number; weight: number }[] = [];
  for (let c = 0; c < candidate.norm.length; c++) {
    for (let k = candidate.termStart[c]!; k < candidate.termStart[c + 1]!; k++) {
      const term = candidate.termId[k]!;
      const w = candidate.weight[k]!;
      for (let p = postings.start[term]!; p < postings.start[term + 1]!; p++) {
        const s = postings.sentence[p]!;
        if (shared[s] === 0 && sharedShingles[s] === 0) touched.push(s);
        dot[s]! += w * postings.weight[p]!;
        shared[s]!++;
      }
    }
    for (let k = candidate.shingleStart[c]!; k < candidate.shingleStart[c + 1]!; k++) {
      const h = candidate.shingleHash[k]!;
      for (let p = lowerBound(shingles.hash, h); p < shingles.hash.length && shingles.hash[p] === h; p++) {
        const s = shingles.sentence[p]!;
        if (shared[s] === 0 && sharedShingles[s] === 0) touched.push(s);
        sharedShingles[s]!++;
      }
    }
    const cNorm = candidate.norm[c]!;
    const cShingles = candidate.shingleStart[c + 1]! - candidate.shingleStart[c]!;
    for (const s of touched) {
      const sNorm = source.norm[s]!;
      const cos = sNorm > 0 && cNorm > 0 ? Math.min(1, dot[s]! / (sNorm * cNorm)) : 0;
      const dice = shingleDice(sharedShingles[s]!, source.shingleStart[s + 1]! - source.shingleStart[s]!, cShingles);
      const similarity = anchorSimilarity(cos, dice, options);
      if (similarity >= options.minAnchorSimilarity) {
        const sharedTerms = shared[s]!;
        const weight = (similarity - options.baseline) * termFactor(sharedEvidence(sharedTerms, sharedShingles[s]!, options), options);
        if (weight > 0) accepted.push({ s, similarity, sharedTerms, weight });
      }
      dot[s] = 0;
      shared[s] = 0;
      sharedShingles[s] = 0;
    }
    touched.length = 0;
    // Candidates are visited in order, so sorting each one's anchors by source keeps the set sorted.
    accepted.sort((a, b) => a.s - b.s);
    for (const a of accepted) anchors.push(a.s, c, a.similarity, a.sharedTerms, a.weight);
    accepted.length = 0;
  }
  return anchors.done();
}

/**
 * The inverted index of the source's terms: the sentences holding term t, with its weight there, are
 * `sentence[p]`, `weight[p]` for p in [start[t], start[t + 1]), in sentence order.
 */
function termPostings(f: SentenceFeatures, terms: number): { start: Int32Array; sentence: Int32Array; weight: Float64Array } {
  const start = new Int32Array(terms + 1);
  for (const id of f.termId) start[id + 1]!++;
  for (let t = 0; t < terms; t++) start[t + 1]! += start[t]!;
  const next = start.slice(0, terms);
  const sentence = new Int32Array(f.termId.length);
  const weight = new Float64Array(f.termId.length);
  for (let s = 0; s < f.norm.length; s++) {
    for (let k = f.termStart[s]!; k < f.termStart[s + 1]!; k++) {
      const p = next[f.termId[k]!]!++;
      sentence[p] = s;
      weight[p] = f.weight[k]!;
    }
  }
  return { start, sentence, weight };
}

/** The source's shingle occurrences (one per sentence and distinct hash), sorted by hash, then sentence. */
function shinglePostings(f: SentenceFeatures): { hash: Uint32Array; sentence: Int32Array } {
  const sentenceOf = new Int32Array(f.shingleHash.length);
  for (let s = 0; s < f.norm.length; s++) sentenceOf.fill(s, f.shingleStart[s]!, f.shingleStart[s + 1]!);
  const order = orderByKey(f.shingleHash);
  return { hash: Uint32Array.from(order, (k) => f.shingleHash[k]!), sentence: Int32Array.from(order, (k) => sentenceOf[k]!) };
}

/** A sentence pair's similarity from its tf-idf cosine and shingle Dice overlap (see `shingleBoost`). */
export function anchorSimilarity(cosine: number, dice: number, options: AlignOptions): number {
  return Math.max(cosine + options.shingleBoost * dice * (1 - cosine), dice);
}

/**
 * The shared content terms an anchor counts for its weight: each shared shingle adds `shingleTermWeight`, up to
 * `fullWeightTerms` and never beyond (see options).
 */
export function sharedEvidence(sharedTerms: number, sharedShingles: number, options: AlignOptions): number {
  return Math.max(sharedTerms, Math.min(options.fullWeightTerms, sharedTerms + options.shingleTermWeight * sharedShingles));
}

/**
 * How much an anchor's shared content terms scale its weight: proportionally below `fullWeightTerms`, then with
 * the square root (diminishing returns: topic words make long sentences share many terms), up to `maxTermFactor`.
 */
export function termFactor(sharedTerms: number, options: AlignOptions): number {
  const r = sharedTerms / options.fullWeightTerms;
  return r <= 1 ? r : Math.min(options.maxTermFactor, Math.sqrt(r));
}
