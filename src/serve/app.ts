import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import { openArchive, type Archive } from '../archive/archive.js';
import { InputError } from '../errors.js';
import { installAuth } from './auth.js';
import { errorBody, installErrorHandlers } from './errors.js';
import { resolveServeOptions, type ResolvedServeOptions, type ServeOptions } from './options.js';
import { pageContentSecurityPolicy, renderPage } from './page.js';
import { AnalysisPool } from './pool.js';
import { analysisRoutes } from './routes/analysis.js';
import { documentRoutes } from './routes/documents.js';
import { ROUTE_SCHEMAS, SHARED_SCHEMAS } from './schemas.js';
import { WriteQueue } from './writer.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export interface RunningServer {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  app: FastifyInstance;
  /** Graceful shutdown: refuse new requests (503), finish the ones in flight, stop workers, close the archive. */
  close(): Promise<void>;
}

/** Open the archive, start the analysis workers, listen. Rejects (InputError for bad input) if any of it fails. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const o = resolveServeOptions(options);
  if (o.archive === ':memory:') throw new InputError('serve needs an archive file (or URL): analysis workers cannot share an in-memory archive');
  // Opened here first, writable: a missing archive is created (and migrated) before the read-only workers open it.
  const archive = openArchive(o.archive, o.archiveOptions ?? {});
  let pool: AnalysisPool | undefined;
  try {
    await archive.stats(); // a server-backed archive connects on first use: fail now, not on the first request
    pool = await AnalysisPool.start({ setup: { archive: o.archive, archiveOptions: o.archiveOptions ?? {} }, workers: o.workers, queue: o.queue, timeLimitMs: o.timeLimitMs, workerUrl: o.workerUrl, log: o.log });
    const writes = new WriteQueue(o.writeQueue);
    const { app, drain } = await buildApp(o, archive, pool, writes);
    await app.listen({ host: o.host, port: o.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : o.port;
    const host = o.host.includes(':') ? `[${o.host}]` : o.host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      app,
      close: () =>
        (closing ??= (async () => {
          drain();
          await app.close(); // waits for the responses in flight
          await writes.drain();
          await pool!.close();
          await archive.close();
        })()),
    };
  } catch (err) {
    await pool?.close();
    await archive.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new InputError(`${o.host}:${o.port}: address already in use`);
    if ((err as NodeJS.ErrnoException).code === 'EACCES') throw new InputError(`${o.host}:${o.port}: permission denied (ports below 1024 need privileges)`);
    if ((err as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL' || (err as NodeJS.ErrnoException).code === 'ENOTFOUND') throw new InputError(`${o.host}: not an address of this machine`);
    throw err;
  }
}

/** The fastify app with every route, hook and schema; `drain()` makes it refuse new requests with 503. */
export async function buildApp(o: ResolvedServeOptions, archive: Archive, pool: AnalysisPool, writes: WriteQueue): Promise<{ app: FastifyInstance; drain: () => void }> {
  const app = Fastify({
    logger: false,
    bodyLimit: o.bodyLimit,
    // A client has this long to send its request: slow senders cannot hold connections open forever.
    requestTimeout: 60_000,
    return503OnClosing: false, // answered below, in the API's JSON error format
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });
  let draining = false;

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'parascope', version, description: 'Find reused text (copies, edits, paraphrased rewrites) between news articles, with character offsets.' },
      ...(o.token ? { components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } }, security: [{ bearer: [] }] } : {}),
    },
    // Components named after the schemas' $id (CheckResult, Error, …) rather than def-0, def-1.
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  app.removeContentTypeParser('text/plain'); // JSON only: anything else is 415
  installErrorHandlers(app, o.log);

  app.addHook('onRequest', async (_request, reply) => {
    if (!draining) return;
    void reply.header('connection', 'close').header('retry-after', '1');
    return reply.status(503).type('application/json').send(errorBody(503, 'shutting-down', 'server is shutting down'));
  });
  app.addHook('onSend', async (_request, reply) => {
    // Responses finishing during shutdown close their connection, so keep-alive clients reconnect elsewhere.
    if (draining) void reply.header('connection', 'close');
  });
  installAuth(app, o.token);

  const page = renderPage({ auth: o.token !== undefined });
  const policy = pageContentSecurityPolicy();
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', policy)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .send(page),
  );
  app.get('/healthz', { schema: ROUTE_SCHEMAS.health }, async () => ({ status: 'ok' as const, ...pool.load }));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  analysisRoutes(app, pool);
  documentRoutes(app, archive, writes);

  await app.ready();
  return {
    app,
    drain: () => {
      draining = true;
    },
  };
}
