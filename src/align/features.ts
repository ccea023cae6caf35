import type { TextDocument } from '../text/document.js';
import { documentShingles } from '../fingerprint/shingles.js';
import { sentenceKey } from '../fingerprint/sentence-key.js';
import { isContentToken, termOf } from './terms.js';

/**
 * What the aligner knows about each sentence of one document of the pair, as flat arrays (a Map and a Set per
 * sentence held over 300 MiB for two 5 MB documents). Terms are ids into the pair's vocabulary.
 */
export interface SentenceFeatures {
  /** Sentence i's content terms (stems) are `termId[termStart[i] .. termStart[i + 1])`, in order of first
   *  occurrence, each with its count in the sentence and its tf-idf weight; `norm[i]` is the weights' norm. */
  termStart: Int32Array;
  termId: Int32Array;
  termCount: Int32Array;
  weight: Float64Array;
  norm: Float64Array;
  /** Sentence i's distinct word-shingle hashes are `shingleHash[shingleStart[i] .. shingleStart[i + 1])`. */
  shingleStart: Int32Array;
  shingleHash: Uint32Array;
  /** Sentences recognised as boilerplate: they carry no terms or shingles, so they never anchor. */
  boilerplate: boolean[];
}

export interface PairFeatures {
  source: SentenceFeatures;
  candidate: SentenceFeatures;
  /** Inverse sentence frequency of each term id over both documents (see `inverseSentenceFrequency`). */
  idf: Float64Array;
}

/** One document's sentence terms, with ids local to the document. */
interface DocumentTerms {
  vocabulary: string[];
  termStart: Int32Array;
  termId: Int32Array;
  termCount: Int32Array;
}

/** One document's distinct shingle hashes per sentence. */
interface DocumentShingles {
  shingleStart: Int32Array;
  shingleHash: Uint32Array;
}

/**
 * Per-document parts of the features, computed once per analyzed document: batch and archive runs align one
 * document against many partners. Callers must not mutate them.
 */
const shingleCache = new WeakMap<TextDocument, Map<number, DocumentShingles>>();
const termCache = new WeakMap<TextDocument, DocumentTerms>();

function sentenceShingles(doc: TextDocument, shingleSize: number): DocumentShingles {
  let bySize = shingleCache.get(doc);
  if (!bySize) shingleCache.set(doc, (bySize = new Map()));
  let found = bySize.get(shingleSize);
  if (!found) {
    // The document's shingles, each to the sentence it lies wholly inside (those spanning two belong to neither).
    const shingles = documentShingles(doc, shingleSize);
    const shingleStart = new Int32Array(doc.sentences.length + 1);
    const hashes: number[] = [];
    let k = 0;
    let distinct = new Set<number>();
    const close = () => {
      for (const h of distinct) hashes.push(h);
      distinct = new Set();
      shingleStart[k + 1] = hashes.length;
    };
    for (let i = 0; i < shingles.length; i++) {
      const firstToken = shingles.firstToken[i]!;
      while (k < doc.sentences.length && doc.sentences[k]!.endToken <= firstToken) {
        close();
        k++;
      }
      const sentence = doc.sentences[k];
      if (sentence && firstToken >= sentence.firstToken && shingles.end[i]! <= sentence.end) distinct.add(shingles.hash[i]!);
    }
    for (; k < doc.sentences.length; k++) close();
    bySize.set(shingleSize, (found = { shingleStart, shingleHash: Uint32Array.from(hashes) }));
  }
  return found;
}

/** As `sentenceTerms` (terms.ts), as flat arrays. */
function documentTerms(doc: TextDocument): DocumentTerms {
  let terms = termCache.get(doc);
  if (terms) return terms;
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  const termStart = new Int32Array(doc.sentences.length + 1);
  const termId: number[] = [];
  const termCount: number[] = [];
  doc.sentences.forEach((s, k) => {
    const counts = new Map<number, number>();
    for (let i = s.firstToken; i < s.endToken; i++) {
      const t = doc.tokens[i]!;
      if (!isContentToken(t)) continue;
      const term = termOf(t);
      if (term === "'s") continue;
      let id = ids.get(term);
      if (id === undefined) ids.set(term, (id = vocabulary.push(term) - 1));
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const [id, n] of counts) {
      termId.push(id);
      termCount.push(n);
    }
    termStart[k + 1] = termId.length;
  });
  terms = { vocabulary, termStart, termId: Int32Array.from(termId), termCount: Int32Array.from(termCount) };
  termCache.set(doc, terms);
  return terms;
}

/**
 * Features of both documents, weighted with one idf computed over the pair. Sentences whose key
 * (`sentenceKey`) is in `boilerplate` (site chrome and footers learned from an archive) are blanked first.
 */
export function pairFeatures(
  source: TextDocument,
  candidate: TextDocument,
  shingleSize: number,
  boilerplate: ReadonlySet<number> = new Set(),
): PairFeatures {
  const isBoilerplate = (doc: TextDocument) => doc.sentences.map((s) => boilerplate.size > 0 && boilerplate.has(sentenceKey(doc, s)));
  const flags = { source: isBoilerplate(source), candidate: isBoilerplate(candidate) };
  const terms = { source: documentTerms(source), candidate: documentTerms(candidate) };
  // One vocabulary for the pair: each document's local ids mapped to it.
  const pairIds = new Map<string, number>();
  const toPair = (t: DocumentTerms) =>
    Int32Array.from(t.vocabulary, (term) => {
      let id = pairIds.get(term);
      if (id === undefined) pairIds.set(term, (id = pairIds.size));
      return id;
    });
  const ids = { source: toPair(terms.source), candidate: toPair(terms.candidate) };
  const blankedTerms = (side: 'source' | 'candidate') => blank(terms[side], ids[side], flags[side]);
  const pair = { source: blankedTerms('source'), candidate: blankedTerms('candidate') };

  // Inverse sentence frequency, exactly as `inverseSentenceFrequency` over the blanked sentences.
  const df = new Float64Array(pairIds.size);
  for (const t of [pair.source, pair.candidate]) for (const id of t.termId) df[id]!++;
  const n = source.sentences.length + candidate.sentences.length;
  const idf = df.map((f) => (f > 0 ? Math.log(1 + n / f) : 0));

  const features = (doc: TextDocument, side: 'source' | 'candidate'): SentenceFeatures => {
    const { termStart, termId, termCount } = pair[side];
    // Sublinear tf times idf, and each sentence's norm, summed in term order as `weigh` does.
    const weight = new Float64Array(termId.length);
    const norm = new Float64Array(doc.sentences.length);
    for (let s = 0; s < doc.sentences.length; s++) {
      let sq = 0;
      for (let k = termStart[s]!; k < termStart[s + 1]!; k++) {
        const w = (1 + Math.log(termCount[k]!)) * idf[termId[k]!]!;
        weight[k] = w;
        sq += w * w;
      }
      norm[s] = Math.sqrt(sq);
    }
    const shingles = sentenceShingles(doc, shingleSize);
    const kept = blankRuns(shingles.shingleStart, shingles.shingleHash, flags[side], (v) => Uint32Array.from(v));
    return { termStart, termId, termCount, weight, norm, shingleStart: kept.start, shingleHash: kept.values, boilerplate: flags[side] };
  };
  return { source: features(source, 'source'), candidate: features(candidate, 'candidate'), idf };
}

/** A document's terms with pair ids, boilerplate sentences emptied. */
function blank(terms: DocumentTerms, pairId: Int32Array, flags: boolean[]): { termStart: Int32Array; termId: Int32Array; termCount: Int32Array } {
  const kept = blankRuns(terms.termStart, terms.termId, flags, (v) => Int32Array.from(v));
  const keptCounts = blankRuns(terms.termStart, terms.termCount, flags, (v) => Int32Array.from(v));
  return { termStart: kept.start, termId: kept.values.map((id) => pairId[id]!), termCount: keptCounts.values };
}

/** Per-sentence runs (`values[start[i] .. start[i + 1])`) with those of flagged sentences emptied. */
function blankRuns<T extends Int32Array | Uint32Array>(start: Int32Array, values: T, flags: boolean[], make: (v: number[]) => T): { start: Int32Array; values: T } {
  if (!flags.some(Boolean)) return { start, values };
  const out = new Int32Array(start.length);
  const kept: number[] = [];
  for (let i = 0; i + 1 < start.length; i++) {
    if (!flags[i]) for (let k = start[i]!; k < start[i + 1]!; k++) kept.push(values[k]!);
    out[i + 1] = kept.length;
  }
  return { start: out, values: make(kept) };
}
