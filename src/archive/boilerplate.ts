import type { TextDocument } from '../text/document.js';
import type { ArchiveStore } from './store.js';
import { boilerplateSentences, unitKeys } from './units.js';

/**
 * A sentence or line is boilerplate when it occurs in at least max(5, 0.2% of the archive) distinct texts
 * (identical and near-duplicate copies count once). On bbc-news + the seeds (threshold 5) this learns the two
 * columnists' bios (7 texts each) and "he said." / "he asked." (9 and 6), while the most repeated real
 * sentences, background paragraphs BBC reuses across follow-up stories, occur in at most 4. The share matters
 * in large archives: in a 100,000-document archive where every passage is reused by ~11 other stories (the
 * synthetic benchmark), a flat 5 turned all of them into "boilerplate" and hid the reuse; site chrome and
 * footers occur in hundreds or thousands of documents there and are still learned.
 */
export const DEFAULT_BOILERPLATE_MIN_DOCS = 5;
export const DEFAULT_BOILERPLATE_MIN_SHARE = 0.002;

/** The document count at which a unit becomes boilerplate, in an archive of `documents`. */
export function boilerplateThreshold(documents: number, minDocs = DEFAULT_BOILERPLATE_MIN_DOCS, minShare = DEFAULT_BOILERPLATE_MIN_SHARE): number {
  return Math.max(minDocs, Math.ceil(minShare * documents));
}

export interface Boilerplate {
  /** sentenceKeys for `compare`'s `boilerplate` option. */
  keys: Set<number>;
  /** Per sentence of the document: boilerplate or not. */
  flags: boolean[];
}

/**
 * The boilerplate sentences of one document according to the archive. `discount` takes a document's own
 * contribution back out (when checking an archived document against the rest of the archive).
 */
export async function learnedBoilerplate(
  store: ArchiveStore,
  doc: TextDocument,
  minDocs: number,
  discount: ReadonlySet<number> = new Set(),
): Promise<Boilerplate> {
  return (await learnedBoilerplates(store, [doc], minDocs, discount))[0]!;
}

/** `learnedBoilerplate` of several documents with one lookup of their unit counts (one round trip on a server). */
export async function learnedBoilerplates(
  store: ArchiveStore,
  docs: readonly TextDocument[],
  minDocs: number,
  discount: ReadonlySet<number> = new Set(),
): Promise<Boilerplate[]> {
  const keys = docs.map((doc) => unitKeys(doc));
  const counts = await store.unitCounts([...new Set(keys.flat())]);
  return docs.map((doc) => boilerplateSentences(doc, (key) => (counts.get(key) ?? 0) - (discount.has(key) ? 1 : 0) >= minDocs));
}
