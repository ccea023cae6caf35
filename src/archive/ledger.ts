import type { ArchiveStore } from './store.js';

/**
 * Counter changes of one write transaction (document frequencies, boilerplate unit counts, totals),
 * summed in memory and written once per batch: a term in 200 of the batch's documents is one upsert.
 */
export class Ledger {
  private readonly df = new Map<number, number>();
  private readonly units = new Map<number, number>();
  private documents = 0;
  private termCount = 0;

  document(delta: 1 | -1, termIds: readonly number[], termCount: number): void {
    for (const t of termIds) this.df.set(t, (this.df.get(t) ?? 0) + delta);
    this.documents += delta;
    this.termCount += delta * termCount;
  }

  unitKeys(delta: 1 | -1, keys: readonly number[]): void {
    for (const k of keys) this.units.set(k, (this.units.get(k) ?? 0) + delta);
  }

  async flush(store: ArchiveStore): Promise<void> {
    // In key order, like the postings: neighbouring upserts touch neighbouring B-tree pages.
    await store.adjustDocumentFrequencies(new Map([...this.df].sort((a, b) => a[0] - b[0])));
    await store.adjustUnitCounts(new Map([...this.units].sort((a, b) => a[0] - b[0])));
    await store.adjustTotals(this.documents, this.termCount);
    this.df.clear();
    this.units.clear();
    this.documents = 0;
    this.termCount = 0;
  }
}
