import type { DocumentRow } from './store.js';

/** Mapping between database rows and the store's types, the same for every backend. */
export type Row = Record<string, unknown>;
export const DOC_COLUMNS = 'doc, uid, path, title, hash, length, term_count, added, meta, counted';

export function toDocument(r: Row): DocumentRow {
  return {
    doc: r.doc as number,
    uid: r.uid as string,
    path: r.path as string,
    // PostgreSQL keeps titles as bytea (a stray NUL in a title cannot be stored as text there).
    title: typeof r.title === 'string' ? r.title : Buffer.from(r.title as Uint8Array).toString('utf8'),
    hash: r.hash as string,
    length: r.length as number,
    termCount: r.term_count as number,
    added: r.added as string,
    meta: JSON.parse(r.meta as string) as Record<string, string>,
    counted: r.counted === 1,
  };
}

/** Rows sorted by `key` → the documents of each run of equal keys. */
export function groupRuns(rows: readonly Row[], key: string): number[][] {
  const groups: number[][] = [];
  let last: unknown;
  for (const r of rows) {
    if (groups.length === 0 || r[key] !== last) groups.push([]);
    groups[groups.length - 1]!.push(r.doc as number);
    last = r[key];
  }
  return groups;
}
