import type { DocumentFeatures } from './features.js';
import type { VerifyFacts, StoredFingerprint } from './verify.js';
/**
 * What the archive needs from storage. The embedded SQLite store implements it; a server-backed store
 * (PostgreSQL) can implement the same calls, which is why they are asynchronous and batch-shaped (postings of
 * many terms, counts of many keys: one round trip each). The store is deliberately dumb: it keeps rows and
 * counters inside `transaction`, while the rules (what to count, what is boilerplate, how to score) live in
 * the archive code above it.
 */
export interface DocumentRow {
  /** Internal number, used by postings and buckets. */
  doc: number;
  /** The stable id users see (see ids.ts). */
  uid: string;
  path: string;
  title: string;
  hash: string;
  length: number;
  termCount: number;
  /** ISO time the current text was added. */
  added: string;
  meta: Record<string, string>;
  /** Whether its unit keys are counted for boilerplate (one document per distinct text is). */
  counted: boolean;
}

/** The fingerprint fields of `DocumentFeatures` that a store keeps beside the row, declared once there. */
export type StoredFeatures = Pick<DocumentFeatures, 'termIds' | 'termFreqs' | 'unitKeys' | 'signature' | 'shingles' | 'bands'>;

export interface NewDocument extends Omit<DocumentRow, 'doc'>, StoredFeatures {
  /** Deflated UTF-8 text. */
  text: Uint8Array;
}

/** What a removed document contributed, so the caller can take it back out of the counters. */
export interface RemovedDocument {
  row: DocumentRow;
  termIds: number[];
  unitKeys: number[];
}

export interface PostingRow {
  term: number;
  doc: number;
  tf: number;
  /** The document's term count (BM25's document length), stored with each posting so scoring needs no join. */
  dl: number;
}

export interface Postings {
  docs: number[];
  tfs: number[];
  dls: number[];
}

export interface StoreTotals {
  documents: number;
  /** Sum of all documents' term counts (for the average document length of BM25). */
  termCount: number;
}

export interface StoreInfo {
  location: string;
  schemaVersion: number;
  /** Bytes on disk, including a write-ahead log if any. */
  sizeBytes: number;
  terms: number;
  postings: number;
  units: number;
  bands: number;
}

export interface ArchiveStore {
  readonly location: string;
  readonly readonly: boolean;
  /** Run `body` as one atomic write: all of it is stored, or none. Transactions run one at a time. */
  transaction<T>(body: () => Promise<T>): Promise<T>;

  documentByPath(path: string): Promise<DocumentRow | undefined>;
  documentByUid(uid: string): Promise<DocumentRow | undefined>;
  documents(docs: readonly number[]): Promise<DocumentRow[]>;
  /** Every document, in the order added. */
  allDocuments(): Promise<DocumentRow[]>;
  /** Another document with this text, preferring the one counted for boilerplate. */
  documentWithHash(hash: string, except: number): Promise<DocumentRow | undefined>;
  /** Insert the document's row and buckets; its postings come separately, through `addPostings`. */
  insertDocument(document: NewDocument): Promise<number>;
  /** Insert postings rows; callers pass a whole batch sorted by term, which keeps B-tree writes local. */
  addPostings(postings: readonly PostingRow[]): Promise<void>;
  /** Delete a document with its postings and buckets; counters are left to the caller. */
  deleteDocument(doc: number): Promise<RemovedDocument | undefined>;
  setCounted(doc: number, counted: boolean): Promise<void>;
  text(doc: number): Promise<string>;
  signatures(docs: readonly number[]): Promise<Map<number, { mins: Uint32Array; size: number }>>;

  adjustDocumentFrequencies(deltas: ReadonlyMap<number, number>): Promise<void>;
  documentFrequencies(termIds: readonly number[]): Promise<Map<number, number>>;
  postings(termIds: readonly number[]): Promise<Map<number, Postings>>;
  adjustUnitCounts(deltas: ReadonlyMap<number, number>): Promise<void>;
  unitCounts(keys: readonly number[]): Promise<Map<number, number>>;
  /** How many unit keys occur in at least `minDocs` distinct texts. */
  countUnitsAtLeast(minDocs: number): Promise<number>;
  adjustTotals(documents: number, termCount: number): Promise<void>;
  /** Archive-wide integer settings (e.g. the analysis probe), set once. */
  getMeta(key: string): Promise<number | undefined>;
  setMeta(key: string, value: number): Promise<void>;
  totals(): Promise<StoreTotals>;

  /** Documents sharing at least one LSH band key with `bands`. */
  bandNeighbours(bands: readonly number[]): Promise<number[]>;
  /** Every LSH bucket holding two or more documents. */
  bandBuckets(): Promise<number[][]>;
  /** Groups (two or more documents) of identical texts. */
  hashGroups(): Promise<number[][]>;

  info(): Promise<StoreInfo>;
  /** The facts `verify.ts` judges (engine integrity check included), and every document's stored fingerprint. */
  verifyFacts(): Promise<VerifyFacts>;
  fingerprints(): AsyncIterable<StoredFingerprint>;
  close(): Promise<void>;
}
