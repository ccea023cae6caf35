import { InputError } from '../../errors.js';

/**
 * A PostgreSQL archive location: a libpq-style URL, `postgres://user:password@host:port/database`, plus two
 * parascope parameters: `schema` (the schema holding the archive's tables, default `parascope`, so one
 * database can hold several archives) and `connect_timeout` (seconds, as in libpq; default 10): a server that
 * does not answer is reported instead of waited for.
 */
export interface PostgresLocation {
  /** What pg connects with: the URL without parascope's own parameters. */
  connectionString: string;
  /** The URL without its password: the archive's name in messages and reports. */
  display: string;
  schema: string;
  connectTimeoutMs: number;
}

export const DEFAULT_SCHEMA = 'parascope';
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Hide the password of a URL that may not even parse. */
export function redact(location: string): string {
  return location.replace(/^([a-z]+:\/\/[^/@:]*):[^/]*@/i, '$1@');
}

export function parseLocation(location: string): PostgresLocation {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new InputError(`${redact(location)}: not a valid PostgreSQL URL (expected postgres://user@host:port/database)`);
  }
  if (!url.hostname && !url.searchParams.get('host')) throw new InputError(`${redact(location)}: PostgreSQL URL has no host`);
  const schema = url.searchParams.get('schema') ?? DEFAULT_SCHEMA;
  // Plain lower-case identifiers only: they need no quoting anywhere (search_path, advisory lock key, messages).
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new InputError(`${redact(location)}: schema must be a lower-case identifier (letters, digits, _), got "${schema}"`);
  const timeout = url.searchParams.get('connect_timeout');
  const seconds = timeout === null ? DEFAULT_CONNECT_TIMEOUT_MS / 1000 : Number(timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InputError(`${redact(location)}: connect_timeout must be a positive number of seconds`);
  url.searchParams.delete('schema');
  url.searchParams.delete('connect_timeout');
  const connectionString = url.toString();
  const shown = new URL(url.toString());
  shown.password = '';
  if (schema !== DEFAULT_SCHEMA) shown.searchParams.set('schema', schema);
  return { connectionString, display: shown.toString(), schema, connectTimeoutMs: Math.round(seconds * 1000) };
}
