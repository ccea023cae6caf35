import { createHash } from 'node:crypto';
import { countTerms } from '../align/terms.js';
import type { TextDocument } from '../text/document.js';
import { analyze } from '../text/tokenize.js';
import { bandKeys } from './lsh.js';
import { documentSignature } from './signature.js';
import { termId } from './term-id.js';
import { unitKeys } from './units.js';
import { wordHashes } from './word-hash.js';

/** What the archive stores about a document besides its text: everything retrieval and scan need. */
export interface DocumentFeatures {
  /** sha256 of the text (hex): re-adding the same text is a no-op, and byte-identical copies group by it. */
  hash: string;
  /** The first non-empty line, trimmed (news files start with the headline). */
  title: string;
  /** Length of the text in UTF-16 code units. */
  length: number;
  /** Number of content-term occurrences: the document length for BM25. */
  termCount: number;
  /** Distinct content terms (termId) and their counts, in the same order. */
  termIds: number[];
  termFreqs: number[];
  /** Distinct keys of its sentences and lines, for learning boilerplate. */
  unitKeys: number[];
  /** 128-bin one-permutation MinHash of its word 3-grams (signature.ts), and how many 3-grams it has. */
  signature: Uint32Array;
  shingles: number;
  /** LSH band keys of the signature; none for a text without shingles. */
  bands: number[];
}

const TITLE_MAX = 200;

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const LINE = /[^\r\n]+/g;

export function titleOf(text: string): string {
  // The first non-empty line, found without splitting the whole text into lines.
  let line = '';
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m; m = LINE.exec(text)) {
    if (m[0].trim().length > 0) {
      line = m[0];
      break;
    }
  }
  const title = line.trim().replace(/\s+/g, ' ');
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

/** Content-term counts of a whole document, keyed by termId. */
export function documentTerms(doc: TextDocument): { ids: number[]; freqs: number[]; total: number } {
  // The terms `sentenceTerms` yields, counted straight into one map (no map per sentence): same terms, counts
  // and first-occurrence order.
  const counts = new Map<string, number>();
  let total = 0;
  for (const s of doc.sentences) total += countTerms(doc, s.firstToken, s.endToken, counts);
  // Hash each distinct term once; two terms never share an id in practice (see termId).
  return { ids: [...counts.keys()].map(termId), freqs: [...counts.values()], total };
}

export function documentFeatures(text: string, doc: TextDocument = analyze(text)): DocumentFeatures {
  const terms = documentTerms(doc);
  const words = wordHashes(doc);
  const sig = documentSignature(doc, words);
  return {
    hash: contentHash(text),
    title: titleOf(text),
    length: text.length,
    termCount: terms.total,
    termIds: terms.ids,
    termFreqs: terms.freqs,
    unitKeys: unitKeys(doc, words),
    signature: sig.mins,
    shingles: sig.size,
    bands: sig.size > 0 ? bandKeys(sig.mins) : [],
  };
}
