import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import type { CompareResult } from '../src/result.js';
import { analyze } from '../src/text/tokenize.js';
import { expectWellFormed } from './helpers/invariants.js';

/** Words of several scripts, digits, astral characters and emoji: what news text and its captures contain. */
const word = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z]{3,10}$/) },
  { weight: 2, arbitrary: fc.constantFrom('China', 'Putin’s', "don't", 'U.S.', '$95', '2024', 'co-operation', 'Français', 'naïve') },
  { weight: 1, arbitrary: fc.constantFrom('中文', 'Москва', 'مرحبا', 'Ελλάδα', 'हिन्दी', '😀', '👍🏽', '👨‍👩‍👧', '𝐀𝐁𝐂', '𠜎', '\u0000', '\u00a0') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
);

const sentence = fc
  .tuple(fc.array(word, { minLength: 3, maxLength: 16 }), fc.constantFrom('.', '!', '?', '', '…', '。'))
  .map(([words, stop]) => words.join(' ') + stop);

const separator = fc.constantFrom(' ', ' ', '\n', '\n\n', '\r\n', '\t', '  ');

/** A text of arbitrary Unicode sentences. */
const text = fc
  .array(fc.tuple(sentence, separator), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.map(([s, sep]) => s + sep).join(''));

/** An edit at a random position: insertion, deletion or replacement, with arbitrary (also astral) characters. */
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.constant(''), fc.string({ unit: 'binary', maxLength: 8 }), sentence),
});

function applyEdits(base: string, edits: readonly { at: number; remove: number; insert: string }[]): string {
  let out = base;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
  }
  return out;
}

/**
 * Offsets are slice-consistent: each range starts where a token of the text starts and ends where a token
 * ends, so `text.slice(start, end)` is exactly the words reported, never a cut through a word or a character.
 */
function expectOnTokenBoundaries(result: CompareResult, sourceText: string, candidateText: string): void {
  const bounds = (t: string) => {
    const doc = analyze(t);
    return { starts: new Set(doc.tokens.map((k) => k.start)), ends: new Set(doc.tokens.map((k) => k.end)) };
  };
  const sides = { source: bounds(sourceText), candidate: bounds(candidateText) };
  for (const p of result.passages) {
    for (const r of [p, ...p.pairs]) {
      for (const side of ['source', 'candidate'] as const) {
        expect(sides[side].starts.has(r[side].start), `${side} start ${r[side].start}`).toBe(true);
        expect(sides[side].ends.has(r[side].end), `${side} end ${r[side].end}`).toBe(true);
      }
    }
  }
}

describe('compare, on random Unicode texts and random edits', () => {
  it('keeps every offset in bounds and on token boundaries, passages disjoint on both sides, coverage in [0, 1]', () => {
    let withPassages = 0;
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 6 }), (source, edits) => {
        const candidate = applyEdits(source, edits);
        const result = compare(source, candidate);
        expectWellFormed(result, source, candidate);
        expectOnTokenBoundaries(result, source, candidate);
        if (result.passages.length > 0) withPassages++;
      }),
      // The first example was found by this property (1 run in several hundred): a split copy's neighbouring sentence
      // paired into the next copy's source, so two passages shared source text (see align/disjoint.ts).
      // The second, by a longer run of it: passages reaching into one gap between sentences, the later one started in
      // the space after the earlier one's last token (see wordEdges); as edits, the candidate replaces the source whole.
      { numRuns: 150, examples: [["aaaa aaaaaaaa 𐀀  . China aaa $95 𐀀. aaaaaaa 中文 aaaaaa aaaaaa China aaaaaaaaa aaaa. aaaaaaaa aaaaaaaa aaaaaaaaa China. aaaaaaaaaa 𐀀 Putin’s   . aaaaaaa aaaa China. aaa aaaa aaaa aaaaaaaaa. aaaaa 中文 aaaaaa China  𐀀. ", [{"at": 18964862, "remove": 0, "insert": "aaaaaa aaaaaa aaaa aba aaaaaaab."}, {"at": 483213171, "remove": 0, "insert": "aaaaa aaaaaaaaa  \ud800\udc00  aaaaaaaaa aaaaaaaa \u0645\u0631\u062d\u0628\u0627 \u4e2d\u6587 \ud800\udc00."}, {"at": 0, "remove": 9, "insert": ""}, {"at": 2001930246, "remove": 4, "insert": ""}]], ["fylsw caajfrbnr Ἓ U.S. tspwbyuqsr don't co-operation Putin’s.\tzdytjoaf Putin’s 𝐀𝐁𝐂 ң U.S. ﲁ⧸𞡑 🮦𐡚 mehb kvshda mzhvcrs yebwa。\n\npceye ﰞ𘫲ﮄ jhrpvr fjjzxzaha pld don't izdyjzc csckpmhldu U.S. 𓉓Ꮄݝ➼ zgqfqvb $95 xqznetkmi?  palkwpnye مرحبا dgzcld zcccyrmto indbwpystr naïve sww 🠨 中文 $95 U.S. co-operation $95 𐩦𑄸 puljo China Putin’s bjggqnscjo bxgw ddbkk? mnnngw Français 𐐖 ﾲල iei?\nxdge nhmwtcs cegjzbwptq djd 🖘🡤𐭐∷ U.S. 𓇏Ꙓ𘴈𐄐 gpnki nonnpiwh msmwkhtka khzkq ooiydm ⒆Ꮗ🧣\r\n", [{ at: 0, remove: 458, insert: "fylsw caajfrbnr Ἓ U.S. tspwbyuqsr don't co-operation Putin’s.\tzdytjoaf Putin’s 𝐀𝐁𝐂 ң U.S. ﲁ⧸𞡑 🮦𐡚 mehb kvshda mzhvcrs yebwa。\n\npceمرحبا don't lnlpoexgs Москва tmcd ︖𐪜 hmpdhvfyx󣧧򬊲󔢯󩕺󊂢󈶃숖ançais lxp qayamljl 𠜎 हिन्दी مرحب𾗔fjjzxzaha pld don't izdyjzc cscoenkw sbs bzxttctu wpkxd dcahk naïve ⠸🌟ﬦգ pcrtdwy gfthbgani siqnoh iklduzqio irjwe uff don't 𓉓Ꮄݝ➼ zgqfqvb $95 xqznetkmi?  palkwpnye مرحبا dgzcld zcccy򮳐򵽒񘅌󵊩󊚛dbwpystr naïve sww 🠨 中文 $95 U.S. co-operation $95 𐩦𑄸 puljo China Putin’s bjggqnscjo bxgw ddbkk? mnnngw Français 𐐖 ﾲල iei?\nxdge nhmwtcs cegjzbwptq djd 🖘🡤𐭐∷ U.S. 𓇏Ꙓ𘴈𐄐 gpnki nonnpiwh msmwkhtka khzkq ooiydm ⒆Ꮗ🧣\r\n" }]]] },
    );
    // The edited texts mostly still share passages: the offset checks above ran on real alignments.
    expect(withPassages).toBeGreaterThan(50);
  });

  it('covers a text compared with itself completely, on both sides', () => {
    // Sentences with enough distinct content words to be evidence on their own (short ones alone are not).
    const contentSentence = fc
      .tuple(fc.uniqueArray(fc.stringMatching(/^[a-z]{4,9}$/), { minLength: 8, maxLength: 14 }), fc.array(word, { maxLength: 4 }))
      .map(([content, noise]) => [...content.slice(0, 4), ...noise, ...content.slice(4)].join(' ') + '.');
    const document = fc.array(fc.tuple(contentSentence, separator), { minLength: 1, maxLength: 10 }).map((parts) => parts.map(([s, sep]) => s + sep).join(''));
    fc.assert(
      fc.property(document, (t) => {
        const result = compare(t, t);
        expectWellFormed(result, t, t);
        expect(result.coverage).toEqual({ candidate: 1, source: 1 });
        expect(result.verdict).toBe('duplicate');
      }),
      { numRuns: 100 },
    );
  });
});
