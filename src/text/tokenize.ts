import { nlp, porterStem } from './nlp.js';
import type { Sentence, TextDocument, Token, TokenKind } from './document.js';

export interface SegmentOptions {
  /**
   * A "sentence" longer than this many tokens is cut into chunks of this size. Without it a text with no
   * punctuation (a transcript, a scraped table) would be one giant sentence that matches nothing well.
   */
  maxSentenceTokens: number;
}

export const DEFAULT_SEGMENT_OPTIONS: SegmentOptions = { maxSentenceTokens: 80 };

const KIND_BY_WINK_TYPE: Record<string, TokenKind> = {
  word: 'word',
  number: 'number',
  ordinal: 'number',
  currency: 'symbol',
  punctuation: 'punct',
  emoji: 'symbol',
  emoticon: 'symbol',
  symbol: 'symbol',
};

/** A blank line: articles separate headlines, bylines and paragraphs with one. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/;

/**
 * Texts are handed to wink a few paragraphs at a time, about this many characters at once: wink's working
 * memory for one 5 MB text peaked near 500 MiB above the result. Our sentences never cross a blank line, so
 * cutting there changes nothing (a test checks chunked against whole analysis).
 */
export const ANALYSIS_CHUNK_CHARS = 64 * 1024;

/** Split a text into tokens and sentences, each with `[start, end)` offsets into the text as given. */
export function analyze(text: string, options: SegmentOptions = DEFAULT_SEGMENT_OPTIONS, chunkChars = ANALYSIS_CHUNK_CHARS): TextDocument {
  const doc: TextDocument = { text, tokens: [], sentences: [] };
  // Equal token strings share one copy: a long text repeats a few tens of thousands of words a million times.
  const strings = new Map<string, string>();
  const intern = (s: string) => {
    const held = strings.get(s);
    if (held !== undefined) return held;
    strings.set(s, s);
    return s;
  };
  for (const [start, end] of paragraphChunks(text, chunkChars)) analyzeChunk(doc, start, end, options, intern);
  return doc;
}

/** [start, end) ranges that cut the text after a blank line, each about `size` characters (or one longer paragraph). */
export function paragraphChunks(text: string, size: number): [number, number][] {
  const out: [number, number][] = [];
  const breaks = new RegExp(PARAGRAPH_BREAK.source, 'g');
  let start = 0;
  while (text.length - start > size) {
    // The last break within `size` of the start, or else the first one after it.
    let cut = -1;
    breaks.lastIndex = start;
    for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
      const end = m.index + m[0].length;
      if (end - start > size && cut >= 0) break;
      cut = end;
      if (end - start > size) break;
    }
    if (cut < 0 || cut >= text.length) break;
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, text.length]);
  return out;
}

/** Analyze text[start, end) and append its tokens and sentences to `doc`, offsets into the whole text. */
function analyzeChunk(doc: TextDocument, start: number, end: number, options: SegmentOptions, intern: (s: string) => string): void {
  const { text, tokens } = doc;
  const chunk = start === 0 && end === text.length ? text : text.slice(start, end);
  const winkNlp = nlp();
  const its = winkNlp.its;
  const wink = winkNlp.readDoc(chunk);
  const values = wink.tokens().out() as string[];
  const norms = wink.tokens().out(its.normal) as string[];
  // wink's typings declare `its.lemma` with a narrower addons parameter than `out` accepts.
  type ItsArg = Parameters<ReturnType<typeof wink.tokens>['out']>[0];
  const lemmas = wink.tokens().out(its.lemma as ItsArg) as string[];
  const stops = wink.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const types = wink.tokens().out(its.type) as string[];
  const winkSentences = wink.sentences().out(its.span) as unknown as [number, number][];

  // wink reports token values, not positions; tokens are verbatim substrings in order, so we walk the
  // text to recover each one's offsets. `tokenIndex` maps wink's token index to ours (-1: dropped).
  const tokenIndex = new Int32Array(values.length).fill(-1);
  // One wink token can become two of ours (possessives): where its tokens end.
  const tokenEnd = new Int32Array(values.length).fill(-1);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const type = types[i]!;
    const found = chunk.indexOf(value, cursor);
    if (found < 0 || value.length === 0) continue; // not found verbatim: drop it rather than guess an offset
    cursor = found + value.length;
    const at = start + found;
    if (type === 'tabCRLF' || value.trim().length === 0) continue;
    tokenIndex[i] = tokens.length;
    const head = type === 'word' ? possessiveHead(value) : 0;
    if (head > 0) {
      // See possessiveHead: always two tokens, exactly as wink splits a possessive it has not learned.
      tokens.push(wordToken(value.slice(0, head), at, intern), { start: at + head, end: at + value.length, norm: "'s", lemma: "'s", stem: "'s", stop: false, kind: 'word' });
      tokenEnd[i] = tokens.length;
      continue;
    }
    tokens.push({
      start: at,
      end: at + value.length,
      // wink leaves some lemmas undefined (e.g. for "cannot"): fall back to the normal form.
      norm: intern((norms[i] ?? value).toLowerCase()),
      lemma: intern((lemmas[i] ?? norms[i] ?? value).toLowerCase()),
      stem: intern((porterStem(value) ?? norms[i] ?? value).toLowerCase()),
      stop: stops[i] ?? false,
      kind: KIND_BY_WINK_TYPE[type] ?? (/[\p{L}\p{N}]/u.test(value) ? 'word' : 'symbol'),
    });
    tokenEnd[i] = tokens.length;
  }

  for (const [first, last] of winkSentences) {
    let begin = -1;
    let end = -1;
    for (let i = first; i <= last; i++) {
      const t = tokenIndex[i]!;
      if (t < 0) continue;
      if (begin < 0) begin = t;
      end = tokenEnd[i]!;
    }
    if (begin >= 0) splitSentence(text, tokens, begin, end, options, doc.sentences);
  }
}

/**
 * Where the possessive "'s" of a word token starts, or 0. wink splits "Sony's" into "Sony" + "'s" in running
 * text but keeps it whole before punctuation ("it is Sony's."), and used to learn that whole form for the
 * rest of the process (see wink-stateless.ts). Splitting every possessive ourselves gives one form wherever
 * it stands, so "Sony's." and "Sony's bid" share the word "sony".
 */
function possessiveHead(value: string): number {
  const n = value.length;
  if (n < 3 || (value[n - 1] !== 's' && value[n - 1] !== 'S') || (value[n - 2] !== "'" && value[n - 2] !== '\u2019')) return 0;
  return /\p{L}/u.test(value[n - 3]!) ? n - 2 : 0;
}

const headMemo = new Map<string, { lemma: string; stop: boolean }>();

/** A possessive's head word as wink tokenizes it alone (lemma and stop flag looked up once per word). */
function wordToken(value: string, at: number, intern: (s: string) => string): Token {
  const norm = value.toLowerCase();
  let head = headMemo.get(norm);
  if (head === undefined) {
    const tokens = nlp().readDoc(norm).tokens();
    type ItsArg = Parameters<typeof tokens.out>[0];
    const lemma = (tokens.out(nlp().its.lemma as ItsArg) as string[])[0];
    const stop = (tokens.out(nlp().its.stopWordFlag) as unknown as boolean[])[0];
    head = { lemma: (lemma ?? norm).toLowerCase(), stop: stop ?? false };
    if (headMemo.size < 100_000) headMemo.set(norm, head);
  }
  return { start: at, end: at + value.length, norm: intern(norm), lemma: head.lemma, stem: intern(porterStem(value).toLowerCase()), stop: head.stop, kind: 'word' };
}

/** Emit tokens [begin, end) as sentences, breaking at blank lines and at the length cap. */
function splitSentence(
  text: string,
  tokens: Token[],
  begin: number,
  end: number,
  options: SegmentOptions,
  out: Sentence[],
): void {
  let first = begin;
  for (let t = begin + 1; t <= end; t++) {
    const atEnd = t === end;
    const broken = !atEnd && PARAGRAPH_BREAK.test(text.slice(tokens[t - 1]!.end, tokens[t]!.start));
    if (atEnd || broken || t - first >= options.maxSentenceTokens) {
      out.push({ start: tokens[first]!.start, end: tokens[t - 1]!.end, firstToken: first, endToken: t });
      first = t;
    }
  }
}
