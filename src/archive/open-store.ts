import { resolve } from 'node:path';
import { isPostgresLocation } from './postgres/location.js';
import { PostgresStore } from './postgres/store.js';
import type { OpenOptions } from './sqlite/open.js';
import { SqliteStore } from './sqlite/store.js';
import type { ArchiveStore } from './store.js';

export type OpenStoreOptions = OpenOptions;

/**
 * The storage backend for an archive location: a `postgres://` or `postgresql://` URL opens a PostgreSQL
 * archive (connecting on first use), anything else is an SQLite file (or ':memory:').
 */
export function openStore(location: string, options: OpenStoreOptions = {}): ArchiveStore {
  if (isPostgresLocation(location)) return new PostgresStore(location, options);
  return new SqliteStore(location === ':memory:' ? location : resolve(location), options);
}
