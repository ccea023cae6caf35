import type { TextDocument } from '../text/document.js';
import { shingleSet } from '../fingerprint/shingles.js';
import { inverseSentenceFrequency, sentenceTerms, weigh, type TermCounts, type TermVector } from './terms.js';

/** What the aligner knows about each sentence of one document of the pair. */
export interface SentenceFeatures {
  terms: TermCounts[];
  vectors: TermVector[];
  /** Distinct word-shingle hashes per sentence. */
  shingles: Set<number>[];
}

/** Features of both documents, weighted with one idf computed over the pair. */
export function pairFeatures(
  source: TextDocument,
  candidate: TextDocument,
  shingleSize: number,
): { source: SentenceFeatures; candidate: SentenceFeatures; idf: Map<string, number> } {
  const sourceTerms = sentenceTerms(source);
  const candidateTerms = sentenceTerms(candidate);
  const idf = inverseSentenceFrequency(sourceTerms, candidateTerms);
  const features = (doc: TextDocument, terms: TermCounts[]): SentenceFeatures => ({
    terms,
    vectors: terms.map((t) => weigh(t, idf)),
    shingles: doc.sentences.map((s) => shingleSet(doc, shingleSize, s.firstToken, s.endToken)),
  });
  return { source: features(source, sourceTerms), candidate: features(candidate, candidateTerms), idf };
}
