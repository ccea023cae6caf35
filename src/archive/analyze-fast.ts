import model from 'wink-eng-lite-web-model';
import { nlp } from '../text/nlp.js';
import type { Sentence, TextDocument, Token, TokenKind } from '../text/document.js';
import { DEFAULT_SEGMENT_OPTIONS, type SegmentOptions } from '../text/tokenize.js';

/**
 * `analyze`, faster: wink's `its.stem` runs the Porter stemmer on every token and is more than half of the
 * analysis time. This calls the same stemmer function (the model's `addons.stem`, which `its.stem` applies to
 * the token's value) through a memo, so each distinct word is stemmed once per process. Everything else is
 * `analyze`'s code; tests/archive/analyze-fast.test.ts checks that tokens, stems, sentences and offsets are
 * identical, so the archive uses it everywhere (indexing, check, scan) and results equal `compare`'s.
 */
const porterStem = (model as unknown as { addons: { stem: (word: string) => string } }).addons.stem;
const STEM_MEMO_LIMIT = 500_000;
const stemMemo = new Map<string, string>();

function stemOf(value: string): string {
  let s = stemMemo.get(value);
  if (s === undefined) {
    if (stemMemo.size >= STEM_MEMO_LIMIT) stemMemo.clear();
    s = porterStem(value);
    stemMemo.set(value, s);
  }
  return s;
}
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

const PARAGRAPH_BREAK = /\n[^\S\n]*\n/;

export function analyzeFast(text: string, options: SegmentOptions = DEFAULT_SEGMENT_OPTIONS): TextDocument {
  const winkNlp = nlp();
  const its = winkNlp.its;
  const doc = winkNlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const norms = doc.tokens().out(its.normal) as string[];
  type ItsArg = Parameters<ReturnType<typeof doc.tokens>['out']>[0];
  const lemmas = doc.tokens().out(its.lemma as ItsArg) as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const types = doc.tokens().out(its.type) as string[];
  const winkSentences = doc.sentences().out(its.span) as unknown as [number, number][];

  const tokens: Token[] = [];
  const tokenIndex = new Int32Array(values.length).fill(-1);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const type = types[i]!;
    const at = text.indexOf(value, cursor);
    if (at < 0 || value.length === 0) continue;
    cursor = at + value.length;
    if (type === 'tabCRLF' || value.trim().length === 0) continue;
    tokenIndex[i] = tokens.length;
    tokens.push({
      start: at,
      end: at + value.length,
      // Same fallbacks as analyze: wink leaves some lemmas undefined (e.g. for "cannot").
      norm: (norms[i] ?? value).toLowerCase(),
      lemma: (lemmas[i] ?? norms[i] ?? value).toLowerCase(),
      stem: (stemOf(value) ?? norms[i] ?? value).toLowerCase(),
      stop: stops[i] ?? false,
      kind: KIND_BY_WINK_TYPE[type] ?? (/[\p{L}\p{N}]/u.test(value) ? 'word' : 'symbol'),
    });
  }

  const sentences: Sentence[] = [];
  for (const [first, last] of winkSentences) {
    let begin = -1;
    let end = -1;
    for (let i = first; i <= last; i++) {
      const t = tokenIndex[i]!;
      if (t < 0) continue;
      if (begin < 0) begin = t;
      end = t + 1;
    }
    if (begin < 0) continue;
    let from = begin;
    for (let t = begin + 1; t <= end; t++) {
      const atEnd = t === end;
      const broken = !atEnd && PARAGRAPH_BREAK.test(text.slice(tokens[t - 1]!.end, tokens[t]!.start));
      if (atEnd || broken || t - from >= options.maxSentenceTokens) {
        sentences.push({ start: tokens[from]!.start, end: tokens[t - 1]!.end, firstToken: from, endToken: t });
        from = t;
      }
    }
  }
  return { text, tokens, sentences };
}
