import model from 'wink-eng-lite-web-model';
import { loadWink } from './wink-stateless.js';

const winkNLP = loadWink();

/**
 * The one wink-nlp instance, created on first use (loading the model costs ~60 ms).
 * Only sentence boundary detection is enabled: lemmas and stop-word flags come without the POS tagger,
 * and skipping it halves tokenization time.
 */
let instance: ReturnType<typeof winkNLP> | undefined;

export function nlp(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model, ['sbd']);
  return instance;
}

/**
 * wink's Porter stemmer (what `its.stem` applies to each token's value), memoized per distinct word:
 * through `its.stem` stemming was more than half of the analysis time, and news vocabulary repeats.
 */
const stemWord = (model as unknown as { addons: { stem: (word: string) => string } }).addons.stem;
const STEM_MEMO_LIMIT = 500_000;
const stemMemo = new Map<string, string>();
/**
 * Longer tokens are not English words (URLs, base64, a run of Chinese characters with no spaces) and the
 * stemmer's time grows with the square of a word's length: one 30,000-character token took 3 s.
 */
export const MAX_STEMMED_LENGTH = 64;

export function porterStem(word: string): string {
  if (word.length > MAX_STEMMED_LENGTH) return word;
  let stem = stemMemo.get(word);
  if (stem === undefined) {
    if (stemMemo.size >= STEM_MEMO_LIMIT) stemMemo.clear(); // bound memory on endless streams of new words
    stem = stemWord(word);
    stemMemo.set(word, stem);
  }
  return stem;
}
