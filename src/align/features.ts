import type { TextDocument } from '../text/document.js';
import { documentShingles } from '../fingerprint/shingles.js';
import { sentenceKey } from '../fingerprint/sentence-key.js';
import { inverseSentenceFrequency, sentenceTerms, weigh, type TermCounts, type TermVector } from './terms.js';

/** What the aligner knows about each sentence of one document of the pair. */
export interface SentenceFeatures {
  terms: TermCounts[];
  vectors: TermVector[];
  /** Distinct word-shingle hashes per sentence. */
  shingles: Set<number>[];
  /** Sentences recognised as boilerplate: they carry no terms or shingles, so they never anchor. */
  boilerplate: boolean[];
}

/**
 * Per-document parts of the features, computed once per analyzed document: batch and archive runs align one
 * document against many partners. Callers must not mutate them.
 */
const shingleCache = new WeakMap<TextDocument, Map<number, Set<number>[]>>();
const termCache = new WeakMap<TextDocument, TermCounts[]>();

function sentenceShingles(doc: TextDocument, shingleSize: number): Set<number>[] {
  let bySize = shingleCache.get(doc);
  if (!bySize) shingleCache.set(doc, (bySize = new Map()));
  let sets = bySize.get(shingleSize);
  if (!sets) {
    // The document's shingles, each to the sentence it lies wholly inside (those spanning two belong to neither).
    const bySentence = doc.sentences.map(() => new Set<number>());
    let k = 0;
    for (const sh of documentShingles(doc, shingleSize)) {
      while (k < doc.sentences.length && doc.sentences[k]!.endToken <= sh.firstToken) k++;
      const sentence = doc.sentences[k];
      if (sentence && sh.firstToken >= sentence.firstToken && sh.end <= sentence.end) bySentence[k]!.add(sh.hash);
    }
    bySize.set(shingleSize, (sets = bySentence));
  }
  return sets;
}

function cachedTerms(doc: TextDocument): TermCounts[] {
  let terms = termCache.get(doc);
  if (!terms) termCache.set(doc, (terms = sentenceTerms(doc)));
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
): { source: SentenceFeatures; candidate: SentenceFeatures; idf: Map<string, number> } {
  const isBoilerplate = (doc: TextDocument) => doc.sentences.map((s) => boilerplate.size > 0 && boilerplate.has(sentenceKey(doc, s)));
  const sourceBoilerplate = isBoilerplate(source);
  const candidateBoilerplate = isBoilerplate(candidate);
  const blank = (terms: TermCounts[], flags: boolean[]) => terms.map((t, i) => (flags[i] ? new Map() : t));
  const sourceTerms = blank(cachedTerms(source), sourceBoilerplate);
  const candidateTerms = blank(cachedTerms(candidate), candidateBoilerplate);
  const idf = inverseSentenceFrequency(sourceTerms, candidateTerms);
  const features = (doc: TextDocument, terms: TermCounts[], flags: boolean[]): SentenceFeatures => {
    const shingles = sentenceShingles(doc, shingleSize);
    return {
      terms,
      vectors: terms.map((t) => weigh(t, idf)),
      shingles: flags.some(Boolean) ? shingles.map((set, i) => (flags[i] ? new Set<number>() : set)) : shingles,
      boilerplate: flags,
    };
  };
  return {
    source: features(source, sourceTerms, sourceBoilerplate),
    candidate: features(candidate, candidateTerms, candidateBoilerplate),
    idf,
  };
}
