import pg from 'pg';
import { InputError } from '../../errors.js';
import type { PostgresLocation } from './location.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export interface ConnectOptions {
  readonly: boolean;
  /** Create (or migrate) the archive's schema when missing. */
  create: boolean;
}

/** bigint columns (document numbers, 48-bit term and band keys, counts) are exact in a JS number. */
const int8 = (value: string) => Number(value);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? int8 : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

export function createPool(location: PostgresLocation, readonly: boolean): pg.Pool {
  // Startup options: the archive's schema first on the search path; a read-only handle cannot write even by mistake.
  const options = [`-c search_path=${location.schema}`, ...(readonly ? ['-c default_transaction_read_only=on'] : [])].join(' ');
  const pool = new pg.Pool({
    connectionString: location.connectionString,
    connectionTimeoutMillis: location.connectTimeoutMs,
    options,
    types,
    keepAlive: true,
    max: 8,
    application_name: 'parascope',
  });
  // An idle connection dropped by the server: the next query reports it, the process must not crash.
  pool.on('error', () => undefined);
  return pool;
}

/** The advisory lock that serializes writers (and schema creation) on one archive, keyed by its schema. */
export function lockSql(schema: string): string {
  return `SELECT pg_advisory_xact_lock(hashtext('parascope:${schema}'))`;
}

/**
 * Check the archive's schema version, creating or migrating it when allowed: refuse a schema written by a
 * newer parascope, and a schema that holds someone else's tables.
 */
export async function prepareSchema(pool: pg.Pool, location: PostgresLocation, options: ConnectOptions): Promise<void> {
  const name = location.display;
  const version = await schemaVersion(pool, location.schema);
  if (version === 'foreign') throw new InputError(`${name}: schema "${location.schema}" holds tables that are not a parascope archive`);
  if (version > SCHEMA_VERSION) throw new InputError(`${name}: archive schema version ${version} is newer than this parascope supports (${SCHEMA_VERSION}); upgrade parascope`);
  if (version === SCHEMA_VERSION) return;
  if (version === 0 && (options.readonly || !options.create)) throw new InputError(`${name}: no such archive (create one with \`parascope index add\`)`);
  if (options.readonly) throw new InputError(`${name}: archive schema version ${version} needs upgrading; run \`parascope index stats\` with write access once`);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Two processes creating the same archive at once: the second waits, then finds it done.
    await client.query(lockSql(location.schema));
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${location.schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${location.schema}.parascope_schema (version integer NOT NULL)`);
    const current = await schemaVersion(client, location.schema);
    if (current === 'foreign' || current > SCHEMA_VERSION) throw new InputError(`${name}: archive changed while it was being opened; try again`);
    for (let v = current; v < SCHEMA_VERSION; v++) await client.query(MIGRATIONS[v]!);
    await client.query('DELETE FROM parascope_schema');
    await client.query('INSERT INTO parascope_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** 0 for a missing or empty schema, 'foreign' for one with other tables, else the stored version. */
async function schemaVersion(db: pg.Pool | pg.PoolClient, schema: string): Promise<number | 'foreign'> {
  const tables = (await db.query<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1', [schema])).rows.map((r) => r.name);
  if (!tables.includes('parascope_schema')) return tables.length === 0 ? 0 : 'foreign';
  const row = (await db.query<{ version: number }>(`SELECT max(version) AS version FROM ${schema}.parascope_schema`)).rows[0];
  return row?.version ?? 0;
}

/**
 * Turn the driver's and the server's failures into one readable line naming the archive (never its
 * password); SQL errors that can only be bugs stay errors (exit 3).
 */
export function postgresError(err: unknown, name: string): Error {
  if (err instanceof InputError) return err;
  const e = err as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = e.code ?? e.errors?.[0]?.code ?? '';
  const message = String(e.message ?? err);
  const connect = (why: string) => new InputError(`${name}: cannot connect (${why})`);
  if (code === 'ECONNREFUSED') return connect('connection refused; is the server running?');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return connect('unknown host');
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return connect(message.replace(/^connect /, ''));
  if (/timeout expired|connection timeout/i.test(message)) return connect('no answer before the connect timeout; set ?connect_timeout=SECONDS to wait longer');
  if (code === '28P01' || code === '28000' || code === '3D000' || code === '53300' || code === '57P03') return connect(message);
  if (code === 'ECONNRESET' || code === '57P01' || code === '57P02' || /Connection terminated/i.test(message)) {
    return new InputError(`${name}: connection to the server was lost (${message})`);
  }
  if (code === '55P03') return new InputError(`${name}: archive is locked by another writer; try again when it has finished`);
  if (code === '25006') return new InputError(`${name}: archive is opened read-only`);
  if (code === '42501') return new InputError(`${name}: permission denied (${message})`);
  // A NUL or an invalid character in a path or value: PostgreSQL's text columns cannot hold it.
  if (code === '22021' || code === '22P05') return new InputError(`${name}: cannot store this text (${message})`);
  if (code === '53100') return new InputError(`${name}: the database server's disk is full`);
  if (code === '40P01' || code === '40001') return new InputError(`${name}: write conflicted with another writer; try again (${message})`);
  return err instanceof Error ? err : new Error(message);
}
