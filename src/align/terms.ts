import type { TextDocument, Token } from '../text/document.js';

/** A sentence as a bag of content terms (stems of non-stop words and numbers) with their counts. */
export type TermCounts = Map<string, number>;

/** A sentence's terms weighted by tf-idf, with its Euclidean norm precomputed. */
export interface TermVector {
  weights: Map<string, number>;
  norm: number;
}

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function isContentToken(t: Token): boolean {
  return (t.kind === 'word' || t.kind === 'number') && !t.stop && t.lemma.length > 1 && HAS_LETTER_OR_DIGIT.test(t.lemma);
}

/**
 * The term a content token contributes: its Porter stem, with typographic apostrophes folded ("Putin’s").
 * Stems rather than lemmas, measured: without a POS tagger the lemmatizer misses inflections ("weakening",
 * "expressed"), and on PAN13 stems raise plagdet 0.840 -> 0.848 (translation obfuscation 0.904 -> 0.918),
 * on MRPC ROC AUC 0.743 -> 0.746.
 */
export function termOf(t: Token): string {
  return t.stem.replace(/[\u2019\u02bc]/g, "'");
}

export function sentenceTerms(doc: TextDocument): TermCounts[] {
  return doc.sentences.map((s) => {
    const counts: TermCounts = new Map();
    countTerms(doc, s.firstToken, s.endToken, counts);
    return counts;
  });
}

/** Add the terms of tokens [from, to) to `counts`; returns how many term occurrences were added. */
export function countTerms(doc: TextDocument, from: number, to: number, counts: TermCounts): number {
  let added = 0;
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i]!;
    if (!isContentToken(t)) continue;
    const term = termOf(t);
    if (term === "'s") continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
    added++;
  }
  return added;
}

/**
 * Inverse sentence frequency over the sentences of *both* documents. Computing it within the pair, rather
 * than from a background corpus, is what suppresses topic vocabulary: in two articles about the same
 * summit, "China", "Russia" and "visit" occur in many sentences and weigh little, while the rarer words a
 * rewrite keeps ("containment", "wedge", "95 billion") weigh a lot.
 */
export function inverseSentenceFrequency(...docs: TermCounts[][]): Map<string, number> {
  const df = new Map<string, number>();
  let n = 0;
  for (const sentences of docs) {
    for (const counts of sentences) {
      n++;
      for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  const idf = new Map<string, number>();
  for (const [term, f] of df) idf.set(term, Math.log(1 + n / f));
  return idf;
}

/** Sublinear tf times idf: a word repeated in one sentence counts, but not linearly. */
export function weigh(counts: TermCounts, idf: Map<string, number>): TermVector {
  const weights = new Map<string, number>();
  let sq = 0;
  for (const [term, c] of counts) {
    const w = (1 + Math.log(c)) * (idf.get(term) ?? 0);
    weights.set(term, w);
    sq += w * w;
  }
  return { weights, norm: Math.sqrt(sq) };
}

/** Merge the term counts of several sentences (a passage, or two sentences rewritten as one). */
export function mergeCounts(parts: readonly TermCounts[]): TermCounts {
  const out: TermCounts = new Map();
  for (const p of parts) for (const [t, c] of p) out.set(t, (out.get(t) ?? 0) + c);
  return out;
}
