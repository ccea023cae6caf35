import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/archive.js';
import type { CheckResult } from '../../src/archive/check.js';
import type { ScanResult } from '../../src/archive/scan.js';
import { SEED_NAMES, seed } from '../helpers/fixtures.js';
import { article } from './helpers.js';

/** The documents: the five seeds, ten generated articles, and a copy of the op-ed under another path. */
const documents: { path: string; text: string }[] = [
  ...SEED_NAMES.map((name) => ({ path: `/archive/${name}.txt`, text: seed(name) })),
  ...Array.from({ length: 10 }, (_, i) => ({ path: `/archive/generated-${i}.txt`, text: article(100 + i) })),
  { path: '/archive/sieff-copy.txt', text: seed('sieff-oped') },
];

/** Everything a check reports, minus what legitimately records when a document was added. */
function comparable(result: CheckResult): unknown {
  return JSON.parse(JSON.stringify(result, (key, value: unknown) => (key === 'added' ? undefined : value)));
}

/**
 * What of a scan must not depend on the order: the duplicate groups and which documents (or groups) reuse
 * which. By design the document added first is taken as the source of a pair and stands for its identical
 * copies, so a pair's direction (and with it the coverage figures) legitimately follows the order.
 */
function scanOutcome(result: ScanResult): unknown {
  const groupOf = new Map<string, string>();
  for (const g of result.groups) {
    const key = g.documents.map((d) => d.path).sort().join(' + ');
    for (const d of g.documents) groupOf.set(d.path, key);
  }
  const key = (path: string) => groupOf.get(path) ?? path;
  return {
    documents: result.documents,
    groups: result.groups.map((g) => ({ kind: g.kind, jaccard: g.jaccard, documents: key(g.documents[0]!.path) })).sort((a, b) => a.documents.localeCompare(b.documents)),
    pairs: result.pairs.map((p) => [key(p.source.path), key(p.candidate.path)].sort().join(' <-> ')).sort(),
  };
}

async function checkAfterAdding(order: readonly number[], candidates: readonly string[]): Promise<unknown[]> {
  const archive = openArchive(':memory:');
  try {
    for (const i of order) await archive.addText(documents[i]!.path, documents[i]!.text);
    const results: unknown[] = [];
    for (const text of candidates) results.push(comparable(await archive.check(text)));
    results.push(scanOutcome(await archive.scan()));
    return results;
  } finally {
    await archive.close();
  }
}

describe('archive: the order documents were added in', () => {
  it("changes no check result, nor scan's duplicate groups and reuse pairs", async () => {
    const candidates = [seed('pasha-rewrite'), seed('sieff-oped'), article(104), seed('cgtn-shared-future')];
    const identity = documents.map((_, i) => i);
    const reference = await checkAfterAdding(identity, candidates);
    // The reference finds the rewrite's source: the comparison below is not between empty results.
    expect(JSON.stringify(reference[0])).toContain('/archive/sieff-oped.txt');
    expect((reference.at(-1) as { pairs: string[] }).pairs.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(identity, { minLength: identity.length, maxLength: identity.length }), async (order) => {
        expect(await checkAfterAdding(order, candidates)).toEqual(reference);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
