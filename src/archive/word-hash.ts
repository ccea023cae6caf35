import { fmix32, hashString } from '../fingerprint/hash.js';
import type { TextDocument } from '../text/document.js';

/**
 * Hash every word once, then build the hashes of word sequences (sentences, lines, 3-grams) from those
 * numbers instead of joining strings: indexing spends its time on exactly these hashes. Archive-internal:
 * these keys are only compared with keys computed the same way.
 */
export function wordHashes(doc: TextDocument): Uint32Array {
  const out = new Uint32Array(doc.tokens.length);
  doc.tokens.forEach((t, i) => {
    if (t.kind === 'word' || t.kind === 'number') out[i] = hashString(t.norm) | 1; // never 0: 0 marks "not a word"
  });
  return out;
}

/** Order-sensitive hash of a sequence of word hashes; 0 for an empty sequence. */
export class SequenceHash {
  private h = 0x811c9dc5;
  private n = 0;

  add(word: number): void {
    this.h = Math.imul((this.h ^ word) >>> 0, 0x01000193) >>> 0;
    this.n++;
  }

  get value(): number {
    return this.n === 0 ? 0 : fmix32((this.h ^ this.n) >>> 0) || 1;
  }
}

/** The key of a word sequence given as normalized words (tests and tools). */
export function sequenceKey(words: readonly string[]): number {
  const s = new SequenceHash();
  for (const w of words) s.add(hashString(w) | 1);
  return s.value;
}
