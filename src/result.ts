import type { Range } from './util/range.js';

/** Bump only on a breaking change to the JSON shape; tools parse these names. See schema/compare-result.schema.json. */
export const SCHEMA_VERSION = 1;

export type Verdict = 'duplicate' | 'paraphrase' | 'partial-reuse' | 'none';
export type PassageKind = 'verbatim' | 'near-verbatim' | 'paraphrase';

export interface DocumentInfo {
  /** The path the text was read from, or null when it was passed in as a string. */
  path: string | null;
  /** Length of the text in UTF-16 code units: every offset is below or equal to this. */
  length: number;
  sentences: number;
}

/** One candidate sentence (or two merged) aligned with the source sentence(s) it was derived from. */
export interface SentencePair {
  source: Range;
  candidate: Range;
  similarity: number;
}

export interface Passage {
  source: Range;
  candidate: Range;
  /** Length-weighted mean similarity of the passage's sentence pairs, in [0, 1]. */
  similarity: number;
  kind: PassageKind;
  /** Chain score: evidence that this is reuse rather than coincidence (higher is stronger). */
  score: number;
  pairs: SentencePair[];
}

export interface CompareResult {
  schemaVersion: typeof SCHEMA_VERSION;
  source: DocumentInfo;
  candidate: DocumentInfo;
  verdict: Verdict;
  /** Fraction of each text's non-whitespace characters that lie inside passages. */
  coverage: { candidate: number; source: number };
  /** Coverage-weighted similarity of all passages (0 when there are none). */
  similarity: number;
  /** Whole-document MinHash estimates over word shingles: how much *verbatim* phrasing the texts share. */
  resemblance: { jaccard: number; containment: number };
  passages: Passage[];
  /** Present only when boilerplate keys were given: the sentences ignored as boilerplate, on each side. */
  boilerplate?: { source: Range[]; candidate: Range[] };
  /** Present only when asked for (`alignmentMap: true`): the data behind the report's dot plot. */
  map?: AlignmentMap;
}

/**
 * The sentence-by-sentence similarity grid of the pair, sparse: a rewrite shows up as a diagonal of cells,
 * same-topic noise as scattered faint ones. Sentences are listed by range; cells refer to them by index.
 */
export interface AlignmentMap {
  sourceSentences: Range[];
  candidateSentences: Range[];
  cells: { source: number; candidate: number; similarity: number }[];
}
