import { estimateJaccard } from '../fingerprint/minhash.js';
import type { DocumentFeatures } from './features.js';
import { documentId } from './ids.js';
import { Ledger } from './ledger.js';
import { PostingBatch } from './posting-batch.js';
import type { ArchiveStore, DocumentRow } from './store.js';

/** A document ready to be stored: its features and deflated text, computed outside the transaction. */
export interface PreparedDocument {
  path: string;
  features: DocumentFeatures;
  packedText: Uint8Array;
}

export type WriteOutcome = 'added' | 'replaced' | 'unchanged';

/**
 * Estimated Jaccard at or above which two texts count as one for boilerplate learning. Syndicated or lightly
 * edited copies of a story must not turn its sentences into "boilerplate" just by being archived five times.
 */
export const NEAR_DUPLICATE_JACCARD = 0.5;

/** Documents written between two turns of the event loop. */
const YIELD_EVERY = 50;

/** Store a batch of documents in one transaction: all of them, or (on a crash or error) none. */
export function writeBatch(store: ArchiveStore, batch: readonly PreparedDocument[], meta: Record<string, string>, now: string): Promise<WriteOutcome[]> {
  // One path twice in a batch: only the last text counts (postings are written after the whole batch).
  const last = new Map(batch.map((d, i) => [d.path, i]));
  return store.transaction(async () => {
    const ledger = new Ledger();
    const postings = new PostingBatch();
    const outcomes: WriteOutcome[] = [];
    for (const [i, d] of batch.entries()) {
      outcomes.push(last.get(d.path) === i ? await writeOne(store, ledger, postings, d, meta, now) : 'unchanged');
      // Let worker replies in now and then: analysis threads are fed from their 'message' events, which wait
      // behind a write that only ever awaits settled promises.
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    await store.addPostings(postings.sorted());
    await ledger.flush(store);
    return outcomes;
  });
}

async function writeOne(
  store: ArchiveStore,
  ledger: Ledger,
  postings: PostingBatch,
  d: PreparedDocument,
  meta: Record<string, string>,
  now: string,
): Promise<WriteOutcome> {
  const f = d.features;
  const existing = await store.documentByPath(d.path);
  if (existing && existing.hash === f.hash && sameMeta(existing.meta, meta)) return 'unchanged';
  if (existing) await removeOne(store, ledger, existing);
  const counted = !(await representedAlready(store, f));
  const doc = await store.insertDocument({
    uid: existing?.uid ?? (await freeId(store, d.path)),
    path: d.path,
    title: f.title,
    hash: f.hash,
    length: f.length,
    termCount: f.termCount,
    added: now,
    meta: existing ? { ...existing.meta, ...meta } : meta,
    counted,
    text: d.packedText,
    termIds: f.termIds,
    termFreqs: f.termFreqs,
    unitKeys: f.unitKeys,
    signature: f.signature,
    shingles: f.shingles,
    bands: f.bands,
  });
  postings.add(doc, f.termIds, f.termFreqs, f.termCount);
  ledger.document(1, f.termIds, f.termCount);
  if (counted) ledger.unitKeys(1, f.unitKeys);
  return existing ? 'replaced' : 'added';
}

/** Remove documents (by internal number) in one transaction; returns those that existed. */
export function removeBatch(store: ArchiveStore, docs: readonly number[]): Promise<DocumentRow[]> {
  return store.transaction(async () => {
    const ledger = new Ledger();
    const removed: DocumentRow[] = [];
    for (const doc of docs) {
      const row = (await store.documents([doc]))[0];
      if (row) removed.push(await removeOne(store, ledger, row));
    }
    await ledger.flush(store);
    return removed;
  });
}

async function removeOne(store: ArchiveStore, ledger: Ledger, row: DocumentRow): Promise<DocumentRow> {
  const removed = await store.deleteDocument(row.doc);
  if (!removed) return row;
  ledger.document(-1, removed.termIds, removed.row.termCount);
  if (removed.row.counted) {
    ledger.unitKeys(-1, removed.unitKeys);
    // Another copy of this text takes over as the counted one, so learned boilerplate does not drift.
    const twin = await store.documentWithHash(removed.row.hash, row.doc);
    if (twin && !twin.counted) {
      await store.setCounted(twin.doc, true);
      ledger.unitKeys(1, removed.unitKeys);
    }
  }
  return removed.row;
}

/** Whether an identical or near-duplicate text is already counted for boilerplate. */
async function representedAlready(store: ArchiveStore, f: DocumentFeatures): Promise<boolean> {
  if ((await store.documentWithHash(f.hash, -1))?.counted) return true;
  if (f.bands.length === 0) return false;
  const mine = { mins: f.signature, size: f.shingles };
  const counted = (await store.documents(await store.bandNeighbours(f.bands))).filter((r) => r.counted).map((r) => r.doc);
  for (const sig of (await store.signatures(counted)).values()) if (estimateJaccard(mine, sig) >= NEAR_DUPLICATE_JACCARD) return true;
  return false;
}

async function freeId(store: ArchiveStore, path: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const id = documentId(path, attempt);
    if (!(await store.documentByUid(id))) return id;
  }
}

function sameMeta(stored: Record<string, string>, given: Record<string, string>): boolean {
  return Object.entries(given).every(([k, v]) => stored[k] === v);
}
