import type { FastifyError, FastifyInstance } from 'fastify';
import { InputError } from '../errors.js';

/** The `code` of every JSON error the API returns: stable words clients can branch on. */
export type ErrorCode =
  | 'bad-json'
  | 'bad-request'
  | 'unauthorized'
  | 'not-found'
  | 'method-not-allowed'
  | 'too-large'
  | 'unsupported-media-type'
  | 'overloaded'
  | 'timeout'
  | 'shutting-down'
  | 'unavailable'
  | 'internal';

/** An error with the HTTP status and JSON body it becomes; anything else thrown is answered as 500 'internal'. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Seconds a client should wait before retrying (429, 503). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { status: number; code: ErrorCode; message: string };
}

export function errorBody(status: number, code: ErrorCode, message: string): ErrorBody {
  // One line, like the CLI's stderr: messages come from our own code or the validator, never a stack.
  return { error: { status, code, message: message.replace(/\s*\n\s*/g, ' ') } };
}

/** Translate whatever a route or fastify threw into a status and a JSON error (no stack trace leaves). */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof InputError) return new HttpError(400, 'bad-request', err.message);
  const e = err as FastifyError;
  if (e.validation) return new HttpError(400, 'bad-request', `${e.validationContext ?? 'request'}${e.message.replace(/^(body|params|querystring|headers)/, '')}`);
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'bad-json', e.message);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'too-large', e.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(e.statusCode ?? 415, e.statusCode === 400 ? 'bad-request' : 'unsupported-media-type', e.message);
  }
  // JSON.parse failures from the content-type parser carry statusCode 400 but no FST code.
  if (e.statusCode === 400 && err instanceof SyntaxError) return new HttpError(400, 'bad-json', `body is not valid JSON: ${e.message}`);
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return new HttpError(e.statusCode, 'bad-request', e.message);
  return new HttpError(500, 'internal', 'internal error');
}

/** JSON errors for everything: handler failures, validation, body parsing, unknown routes. */
export function installErrorHandlers(app: FastifyInstance, log: (line: string) => void): void {
  app.setErrorHandler((err, request, reply) => {
    const http = toHttpError(err);
    if (http.status >= 500 && http.code === 'internal') log(`internal error on ${request.method} ${request.url}: ${(err as Error).message ?? String(err)}`);
    if (http.retryAfter !== undefined) void reply.header('retry-after', String(http.retryAfter));
    return reply.status(http.status).type('application/json').send(errorBody(http.status, http.code, http.message));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).type('application/json').send(errorBody(404, 'not-found', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
}
