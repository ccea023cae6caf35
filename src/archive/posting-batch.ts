import type { PostingRow } from './store.js';

/**
 * The postings of one write batch, grouped by term as they are added and handed to the store in term order
 * (then document order), so consecutive inserts touch neighbouring B-tree pages. Grouping while adding and
 * sorting only the distinct terms replaces a comparator sort of every row, which took ~12% of the writing
 * thread's time on the PAN sources (about a million rows per batch of 1,000 documents).
 */
export class PostingBatch {
  private readonly byTerm = new Map<number, PostingRow[]>();

  /** A document's postings; documents must be added in increasing `doc` order. */
  add(doc: number, termIds: readonly number[], termFreqs: readonly number[], dl: number): void {
    for (let i = 0; i < termIds.length; i++) {
      const term = termIds[i]!;
      const row: PostingRow = { term, doc, tf: termFreqs[i]!, dl };
      const rows = this.byTerm.get(term);
      if (rows) rows.push(row);
      else this.byTerm.set(term, [row]);
    }
  }

  sorted(): PostingRow[] {
    const terms = Float64Array.from(this.byTerm.keys()).sort();
    const out: PostingRow[] = [];
    for (const term of terms) for (const row of this.byTerm.get(term)!) out.push(row);
    return out;
  }
}
