import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/archive.js';
import { parseLocation, redact } from '../../src/archive/postgres/location.js';
import { SCHEMA_VERSION } from '../../src/archive/postgres/schema.js';
import { InputError } from '../../src/errors.js';
import { article, freshPostgresLocation, TEST_POSTGRES, warnSkipped } from './helpers.js';

/** The first operation's failure: one line, an InputError, never the password. */
async function refusal(location: string, options: { readonly?: boolean } = {}): Promise<string> {
  const archive = openArchive(location, options);
  try {
    await archive.list();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    expect(message).not.toContain('s3cret');
    return message;
  } finally {
    await archive.close();
  }
  throw new Error('expected a refusal');
}

describe('PostgreSQL locations', () => {
  it('parses the URL, takes parascope parameters out of it and hides the password', () => {
    const l = parseLocation('postgres://ed:s3cret@db.example:5433/news?schema=wire&connect_timeout=2.5&sslmode=disable');
    expect(l).toMatchObject({ schema: 'wire', connectTimeoutMs: 2500 });
    expect(l.connectionString).toBe('postgres://ed:s3cret@db.example:5433/news?sslmode=disable');
    expect(l.display).toBe('postgres://ed@db.example:5433/news?sslmode=disable&schema=wire');
    expect(parseLocation('postgresql://ed@db/news')).toMatchObject({ schema: 'parascope', connectTimeoutMs: 10_000 });
    expect(redact('postgres://ed:p@ss@[broken/x')).toBe('postgres://ed@[broken/x');
  });

  it('refuses a malformed URL, a bad schema name and a bad timeout when opened, without connecting', () => {
    expect(() => openArchive('postgres://ed:s3cret@[broken/news')).toThrow(/not a valid PostgreSQL URL/);
    expect(() => openArchive('postgres://ed@db/news?schema=Robert%27;drop')).toThrow(/schema must be a lower-case identifier/);
    expect(() => openArchive('postgres://ed@db/news?connect_timeout=soon')).toThrow(/connect_timeout must be a positive number/);
  });

  it('reports a server that is down, and one that never answers, within the connect timeout', async () => {
    // A port nothing listens on: take a free one and close it again.
    const free = await listen(createServer());
    const port = (free.address() as { port: number }).port;
    await new Promise((r) => free.close(r));
    expect(await refusal(`postgres://ed:s3cret@127.0.0.1:${port}/news`)).toMatch(/127\.0\.0\.1:\d+\/news: cannot connect \(connection refused/);

    const silent = await listen(createServer(() => undefined));
    try {
      const t0 = performance.now();
      const message = await refusal(`postgres://ed:s3cret@127.0.0.1:${(silent.address() as { port: number }).port}/news?connect_timeout=0.5`);
      expect(message).toMatch(/cannot connect \(no answer before the connect timeout/);
      expect(performance.now() - t0).toBeLessThan(5000);
    } finally {
      silent.close();
    }
  });
});

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

warnSkipped();
describe.skipIf(!TEST_POSTGRES)(`PostgreSQL archives${TEST_POSTGRES ? '' : ' [skipped: PARASCOPE_TEST_POSTGRES is not set]'}`, () => {
  let admin: import('pg').Client;
  beforeAll(async () => {
    const pg = (await import('pg')).default;
    admin = new pg.Client({ connectionString: TEST_POSTGRES });
    await admin.connect();
  });
  afterAll(() => admin?.end());

  it('refuses a wrong password and a missing database with the server\'s reason', async () => {
    const url = new URL(TEST_POSTGRES!);
    url.password = 's3cret';
    expect(await refusal(url.toString())).toMatch(/cannot connect \(password authentication failed/);
    url.password = new URL(TEST_POSTGRES!).password;
    url.pathname = '/no_such_database';
    expect(await refusal(url.toString())).toMatch(/cannot connect \(database "no_such_database" does not exist\)/);
  });

  it('creates a versioned schema on first write; reading a missing one is "no such archive"', async () => {
    const location = freshPostgresLocation();
    expect(await refusal(location, { readonly: true })).toMatch(/no such archive/);
    const archive = openArchive(location);
    await archive.addText('/a.txt', article(1));
    await archive.close();
    const schema = parseLocation(location).schema;
    expect((await admin.query(`SELECT version FROM ${schema}.parascope_schema`)).rows).toEqual([{ version: SCHEMA_VERSION }]);
  });

  it('refuses a schema written by a newer parascope, read-only or not, and a schema of other tables', async () => {
    const location = freshPostgresLocation();
    const archive = openArchive(location);
    await archive.addText('/a.txt', article(1));
    await archive.close();
    await admin.query(`UPDATE ${parseLocation(location).schema}.parascope_schema SET version = version + 1`);
    expect(await refusal(location)).toMatch(/schema version \d+ is newer than this parascope supports/);
    expect(await refusal(location, { readonly: true })).toMatch(/newer/);

    const other = freshPostgresLocation();
    const schema = parseLocation(other).schema;
    await admin.query(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.contacts (name text)`);
    expect(await refusal(other)).toMatch(/holds tables that are not a parascope archive/);
    expect((await admin.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [schema])).rows).toEqual([{ table_name: 'contacts' }]);
  });

  it('index verify also checks the path and id lookup tables against the documents', async () => {
    const location = freshPostgresLocation();
    const archive = openArchive(location);
    await archive.addText('/a.txt', article(1));
    await archive.addText('/b.txt', article(2));
    expect((await archive.verify()).problems).toEqual([]);
    await admin.query(`DELETE FROM ${parseLocation(location).schema}.document_paths WHERE path = '/a.txt'`);
    expect((await archive.verify()).problems).toEqual(['PostgreSQL: 1 documents and path lookup rows disagree']);
    await archive.close();
  });

  it('a writer waiting for another writer longer than its busy timeout is told the archive is locked; readers never wait', async () => {
    const location = freshPostgresLocation();
    const archive = openArchive(location);
    await archive.addText('/a.txt', article(1));
    await archive.close();
    const holder = new (await import('pg')).default.Client({ connectionString: TEST_POSTGRES });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext('parascope:${parseLocation(location).schema}'))`);
      const writer = openArchive(location, { busyTimeout: 100 });
      await expect(writer.addText('/b.txt', article(2))).rejects.toThrow(/locked by another writer/);
      await writer.close();
      const reader = openArchive(location, { readonly: true });
      expect(await reader.list()).toHaveLength(1);
      await reader.close();
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  });
});
