import type { StoreTotals } from '../store.js';
import { FINGERPRINT_COLUMNS, fingerprintOf, type StoredFingerprint, type VerifyFacts } from '../verify.js';
import type { Row } from '../rows.js';

/** The facts `index verify` judges (verify.ts), gathered with the same queries as the SQLite store's. */
type Query = (sql: string, values?: unknown[]) => Promise<Row[]>;

export async function verifyFacts(query: Query, totals: StoreTotals, hasAnalysis: boolean): Promise<VerifyFacts> {
  const one = async (sql: string) => ((await query(sql))[0]?.n as number | null) ?? 0;
  const perDoc = async (table: string) => new Map((await query(`SELECT doc, count(*) AS n FROM ${table} GROUP BY doc`)).map((r) => [r.doc as number, r.n as number]));
  return {
    engine: await engineFindings(query),
    totals,
    documentCount: await one('SELECT count(*) AS n FROM documents'),
    termCountSum: await one('SELECT sum(term_count)::bigint AS n FROM documents'),
    dfMismatches: await one(
      `SELECT count(*) AS n FROM terms t FULL JOIN (SELECT term, count(*) AS n FROM postings GROUP BY term) p ON p.term = t.term
       WHERE t.df IS DISTINCT FROM p.n`,
    ),
    strayPostings: await one('SELECT count(*) AS n FROM postings p LEFT JOIN documents d ON d.doc = p.doc WHERE d.doc IS NULL OR d.term_count <> p.dl'),
    strayBands: await one('SELECT count(*) AS n FROM bands b LEFT JOIN documents d ON d.doc = b.doc WHERE d.doc IS NULL'),
    postingsPerDoc: await perDoc('postings'),
    bandsPerDoc: await perDoc('bands'),
    unitCounts: new Map((await query('SELECT unit, docs FROM units')).map((r) => [r.unit as number, r.docs as number])),
    hasAnalysis,
  };
}

/** Every document's stored fingerprint, in pages by document number: a large archive is never held at once. */
export async function* fingerprints(query: Query): AsyncIterable<StoredFingerprint> {
  for (let after = 0; ; ) {
    const rows = await query(`SELECT ${FINGERPRINT_COLUMNS} FROM documents WHERE doc > $1 ORDER BY doc LIMIT 1000`, [after]);
    if (rows.length === 0) return;
    for (const r of rows) yield fingerprintOf(r);
    after = rows[rows.length - 1]!.doc as number;
  }
}

/**
 * PostgreSQL's side of `index verify`: what the SQLite store gets from `PRAGMA integrity_check`. The path
 * and id lookup tables must match the documents one for one; and when the amcheck extension is installed
 * (`CREATE EXTENSION amcheck`, shipped with PostgreSQL), every B-tree index of the archive is checked.
 */
async function engineFindings(query: Query): Promise<string[]> {
  const findings: string[] = [];
  const n = async (sql: string) => (await query(sql))[0]!.n as number;
  const paths = await n(
    `SELECT count(*) AS n FROM documents d FULL JOIN document_paths p ON p.doc = d.doc WHERE p.path IS DISTINCT FROM d.path`,
  );
  if (paths > 0) findings.push(`PostgreSQL: ${paths} documents and path lookup rows disagree`);
  const uids = await n(`SELECT count(*) AS n FROM documents d FULL JOIN document_uids u ON u.doc = d.doc WHERE u.uid IS DISTINCT FROM d.uid`);
  if (uids > 0) findings.push(`PostgreSQL: ${uids} documents and id lookup rows disagree`);
  if ((await query(`SELECT 1 FROM pg_extension WHERE extname = 'amcheck'`)).length > 0) {
    const indexes = await query(
      `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace s ON s.oid = c.relnamespace
       JOIN pg_am a ON a.oid = c.relam WHERE s.nspname = current_schema() AND a.amname = 'btree'`,
    );
    for (const { name } of indexes) {
      try {
        await query(`SELECT bt_index_check('${String(name)}'::regclass)`);
      } catch (err) {
        findings.push(`PostgreSQL: index ${String(name)}: ${(err as Error).message}`);
      }
    }
  }
  return findings;
}
