import type { FastifyInstance, FastifyReply } from 'fastify';
import { failsGate, type FailOn } from '../../archive/check.js';
import type { Done } from '../pool.js';
import type { AnalysisPool } from '../pool.js';
import { ROUTE_SCHEMAS } from '../schemas.js';

interface CheckBody {
  text: string;
  title?: string;
  top: number;
  failOn: FailOn;
}

/** Bodies are rendered by the worker with the CLI's renderers; sent as they are, byte for byte. */
function send(reply: FastifyReply, done: Done): FastifyReply {
  return reply.type(done.contentType === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8').send(done.body);
}

/** Aborts when the client disconnects before its answer is sent. */
function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableEnded) controller.abort();
  });
  return controller.signal;
}

export function analysisRoutes(app: FastifyInstance, pool: AnalysisPool): void {
  app.post<{ Body: CheckBody }>('/v1/check', { schema: ROUTE_SCHEMAS.check }, async (request, reply) => {
    const { text, title, top, failOn } = request.body;
    const done = await pool.run({ type: 'check', text, title, top }, clientGone(reply));
    void reply.header('parascope-gate', done.verdict && failsGate(done.verdict, failOn) ? 'fail' : 'pass');
    return send(reply, done);
  });

  app.post<{ Body: { text: string; title?: string; document: string } }>('/v1/check/report', { schema: ROUTE_SCHEMAS.checkReport }, async (request, reply) => {
    const { text, title, document } = request.body;
    return send(reply, await pool.run({ type: 'check', text, title, report: document }, clientGone(reply)));
  });

  type CompareBody = { source: string; candidate: string; sourceTitle?: string; candidateTitle?: string };
  const compare = (format: 'json' | 'html') => async (request: { body: CompareBody }, reply: FastifyReply) => {
    const { source, candidate, sourceTitle, candidateTitle } = request.body;
    return send(reply, await pool.run({ type: 'compare', source, candidate, sourceTitle, candidateTitle, format }, clientGone(reply)));
  };
  app.post<{ Body: CompareBody }>('/v1/compare', { schema: ROUTE_SCHEMAS.compare }, compare('json'));
  app.post<{ Body: CompareBody }>(
    '/v1/compare/report',
    { schema: { ...ROUTE_SCHEMAS.compare, summary: 'Side-by-side report of two texts', response: ROUTE_SCHEMAS.checkReport.response } },
    compare('html'),
  );
}
