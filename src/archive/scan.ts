import { compareDocuments } from '../compare.js';
import { estimateJaccard } from '../fingerprint/minhash.js';
import { SCHEMA_VERSION, type CompareResult, type Passage, type Verdict } from '../result.js';
import type { TextDocument } from '../text/document.js';
import { analyze } from '../text/tokenize.js';
import { boilerplateThreshold, learnedBoilerplate, type Boilerplate } from './boilerplate.js';
import type { CheckOptions } from './check.js';
import { NEAR_DUPLICATE_JACCARD } from './write.js';
import { retrieve, type RetrievalOptions } from './retrieve.js';
import type { ArchiveStore, DocumentRow } from './store.js';

export interface ScanOptions {
  compare?: CheckOptions['compare'];
  retrieval?: Partial<RetrievalOptions>;
  boilerplateMinDocs?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Scan aligns a pair only on stronger retrieval evidence than check (best window score ≥ 0.3, at most 10
 * partners per document): it runs over every document, and on PAN13 99% of true sources score ≥ 0.27.
 */
export const SCAN_RETRIEVAL: Partial<RetrievalOptions> = { minBest: 0.3, pool: 10 };
/** LSH buckets larger than this (degenerate texts that all look alike) are not expanded into pairs. */
const MAX_BUCKET = 200;

export interface ScanDocument {
  id: string;
  path: string;
  title: string;
}

export interface ScanGroup {
  /** `identical`: byte-identical texts; `near-duplicate`: estimated word 3-gram Jaccard ≥ 0.5, linked transitively. */
  kind: 'identical' | 'near-duplicate';
  documents: ScanDocument[];
  /** The lowest estimated Jaccard along the links that join the group (1 for identical texts). */
  jaccard: number;
}

/** A reuse pair; the document added first is taken as the source. */
export interface ScanPair {
  source: ScanDocument;
  candidate: ScanDocument;
  verdict: Verdict;
  coverage: CompareResult['coverage'];
  similarity: number;
  resemblance: CompareResult['resemblance'];
  passages: Passage[];
}

export interface ScanResult {
  schemaVersion: typeof SCHEMA_VERSION;
  documents: number;
  groups: ScanGroup[];
  pairs: ScanPair[];
}

const ref = (r: DocumentRow): ScanDocument => ({ id: r.uid, path: r.path, title: r.title });

export async function scanArchive(store: ArchiveStore, options: ScanOptions = {}): Promise<ScanResult> {
  const rows = await store.allDocuments();
  const byDoc = new Map(rows.map((r) => [r.doc, r]));
  const groups: ScanGroup[] = [];

  // Identical texts: one group each; only the first copy takes part in the reuse search below.
  const twins = new Set<number>();
  for (const g of await store.hashGroups()) {
    groups.push({ kind: 'identical', documents: g.map((d) => ref(byDoc.get(d)!)), jaccard: 1 });
    for (const d of g.slice(1)) twins.add(d);
  }
  groups.push(...(await nearDuplicateGroups(store, byDoc)));

  const minDocs = options.boilerplateMinDocs ?? boilerplateThreshold(rows.length);
  const analyzed = new Map<number, { doc: TextDocument; boilerplate: Boilerplate }>();
  const get = async (d: number) => {
    let a = analyzed.get(d);
    if (!a) {
      const doc = analyze(await store.text(d));
      a = { doc, boilerplate: await learnedBoilerplate(store, doc, minDocs) };
      analyzed.set(d, a);
      if (analyzed.size > 256) analyzed.delete(analyzed.keys().next().value!);
    }
    return a;
  };

  const pairs: ScanPair[] = [];
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (!twins.has(row.doc)) {
      const me = await get(row.doc);
      const retrieval = await retrieve(store, me.doc, me.boilerplate.flags, new Set([row.doc, ...twins]), { ...SCAN_RETRIEVAL, ...options.retrieval });
      for (const c of retrieval.candidates) {
        const [s, t] = row.doc < c.doc ? [row.doc, c.doc] : [c.doc, row.doc];
        const key = `${s}:${t}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const source = await get(s);
        const candidate = await get(t);
        const boilerplate = new Set([...source.boilerplate.keys, ...candidate.boilerplate.keys]);
        const r = compareDocuments(source.doc, candidate.doc, { ...options.compare, boilerplate });
        if (r.passages.length === 0) continue;
        pairs.push({
          source: ref(byDoc.get(s)!),
          candidate: ref(byDoc.get(t)!),
          verdict: r.verdict,
          coverage: r.coverage,
          similarity: r.similarity,
          resemblance: r.resemblance,
          passages: r.passages,
        });
      }
    }
    options.onProgress?.(i + 1, rows.length);
  }
  pairs.sort((a, b) => Math.max(b.coverage.candidate, b.coverage.source) - Math.max(a.coverage.candidate, a.coverage.source) || (a.source.id < b.source.id ? -1 : 1));
  return { schemaVersion: SCHEMA_VERSION, documents: rows.length, groups, pairs };
}

/** Union-find over LSH bucket pairs with estimated Jaccard ≥ 0.5; groups that are all one text are skipped. */
async function nearDuplicateGroups(store: ArchiveStore, byDoc: Map<number, DocumentRow>): Promise<ScanGroup[]> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const buckets = (await store.bandBuckets()).filter((b) => b.length <= MAX_BUCKET);
  const signatures = await store.signatures([...new Set(buckets.flat())]);
  const sig = (d: number) => signatures.get(d)!;
  const weakest = new Map<number, number>();
  const checked = new Set<string>();
  for (const bucket of buckets) {
    for (let i = 0; i < bucket.length; i++) {
      for (let k = i + 1; k < bucket.length; k++) {
        const a = bucket[i]!;
        const b = bucket[k]!;
        const key = `${a}:${b}`;
        if (checked.has(key)) continue;
        checked.add(key);
        const j = estimateJaccard(sig(a), sig(b));
        if (j < NEAR_DUPLICATE_JACCARD) continue;
        const ra = find(a);
        const rb = find(b);
        if (ra === rb) continue; // already joined: a further link does not weaken the group
        const w = Math.min(j, weakest.get(ra) ?? 1, weakest.get(rb) ?? 1);
        parent.set(ra, ra);
        parent.set(rb, ra);
        weakest.set(ra, w);
      }
    }
  }
  const members = new Map<number, number[]>();
  for (const d of parent.keys()) {
    const r = find(d);
    members.set(r, [...(members.get(r) ?? []), d]);
  }
  const out: ScanGroup[] = [];
  for (const [root, docs] of members) {
    if (docs.length < 2) continue;
    const list = docs.sort((x, y) => x - y).map((d) => byDoc.get(d)!);
    if (new Set(list.map((r) => r.hash)).size === 1) continue;
    out.push({ kind: 'near-duplicate', documents: list.map(ref), jaccard: Math.round((weakest.get(root) ?? 1) * 1e4) / 1e4 });
  }
  return out;
}
