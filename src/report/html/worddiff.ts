import { diffArrays } from 'diff';
import type { Range } from '../../util/range.js';

/**
 * Word-level differences inside one aligned sentence pair. `kept`: the same words in the same order on both
 * sides; `changed`: a run replaced by another run; `dropped`: source words with no counterpart; `added`:
 * candidate words with no counterpart. Ranges are absolute offsets into the original texts.
 */
export type WordMark = 'kept' | 'changed' | 'added' | 'dropped';

export interface MarkedRange extends Range {
  mark: WordMark;
}

export interface PairDiff {
  source: MarkedRange[];
  candidate: MarkedRange[];
}

interface WordToken extends Range {
  key: string;
  /** Letters or digits (not punctuation): only these may form a `kept` run on their own. */
  word: boolean;
}

// Han and kana are matched one character at a time (those scripts do not separate words with spaces); any
// other run of letters, digits and marks is a word; anything else that is not space is one token per code point.
const TOKEN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]\p{M}*|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}\p{M}])+(?:['’](?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}\p{M}])+)*|[^\s\p{M}]/gu;
const IS_WORD = /[\p{L}\p{N}]/u;

/** A kept run made only of these (or of punctuation) is not shown as kept: "the" in common is no evidence, and
 *  lighting up every shared article buries the runs that are. */
const FUNCTION_WORDS = new Set(
  ('a an the and or but nor so of to in on at by for from with as into onto than then that this these those it its ' +
    'is are was were be been being has have had do does did will would shall should can could may might must not no ' +
    "he she they we you i his her their our your him them us me who whom which what when where while if also there's " +
    'there here such said says over about after before between').split(' '),
);

/** Past this many edits the pair is too unlike for a word diff to say anything; skip it rather than stall. */
const MAX_EDIT_LENGTH = 4000;

export function tokenizeWords(text: string, range: Range): WordToken[] {
  const slice = text.slice(range.start, range.end);
  const tokens: WordToken[] = [];
  for (const m of slice.matchAll(TOKEN)) {
    const start = range.start + m.index!;
    tokens.push({ start, end: start + m[0].length, key: normalize(m[0]), word: IS_WORD.test(m[0]) });
  }
  return tokens;
}

/** Case, typographic quotes and dashes are editorial noise, not rewording. */
function normalize(token: string): string {
  return token
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-');
}

export function diffPair(sourceText: string, source: Range, candidateText: string, candidate: Range): PairDiff {
  const a = tokenizeWords(sourceText, source);
  const b = tokenizeWords(candidateText, candidate);
  const parts = diffArrays(
    a.map((t) => t.key),
    b.map((t) => t.key),
    { maxEditLength: MAX_EDIT_LENGTH },
  );
  if (!parts) return { source: [], candidate: [] };

  const aMarks: (WordMark | null)[] = new Array<WordMark | null>(a.length).fill(null);
  const bMarks: (WordMark | null)[] = new Array<WordMark | null>(b.length).fill(null);
  let i = 0;
  let j = 0;
  // A change block is the run of removals and additions between two common runs: removals facing additions
  // are a rewording (`changed`); removals alone were dropped; additions alone were added.
  let block: { a: [number, number]; b: [number, number] } | null = null;
  const closeBlock = (): void => {
    if (!block) return;
    const [a0, a1] = block.a;
    const [b0, b1] = block.b;
    const both = a1 > a0 && b1 > b0;
    for (let k = a0; k < a1; k++) aMarks[k] = both ? 'changed' : 'dropped';
    for (let k = b0; k < b1; k++) bMarks[k] = both ? 'changed' : 'added';
    block = null;
  };
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      closeBlock();
      for (let k = 0; k < n; k++) {
        aMarks[i + k] = 'kept';
        bMarks[j + k] = 'kept';
      }
      i += n;
      j += n;
      continue;
    }
    block ??= { a: [i, i], b: [j, j] };
    if (part.removed) {
      i += n;
      block.a[1] = i;
    } else {
      j += n;
      block.b[1] = j;
    }
  }
  closeBlock();
  return { source: toRanges(a, aMarks), candidate: toRanges(b, bMarks) };
}

/** Merge consecutive tokens with the same mark into one range; a kept run of function words or punctuation
 *  alone is left unmarked (it still separates the changes around it). */
function toRanges(tokens: WordToken[], marks: (WordMark | null)[]): MarkedRange[] {
  const out: MarkedRange[] = [];
  let k = 0;
  while (k < tokens.length) {
    const mark = marks[k];
    let end = k + 1;
    while (end < tokens.length && marks[end] === mark) end++;
    const run = tokens.slice(k, end);
    if (mark && (mark !== 'kept' || run.some((t) => t.word && !FUNCTION_WORDS.has(t.key)))) {
      out.push({ start: run[0]!.start, end: run[run.length - 1]!.end, mark });
    }
    k = end;
  }
  return out;
}
