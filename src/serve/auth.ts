import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.js';

/**
 * Routes anyone may call: the health probe (load balancers carry no token) and the page, which holds no data
 * and asks for the token itself, sending it as a bearer header on every API call (a browser cannot attach
 * one to a page load).
 */
export const PUBLIC_ROUTES = new Set(['/healthz', '/']);

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Optional bearer-token authentication, compared in constant time (over digests, so lengths leak nothing). */
export function installAuth(app: FastifyInstance, token: string | undefined): void {
  if (!token) return;
  const expected = digest(token);
  app.addHook('onRequest', async (request, reply) => {
    if (PUBLIC_ROUTES.has(request.routeOptions.url ?? '')) return;
    const header = request.headers.authorization ?? '';
    const given = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return;
    void reply.header('www-authenticate', 'Bearer realm="parascope"');
    throw new HttpError(401, 'unauthorized', given === undefined ? 'missing bearer token (Authorization: Bearer TOKEN)' : 'wrong bearer token');
  });
}
