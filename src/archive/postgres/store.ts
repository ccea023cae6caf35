import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { Lru } from '../../batch/lru.js';
import { InputError } from '../../errors.js';
import { bandKeys } from '../lsh.js';
import { packIds48, packUint32, unpackIds48, unpackText, unpackUint32 } from '../codec.js';
import type { ArchiveStore, DocumentRow, NewDocument, PostingRow, Postings, RemovedDocument, StoreInfo, StoreTotals } from '../store.js';
import type { StoredFingerprint, VerifyFacts } from '../verify.js';
import { createPool, lockSql, postgresError, prepareSchema } from './connect.js';
import { parseLocation, type PostgresLocation } from './location.js';
import { DOC_COLUMNS, groupRuns, toDocument, type Row } from '../rows.js';
import { SCHEMA_VERSION } from './schema.js';
import { fingerprints, verifyFacts } from './verify.js';

export interface PostgresStoreOptions {
  readonly?: boolean;
  /** Create the archive's schema when missing (default: unless read-only). */
  create?: boolean;
  /** How long a writer waits for another process's write transaction (ms); default 60 s. */
  busyTimeout?: number;
}

/** Rows per bulk statement: arrays travel as one parameter each, so this only bounds message size. */
const CHUNK = 50_000;
const DEFAULT_LOCK_WAIT_MS = 60_000;

/**
 * The server-backed store. Connects lazily (the first call connects and checks, creates or migrates the
 * schema), so opening stays synchronous. Writers serialize on a per-archive advisory lock held for the
 * length of a write transaction: analysis runs in parallel outside it, counters are never updated by two
 * transactions at once (no lost updates, no deadlocks), and each writer sees every earlier commit before it
 * decides whether a path is new. Reads take no locks. Results come back in the same order as SQLite's, so
 * `check` and `scan` give the same answers on both.
 */
export class PostgresStore implements ArchiveStore {
  readonly location: string;
  readonly readonly: boolean;
  private readonly target: PostgresLocation;
  private readonly create: boolean;
  private readonly lockWaitMs: number;
  private pool: pg.Pool | undefined;
  private ready: Promise<pg.Pool> | undefined;
  private readonly tx = new AsyncLocalStorage<pg.PoolClient>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Deflated texts of recently listed documents, by document number (see `documents`). */
  private readonly texts = new Lru<number, Buffer>(256);

  constructor(location: string, options: PostgresStoreOptions = {}) {
    this.target = parseLocation(location);
    this.location = this.target.display;
    this.readonly = options.readonly ?? false;
    this.create = options.create ?? !this.readonly;
    this.lockWaitMs = options.busyTimeout ?? DEFAULT_LOCK_WAIT_MS;
  }

  private connect(): Promise<pg.Pool> {
    if (!this.ready) {
      this.pool ??= createPool(this.target, this.readonly);
      const pool = this.pool;
      this.ready = prepareSchema(pool, this.target, { readonly: this.readonly, create: this.create }).then(() => pool);
      // A failed attempt (server down) is reported, and the next call tries again.
      this.ready.catch(() => (this.ready = undefined));
    }
    return this.ready;
  }

  /** One statement, on the current transaction's connection if inside one; failures as readable lines. */
  private async q(sql: string, values: unknown[] = []): Promise<Row[]> {
    try {
      const db = this.tx.getStore() ?? (await this.connect());
      return (await db.query(sql, values)).rows as Row[];
    } catch (err) {
      throw postgresError(err, this.location);
    }
  }

  transaction<T>(body: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      let client: pg.PoolClient | undefined;
      try {
        client = await (await this.connect()).connect();
        // One round trip: wait at most lockWaitMs for the archive's writer lock, then no limit on other locks.
        await client.query(`BEGIN; SET LOCAL lock_timeout = ${Math.max(1, Math.round(this.lockWaitMs))}; ${lockSql(this.target.schema)}; SET LOCAL lock_timeout = 0`);
        const out = await this.tx.run(client, body);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client?.query('ROLLBACK').catch(() => undefined);
        throw postgresError(err, this.location);
      } finally {
        client?.release();
      }
    };
    // One transaction at a time from this store, like the SQLite store; other processes wait on the lock.
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async documentByPath(path: string): Promise<DocumentRow | undefined> {
    const r = await this.q(`SELECT ${DOC_COLUMNS} FROM documents WHERE doc = (SELECT doc FROM document_paths WHERE path = $1)`, [path]);
    return r[0] && toDocument(r[0]);
  }

  async documentByUid(uid: string): Promise<DocumentRow | undefined> {
    const r = await this.q(`SELECT ${DOC_COLUMNS} FROM documents WHERE doc = (SELECT doc FROM document_uids WHERE uid = $1)`, [uid]);
    return r[0] && toDocument(r[0]);
  }

  async documents(docs: readonly number[]): Promise<DocumentRow[]> {
    if (docs.length === 0) return [];
    // The texts come along: `check` reads the text of every document it asked for next, and a round trip each
    // costs more than the bytes. A document number's text never changes (a replacement gets a new number).
    const rows = await this.q(`SELECT ${DOC_COLUMNS}, text FROM documents WHERE doc = ANY($1::bigint[])`, [docs]);
    for (const r of rows) this.texts.set(r.doc as number, r.text as Buffer);
    const byDoc = new Map(rows.map((r) => [r.doc as number, r]));
    return docs.map((d) => byDoc.get(d)).filter((r): r is Row => r !== undefined).map(toDocument);
  }

  async allDocuments(): Promise<DocumentRow[]> {
    return (await this.q(`SELECT ${DOC_COLUMNS} FROM documents ORDER BY doc`)).map(toDocument);
  }

  async documentWithHash(hash: string, except: number): Promise<DocumentRow | undefined> {
    const r = await this.q(`SELECT ${DOC_COLUMNS} FROM documents WHERE hash = $1 AND doc <> $2 ORDER BY counted DESC, doc LIMIT 1`, [hash, except]);
    return r[0] && toDocument(r[0]);
  }

  async insertDocument(d: NewDocument): Promise<number> {
    // One round trip: the row, its path and id lookups and its LSH buckets.
    const r = await this.q(
      `WITH d AS (
         INSERT INTO documents (uid, path, title, hash, length, term_count, added, meta, counted, shingles, signature, term_ids, unit_keys, text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING doc),
       p AS (INSERT INTO document_paths (path, doc) SELECT $2, doc FROM d),
       u AS (INSERT INTO document_uids (uid, doc) SELECT $1, doc FROM d),
       b AS (INSERT INTO bands (band, doc) SELECT DISTINCT unnest($15::bigint[]), doc FROM d)
       SELECT doc FROM d`,
      [
        d.uid, d.path, Buffer.from(d.title, 'utf8'), d.hash, d.length, d.termCount, d.added, JSON.stringify(d.meta), d.counted ? 1 : 0, d.shingles,
        packUint32(d.signature), packIds48(d.termIds), packUint32(d.unitKeys), Buffer.from(d.text.buffer, d.text.byteOffset, d.text.byteLength), d.bands,
      ],
    );
    return r[0]!.doc as number;
  }

  async addPostings(postings: readonly PostingRow[]): Promise<void> {
    for (let i = 0; i < postings.length; i += CHUNK) {
      const chunk = postings.slice(i, i + CHUNK);
      await this.q('INSERT INTO postings (term, doc, tf, dl) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[])', [
        chunk.map((p) => p.term), chunk.map((p) => p.doc), chunk.map((p) => p.tf), chunk.map((p) => p.dl),
      ]);
    }
  }

  async deleteDocument(doc: number): Promise<RemovedDocument | undefined> {
    const r = (await this.q(`DELETE FROM documents WHERE doc = $1 RETURNING ${DOC_COLUMNS}, term_ids, unit_keys, signature, shingles`, [doc]))[0];
    if (!r) return undefined;
    const termIds = unpackIds48(r.term_ids as Buffer);
    await this.q('DELETE FROM postings WHERE doc = $1 AND term = ANY($2::bigint[])', [doc, termIds]);
    // Its buckets follow from its signature: delete by key, like the postings, never by scanning for the doc.
    if ((r.shingles as number) > 0) await this.q('DELETE FROM bands WHERE band = ANY($1::bigint[]) AND doc = $2', [bandKeys(unpackUint32(r.signature as Buffer)), doc]);
    await this.q('DELETE FROM document_paths WHERE path = $1', [r.path]);
    await this.q('DELETE FROM document_uids WHERE uid = $1', [r.uid]);
    return { row: toDocument(r), termIds, unitKeys: [...unpackUint32(r.unit_keys as Buffer)] };
  }

  async setCounted(doc: number, counted: boolean): Promise<void> {
    await this.q('UPDATE documents SET counted = $1 WHERE doc = $2', [counted ? 1 : 0, doc]);
  }

  async text(doc: number): Promise<string> {
    const cached = this.texts.get(doc);
    if (cached) return unpackText(cached);
    const r = (await this.q('SELECT text FROM documents WHERE doc = $1', [doc]))[0];
    if (!r) throw new Error(`document ${doc} is not in the archive`);
    return unpackText(r.text as Buffer);
  }

  async signatures(docs: readonly number[]): Promise<Map<number, { mins: Uint32Array; size: number }>> {
    const out = new Map<number, { mins: Uint32Array; size: number }>();
    if (docs.length === 0) return out;
    const rows = new Map((await this.q('SELECT doc, signature, shingles FROM documents WHERE doc = ANY($1::bigint[])', [docs])).map((r) => [r.doc as number, r]));
    for (const d of docs) {
      const r = rows.get(d);
      if (r) out.set(d, { mins: unpackUint32(r.signature as Buffer), size: r.shingles as number });
    }
    return out;
  }

  adjustDocumentFrequencies(deltas: ReadonlyMap<number, number>): Promise<void> {
    return this.adjustCounts('terms', 'term', 'df', deltas);
  }

  /** Add deltas to a counter table in one statement, then delete counters that reached zero. */
  private async adjustCounts(table: string, key: string, value: string, deltas: ReadonlyMap<number, number>): Promise<void> {
    const rows = [...deltas].filter(([, d]) => d !== 0);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await this.q(
        `INSERT INTO ${table} (${key}, ${value}) SELECT * FROM unnest($1::bigint[], $2::int[])
         ON CONFLICT (${key}) DO UPDATE SET ${value} = ${table}.${value} + excluded.${value}`,
        [chunk.map(([k]) => k), chunk.map(([, d]) => d)],
      );
    }
    const fallen = rows.filter(([, d]) => d < 0).map(([k]) => k);
    if (fallen.length > 0) await this.q(`DELETE FROM ${table} WHERE ${key} = ANY($1::bigint[]) AND ${value} <= 0`, [fallen]);
  }

  private async lookup(table: string, key: string, value: string, keys: readonly number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (keys.length === 0) return out;
    const found = new Map((await this.q(`SELECT ${key} AS k, ${value} AS v FROM ${table} WHERE ${key} = ANY($1::bigint[])`, [keys])).map((r) => [r.k as number, r.v as number]));
    for (const k of keys) {
      const v = found.get(k);
      if (v !== undefined) out.set(k, v);
    }
    return out;
  }

  documentFrequencies(termIds: readonly number[]): Promise<Map<number, number>> {
    return this.lookup('terms', 'term', 'df', termIds);
  }

  async postings(termIds: readonly number[]): Promise<Map<number, Postings>> {
    const out = new Map<number, Postings>();
    for (const t of termIds) out.set(t, { docs: [], tfs: [], dls: [] });
    if (termIds.length === 0) return out;
    // One packed value per term (doc int8, tf int4, dl int4 per posting, big-endian, in doc order): at 100k
    // documents a check reads ~70k postings, and building a row object per posting took longer than the query.
    const rows = await this.q(
      `SELECT term, string_agg(int8send(doc) || int4send(tf) || int4send(dl), ''::bytea ORDER BY doc) AS packed
       FROM postings WHERE term = ANY($1::bigint[]) GROUP BY term`,
      [termIds],
    );
    for (const r of rows) {
      const p = out.get(r.term as number)!;
      const b = r.packed as Buffer;
      for (let at = 0; at + 16 <= b.length; at += 16) {
        p.docs.push(b.readUInt32BE(at) * 0x1_0000_0000 + b.readUInt32BE(at + 4));
        p.tfs.push(b.readInt32BE(at + 8));
        p.dls.push(b.readInt32BE(at + 12));
      }
    }
    return out;
  }

  adjustUnitCounts(deltas: ReadonlyMap<number, number>): Promise<void> {
    return this.adjustCounts('units', 'unit', 'docs', deltas);
  }

  unitCounts(keys: readonly number[]): Promise<Map<number, number>> {
    return this.lookup('units', 'unit', 'docs', keys);
  }

  async countUnitsAtLeast(minDocs: number): Promise<number> {
    return (await this.q('SELECT count(*) AS n FROM units WHERE docs >= $1', [minDocs]))[0]!.n as number;
  }

  async adjustTotals(documents: number, termCount: number): Promise<void> {
    await this.q(`UPDATE meta SET value = value + CASE key WHEN 'documents' THEN $1::bigint ELSE $2::bigint END WHERE key IN ('documents', 'term_count')`, [
      documents, termCount,
    ]);
  }

  async getMeta(key: string): Promise<number | undefined> {
    return (await this.q('SELECT value FROM meta WHERE key = $1', [key]))[0]?.value as number | undefined;
  }

  async setMeta(key: string, value: number): Promise<void> {
    await this.q('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  async totals(): Promise<StoreTotals> {
    const m = new Map((await this.q(`SELECT key, value FROM meta WHERE key IN ('documents', 'term_count')`)).map((r) => [r.key as string, r.value as number]));
    return { documents: m.get('documents') ?? 0, termCount: m.get('term_count') ?? 0 };
  }

  async bandNeighbours(bands: readonly number[]): Promise<number[]> {
    if (bands.length === 0) return [];
    const byBand = new Map<number, number[]>();
    for (const r of await this.q('SELECT band, doc FROM bands WHERE band = ANY($1::bigint[]) ORDER BY band, doc', [bands])) {
      const list = byBand.get(r.band as number) ?? [];
      list.push(r.doc as number);
      byBand.set(r.band as number, list);
    }
    const out = new Set<number>();
    for (const b of bands) for (const d of byBand.get(b) ?? []) out.add(d);
    return [...out];
  }

  async bandBuckets(): Promise<number[][]> {
    return groupRuns(await this.q('SELECT band, doc FROM bands WHERE band IN (SELECT band FROM bands GROUP BY band HAVING count(*) > 1) ORDER BY band, doc'), 'band');
  }

  async hashGroups(): Promise<number[][]> {
    return groupRuns(
      await this.q('SELECT hash, doc FROM documents WHERE hash IN (SELECT hash FROM documents GROUP BY hash HAVING count(*) > 1) ORDER BY hash COLLATE "C", doc'),
      'hash',
    );
  }

  async info(): Promise<StoreInfo> {
    const count = async (table: string) => (await this.q(`SELECT count(*) AS n FROM ${table}`))[0]!.n as number;
    const size = await this.q(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r'`,
    );
    return {
      location: this.location,
      schemaVersion: SCHEMA_VERSION,
      sizeBytes: size[0]!.bytes as number,
      terms: await count('terms'),
      postings: await count('postings'),
      units: await count('units'),
      bands: await count('bands'),
    };
  }

  async verifyFacts(): Promise<VerifyFacts> {
    return verifyFacts((sql, values) => this.q(sql, values), await this.totals(), (await this.getMeta('analysis')) !== undefined);
  }

  fingerprints(): AsyncIterable<StoredFingerprint> {
    return fingerprints((sql, values) => this.q(sql, values));
  }

  async close(): Promise<void> {
    await this.queue;
    const pool = this.pool;
    this.pool = undefined;
    this.ready = Promise.reject(new InputError(`${this.location}: archive is closed`));
    this.ready.catch(() => undefined);
    await pool?.end();
  }
}
