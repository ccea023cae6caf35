import type { Sentence, TextDocument } from '../text/document.js';
import { hashString } from './hash.js';

/**
 * A sentence's identity for boilerplate detection: the hash of its normalized words, so the same footer
 * ("The views don't necessarily reflect those of China Daily.") has one key whatever its spacing or case.
 * Returns 0 for a sentence without words.
 */
export function sentenceKey(doc: TextDocument, sentence: Sentence): number {
  let key = '';
  for (let i = sentence.firstToken; i < sentence.endToken; i++) {
    const t = doc.tokens[i]!;
    if (t.kind === 'word' || t.kind === 'number') key += (key ? ' ' : '') + t.norm;
  }
  return key ? hashString(key) : 0;
}

export function sentenceKeys(doc: TextDocument): number[] {
  return doc.sentences.map((s) => sentenceKey(doc, s));
}
