import { unpackIds48, unpackUint32 } from './codec.js';
import { bandKeys } from './lsh.js';
import type { StoreTotals } from './store.js';

/**
 * parascope's own invariants of a stored archive, beyond the storage engine's integrity check. Each backend
 * gathers the same plain facts with its own queries (`ArchiveStore.verify`), and this module judges them, so
 * SQLite and PostgreSQL are held to one definition of "sound":
 * - the running totals equal what the documents add up to;
 * - every term's document frequency equals its number of postings, and each posting belongs to a live
 *   document and carries that document's length;
 * - each document has exactly one posting per distinct term and its LSH buckets follow from its signature;
 * - boilerplate counters equal the number of counted documents holding each unit, and no text is counted
 *   twice (copies of a counted text, and near-duplicates of one, are not counted at all).
 */
export interface StoredFingerprint {
  doc: number;
  uid: string;
  hash: string;
  counted: boolean;
  termIds: readonly number[];
  unitKeys: Iterable<number>;
  signature: Uint32Array;
  shingles: number;
}

/** The columns every store keeps for a document's fingerprint, in the codec's packing. */
export const FINGERPRINT_COLUMNS = 'doc, uid, hash, counted, term_ids, unit_keys, signature, shingles';

/** A stored row with FINGERPRINT_COLUMNS, unpacked (the same for every backend). */
export function fingerprintOf(r: Record<string, unknown>): StoredFingerprint {
  return {
    doc: r.doc as number,
    uid: r.uid as string,
    hash: r.hash as string,
    counted: r.counted === 1,
    termIds: unpackIds48(r.term_ids as Uint8Array),
    unitKeys: unpackUint32(r.unit_keys as Uint8Array),
    signature: unpackUint32(r.signature as Uint8Array),
    shingles: r.shingles as number,
  };
}

export interface VerifyFacts {
  /** The storage engine's own findings (e.g. SQLite's integrity_check), one line each; empty when sound. */
  engine: string[];
  totals: StoreTotals;
  documentCount: number;
  termCountSum: number;
  /** Terms whose stored df differs from their number of postings (or postings with no term row). */
  dfMismatches: number;
  /** Postings whose document is gone or whose dl is not that document's term count. */
  strayPostings: number;
  /** LSH bucket rows whose document is gone. */
  strayBands: number;
  postingsPerDoc: ReadonlyMap<number, number>;
  bandsPerDoc: ReadonlyMap<number, number>;
  /** Every boilerplate counter: unit key → number of counted documents. */
  unitCounts: ReadonlyMap<number, number>;
  /** Whether the analysis fingerprint is recorded (required once the archive holds a document). */
  hasAnalysis: boolean;
}

/**
 * Judge an archive: one readable line per broken invariant; an empty list means it is sound. Fingerprints are
 * read as the store streams them (PostgreSQL pages them), never all held at once.
 */
export async function findProblems(facts: VerifyFacts, fingerprints: AsyncIterable<StoredFingerprint>): Promise<string[]> {
  const problems = [...facts.engine];
  if (facts.totals.documents !== facts.documentCount) problems.push(`document total is ${facts.totals.documents} but ${facts.documentCount} documents are stored`);
  if (facts.totals.termCount !== facts.termCountSum) problems.push(`term total is ${facts.totals.termCount} but the documents hold ${facts.termCountSum}`);
  if (facts.dfMismatches > 0) problems.push(`${facts.dfMismatches} terms have a document frequency that differs from their postings`);
  if (facts.strayPostings > 0) problems.push(`${facts.strayPostings} postings point to a missing document or carry a wrong length`);
  if (facts.strayBands > 0) problems.push(`${facts.strayBands} LSH bucket rows point to a missing document`);
  if (facts.documentCount > 0 && !facts.hasAnalysis) problems.push('the analysis fingerprint is missing');

  const expectedUnits = new Map<number, number>();
  const countedPerHash = new Map<string, number>();
  for await (const f of fingerprints) {
    const postings = facts.postingsPerDoc.get(f.doc) ?? 0;
    if (postings !== f.termIds.length) problems.push(`document ${f.uid}: ${postings} postings for ${f.termIds.length} distinct terms`);
    const bands = facts.bandsPerDoc.get(f.doc) ?? 0;
    const expected = f.shingles > 0 ? new Set(bandKeys(f.signature)).size : 0;
    if (bands !== expected) problems.push(`document ${f.uid}: ${bands} LSH bucket rows, expected ${expected}`);
    countedPerHash.set(f.hash, (countedPerHash.get(f.hash) ?? 0) + (f.counted ? 1 : 0));
    if (f.counted) for (const k of f.unitKeys) expectedUnits.set(k, (expectedUnits.get(k) ?? 0) + 1);
  }
  const twice = [...countedPerHash.values()].filter((n) => n > 1).length;
  if (twice > 0) problems.push(`${twice} texts are counted for boilerplate more than once`);
  let unitMismatches = 0;
  for (const [k, n] of facts.unitCounts) if (expectedUnits.get(k) !== n) unitMismatches++;
  for (const k of expectedUnits.keys()) if (!facts.unitCounts.has(k)) unitMismatches++;
  if (unitMismatches > 0) problems.push(`${unitMismatches} boilerplate counters differ from the counted documents`);
  return problems;
}
