import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export interface OpenOptions {
  /** Open for reading only: never creates, migrates or writes the file. */
  readonly?: boolean;
  /** Create the archive when the file does not exist (default: unless read-only). */
  create?: boolean;
  /** How long a writer waits for another process's write transaction before giving up (ms). */
  busyTimeout?: number;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Open (or create) an archive database, refusing anything that is not a parascope archive this version can
 * read: another file, another program's SQLite database, or an archive written by a newer parascope.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  const exists = existsSync(path);
  if (!exists && (readonly || options.create === false)) throw new InputError(`${path}: no such archive (create one with \`parascope index add\`)`);
  if (exists) checkHeader(path);
  // An empty file (from mktemp, say) may become an archive on a first `index add`, but it holds nothing to
  // read or remove: say so rather than "schema version 0 needs upgrading".
  if (exists && (readonly || options.create === false) && statSync(path).size === 0) throw new InputError(`${path}: is an empty file, not a parascope archive`);

  let db: Database.Database;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly || options.create === false });
  } catch (err) {
    throw archiveError(err, path);
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeout ?? 5000}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const fresh = version === 0 && appId === 0 && (db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number) === 0;
    if (!fresh && appId !== APPLICATION_ID) throw new InputError(`${path}: is an SQLite database but not a parascope archive`);
    if (version > SCHEMA_VERSION) {
      throw new InputError(`${path}: archive schema version ${version} is newer than this parascope supports (${SCHEMA_VERSION}); upgrade parascope`);
    }
    if (version < SCHEMA_VERSION) {
      if (readonly) throw new InputError(`${path}: archive schema version ${version} needs upgrading; run \`parascope index stats\` with write access once`);
      migrate(db, version);
    }
    if (!readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // Checkpoint the WAL every 64 MiB rather than every 4 MiB: pages rewritten by consecutive batches
    // are copied back to the database once.
    if (!readonly) db.pragma('wal_autocheckpoint = 16384');
    return db;
  } catch (err) {
    db.close();
    const code = (err as { code?: string }).code ?? '';
    if (readonly && (code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_READONLY_CANTINIT')) {
      throw new InputError(`${path}: cannot be read while another process writes to it from a read-only folder; try again when it has finished`);
    }
    throw archiveError(err, path);
  }
}

function migrate(db: Database.Database, from: number): void {
  // One immediate transaction: two processes creating the same archive at once cannot both migrate it.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let v = Math.max(from, current); v < SCHEMA_VERSION; v++) {
      const step = MIGRATIONS[v]!;
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** A non-empty file that does not start with SQLite's header is not an archive: say so before SQLite does. */
function checkHeader(path: string): void {
  let fd: number | undefined;
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${path}: is a directory, expected an archive file`);
    fd = openSync(path, 'r');
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    if (n > 0 && head.toString('latin1', 0, n) !== SQLITE_HEADER) throw new InputError(`${path}: is not a parascope archive (not an SQLite database)`);
  } catch (err) {
    throw archiveError(err, path);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Turn SQLite's and the file system's failures into one readable line; anything unknown stays a bug. */
export function archiveError(err: unknown, path: string): Error {
  if (err instanceof InputError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new InputError(`${path}: archive is locked by another process; try again when it has finished`);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new InputError(`${path}: archive is read-only (no write permission)`);
  }
  if (code === 'SQLITE_NOTADB') return new InputError(`${path}: is not a parascope archive (not an SQLite database)`);
  if (code.startsWith('SQLITE_CORRUPT')) return new InputError(`${path}: archive is damaged (${(err as Error).message})`);
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'ENOENT') return new InputError(`${path}: cannot open archive (${(err as Error).message})`);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new InputError(`${path}: disk full while writing the archive`);
  return err instanceof Error ? err : new Error(String(err));
}
