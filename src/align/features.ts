import type { TextDocument } from '../text/document.js';
import { shingleSet } from '../fingerprint/shingles.js';
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
  const sourceTerms = blank(sentenceTerms(source), sourceBoilerplate);
  const candidateTerms = blank(sentenceTerms(candidate), candidateBoilerplate);
  const idf = inverseSentenceFrequency(sourceTerms, candidateTerms);
  const features = (doc: TextDocument, terms: TermCounts[], flags: boolean[]): SentenceFeatures => ({
    terms,
    vectors: terms.map((t) => weigh(t, idf)),
    shingles: doc.sentences.map((s, i) => (flags[i] ? new Set() : shingleSet(doc, shingleSize, s.firstToken, s.endToken))),
    boilerplate: flags,
  });
  return {
    source: features(source, sourceTerms, sourceBoilerplate),
    candidate: features(candidate, candidateTerms, candidateBoilerplate),
    idf,
  };
}
