import { sentenceKey } from '../fingerprint/sentence-key.js';
import type { TextDocument } from '../text/document.js';
import { SequenceHash, wordHashes } from './word-hash.js';

/**
 * Boilerplate units: every sentence and every line of a document, keyed by the hash of its normalized words
 * (word-hash.ts). A footer that is a sentence and a line has one key; chrome that wink glues to a
 * neighbouring sentence across a single line break is still caught as a line.
 */
export function unitKeys(doc: TextDocument, words: Uint32Array = wordHashes(doc)): number[] {
  const keys = new Set<number>();
  for (const k of sentenceUnits(doc, words)) if (k !== 0) keys.add(k);
  for (const line of lineUnits(doc, words)) keys.add(line.key);
  return [...keys];
}

function sentenceUnits(doc: TextDocument, words: Uint32Array): number[] {
  return doc.sentences.map((s) => {
    const h = new SequenceHash();
    for (let i = s.firstToken; i < s.endToken; i++) if (words[i]) h.add(words[i]!);
    return h.value;
  });
}

interface LineUnit {
  key: number;
  /** Indices of the line's word and number tokens. */
  tokens: number[];
}

/** The lines of the text that have words, with their keys. */
function lineUnits(doc: TextDocument, words: Uint32Array): LineUnit[] {
  const lines: LineUnit[] = [];
  let hash = new SequenceHash();
  let tokens: number[] = [];
  const close = () => {
    if (tokens.length > 0) lines.push({ key: hash.value, tokens });
    hash = new SequenceHash();
    tokens = [];
  };
  let lineEnd = doc.text.indexOf('\n');
  doc.tokens.forEach((t, i) => {
    while (lineEnd >= 0 && t.start > lineEnd) {
      close();
      lineEnd = doc.text.indexOf('\n', lineEnd + 1);
    }
    if (!words[i]) return;
    hash.add(words[i]!);
    tokens.push(i);
  });
  close();
  return lines;
}

/**
 * The `sentenceKey`s of a document's boilerplate sentences, given the units an archive learned as
 * boilerplate: a sentence whose own unit is boilerplate, or whose words all lie on boilerplate lines. The keys
 * are what `compare`'s `boilerplate` option takes.
 */
export function boilerplateSentences(doc: TextDocument, isBoilerplate: (unit: number) => boolean): { keys: Set<number>; flags: boolean[] } {
  const words = wordHashes(doc);
  const onBoilerplateLine = new Uint8Array(doc.tokens.length);
  for (const line of lineUnits(doc, words)) if (isBoilerplate(line.key)) for (const i of line.tokens) onBoilerplateLine[i] = 1;
  const units = sentenceUnits(doc, words);
  const keys = new Set<number>();
  const flags = doc.sentences.map((s, k) => {
    if (units[k] === 0) return false;
    let covered = true;
    for (let i = s.firstToken; i < s.endToken && covered; i++) if (words[i] && !onBoilerplateLine[i]) covered = false;
    const boilerplate = covered || isBoilerplate(units[k]!);
    if (boilerplate) keys.add(sentenceKey(doc, s));
    return boilerplate;
  });
  return { keys, flags };
}
