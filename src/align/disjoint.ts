import type { Chain, SentenceSpan } from './chain.js';
import { sourceHull } from './pair-bounds.js';
import type { SentencePairIndex } from './pairs.js';

interface Spanned {
  chain: Chain;
  sentencePairs: SentencePairIndex[];
  source: SentenceSpan;
  candidate: SentenceSpan;
}

/**
 * Passages that share no sentence on either side. Chains are disjoint, but the stages after them are not bound
 * by that: a pair may point into a source sentence another passage holds (a split copy's neighbour pairing into
 * the next copy), and a span may reach past its pairs (a summary). A report must never credit one stretch of text
 * to two passages, so:
 * 1. a source sentence two passages' pairs both take stays with the more similar pair; the other pair goes;
 * 2. then, stronger passages first (the summed similarity of their pairs), a passage whose span still meets one
 *    already kept keeps, on each side, only the free stretch holding the most of its pairs' similarity, and its
 *    pairs there. A passage left with no pair goes.
 * Where a passage loses an end pair, its span shrinks to the pairs left on that end; passages untouched stay the
 * same objects. The order of `passages` is kept.
 */
export function disjointPassages<T extends Spanned>(passages: readonly T[]): T[] {
  const claimed = withoutContestedPairs(passages);
  const strength = claimed.map((p) => p.sentencePairs.reduce((sum, q) => sum + q.similarity, 0));
  const order = claimed.map((_, k) => k).sort((a, b) => strength[b]! - strength[a]! || a - b);
  const kept: T[] = [];
  const out = new Array<T | undefined>(claimed.length);
  for (const k of order) {
    const fitted = fitBeside(claimed[k]!, kept);
    if (fitted) kept.push((out[k] = fitted));
  }
  return out.filter((p): p is T => p !== undefined);
}

/** Step 1: each source sentence that several passages' pairs take goes to the most similar of those pairs. */
function withoutContestedPairs<T extends Spanned>(passages: readonly T[]): T[] {
  const best = new Map<number, number>();
  for (const p of passages) {
    for (const q of p.sentencePairs) for (let s = q.sourceFirst; s <= q.sourceLast; s++) best.set(s, Math.max(best.get(s) ?? -Infinity, q.similarity));
  }
  const owners = new Map<number, number>();
  passages.forEach((p, k) => {
    for (const q of p.sentencePairs) for (let s = q.sourceFirst; s <= q.sourceLast; s++) if (q.similarity === best.get(s) && !owners.has(s)) owners.set(s, k);
  });
  return passages.map((p, k) => {
    const pairs = p.sentencePairs.filter((q) => owns(owners, k, q));
    return pairs.length === p.sentencePairs.length ? p : withPairs(p, pairs, p.source, p.candidate);
  });
}

/** Step 2: `p` confined to the free stretches beside `kept`, or undefined if none holds a pair of it. */
function fitBeside<T extends Spanned>(p: T, kept: readonly T[]): T | undefined {
  if (p.sentencePairs.length === 0) return undefined;
  const meeting = kept.filter((q) => meets(q.source, p.source) || meets(q.candidate, p.candidate));
  if (meeting.length === 0) return p;
  const source = freeStretches(p.source, meeting.map((q) => q.source));
  const candidate = freeStretches(p.candidate, meeting.map((q) => q.candidate));
  const weight = (pairs: readonly SentencePairIndex[]) => pairs.reduce((sum, q) => sum + q.similarity, 0);
  const inSource = (s: SentenceSpan) => (q: SentencePairIndex) => q.sourceFirst >= s.first && q.sourceLast <= s.last;
  const inCandidate = (c: SentenceSpan) => (q: SentencePairIndex) => q.candidate >= c.first && q.candidate <= c.last;
  let best: { source: SentenceSpan; candidate: SentenceSpan; pairs: SentencePairIndex[] } | undefined;
  for (const s of source) {
    for (const c of candidate) {
      const pairs = p.sentencePairs.filter((q) => inSource(s)(q) && inCandidate(c)(q));
      if (pairs.length > 0 && (!best || weight(pairs) > weight(best.pairs))) best = { source: s, candidate: c, pairs };
    }
  }
  return best && withPairs(p, best.pairs, best.source, best.candidate);
}

/** `p` with only `pairs`, its spans within `source` / `candidate` and shrunk to the pairs where an end pair went. */
function withPairs<T extends Spanned>(p: T, pairs: SentencePairIndex[], source: SentenceSpan, candidate: SentenceSpan): T {
  if (pairs.length === 0) return { ...p, sentencePairs: [] };
  const old = p.sentencePairs;
  const firstKept = pairs[0] === old[0];
  const lastKept = pairs[pairs.length - 1] === old[old.length - 1];
  const sources = sourceHull(pairs);
  const span = {
    source: {
      first: source.first === p.source.first && firstKept ? source.first : Math.max(source.first, sources.first),
      last: source.last === p.source.last && lastKept ? source.last : Math.min(source.last, sources.last),
    },
    candidate: {
      first: candidate.first === p.candidate.first && firstKept ? candidate.first : Math.max(candidate.first, pairs[0]!.candidate),
      last: candidate.last === p.candidate.last && lastKept ? candidate.last : Math.min(candidate.last, pairs[pairs.length - 1]!.candidate),
    },
  };
  return { ...p, chain: { ...p.chain, candidate: span.candidate }, sentencePairs: pairs, ...span };
}

/** The parts of `span` that none of `taken` holds. */
function freeStretches(span: SentenceSpan, taken: readonly SentenceSpan[]): SentenceSpan[] {
  let parts = [span];
  for (const t of taken) {
    parts = parts.flatMap((s) => {
      if (t.last < s.first || t.first > s.last) return [s];
      return [
        { first: s.first, last: t.first - 1 },
        { first: t.last + 1, last: s.last },
      ].filter((x) => x.first <= x.last);
    });
  }
  return parts;
}

function owns(owners: ReadonlyMap<number, number>, k: number, q: SentencePairIndex): boolean {
  for (let s = q.sourceFirst; s <= q.sourceLast; s++) if (owners.get(s) !== k) return false;
  return true;
}

function meets(a: SentenceSpan, b: SentenceSpan): boolean {
  return a.first <= b.last && b.first <= a.last;
}
