import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { overlapLength, type Range } from '../src/util/range.js';
import { fixturePath, seed, SEED_NAMES } from './helpers/fixtures.js';
import { expectWellFormed } from './helpers/invariants.js';

interface Span extends Range {
  text: string;
}
interface Truth {
  derived: { candidate: Span; sources: Span[] }[];
  notDerived: Span[];
}
const truth = JSON.parse(readFileSync(fixturePath('truth/pasha-from-sieff.json'), 'utf8')) as Truth;
const sieff = seed('sieff-oped');
const pasha = seed('pasha-rewrite');

describe('the hand-checked derivation fixture', () => {
  it('points at the texts it quotes (so it cannot drift from the fixture files)', () => {
    for (const d of truth.derived) {
      expect(pasha.slice(d.candidate.start, d.candidate.end)).toBe(d.candidate.text);
      for (const s of d.sources) expect(sieff.slice(s.start, s.end)).toBe(s.text);
    }
    for (const n of truth.notDerived) expect(pasha.slice(n.start, n.end)).toBe(n.text);
  });
});

describe('Pasha rewrite (candidate) against the Sieff op-ed (source)', () => {
  const result = compare(sieff, pasha);
  const body: Range = { start: truth.derived[0]!.candidate.start, end: truth.derived.at(-1)!.candidate.end };

  it('is a paraphrase', () => {
    expectWellFormed(result, sieff, pasha);
    expect(result.verdict).toBe('paraphrase');
  });

  it('covers at least 85% of the rewrite body', () => {
    const covered = result.passages.reduce((n, p) => n + overlapLength(p.candidate, body), 0);
    expect(covered / (body.end - body.start)).toBeGreaterThanOrEqual(0.85);
  });

  it('does not match the closing author bio', () => {
    for (const bio of truth.notDerived) {
      for (const p of result.passages) expect(overlapLength(p.candidate, bio)).toBe(0);
    }
  });

  it('aligns at least 90% of sentence pairs with the op-ed sentence(s) the rewrite sentence came from', () => {
    const pairs = result.passages.flatMap((p) => p.pairs);
    expect(pairs.length).toBeGreaterThanOrEqual(truth.derived.length * 0.8);
    const correct = pairs.filter((pair) => {
      const derived = truth.derived.find((d) => overlapLength(d.candidate, pair.candidate) > 0);
      return derived?.sources.some((s) => overlapLength(s, pair.source) > 0) ?? false;
    });
    expect(correct.length / pairs.length).toBeGreaterThanOrEqual(0.9);
  });

  it('also finds the reuse the other way round (op-ed as candidate)', () => {
    const reverse = compare(pasha, sieff);
    expectWellFormed(reverse, pasha, sieff);
    expect(reverse.verdict).not.toBe('none');
    expect(reverse.passages.length).toBeGreaterThan(0);
    expect(reverse.coverage.source).toBeGreaterThanOrEqual(0.8);
  });
});

describe('same-topic seed articles that reuse nothing', () => {
  const pairs = SEED_NAMES.flatMap((a) => SEED_NAMES.map((b) => [a, b] as const)).filter(
    ([a, b]) => a !== b && !(new Set([a, b]).has('sieff-oped') && new Set([a, b]).has('pasha-rewrite')),
  );

  it('covers all 9 unordered pairs in both directions', () => expect(pairs).toHaveLength(18));

  it.each(pairs)('%s → %s: verdict none, no passage', (source, candidate) => {
    const result = compare(seed(source), seed(candidate));
    expect(result.verdict).toBe('none');
    expect(result.passages).toEqual([]);
  });
});
