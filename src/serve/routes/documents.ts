import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Archive, ArchivedDocument } from '../../archive/archive.js';
import { HttpError } from '../errors.js';
import { ROUTE_SCHEMAS } from '../schemas.js';
import { yieldToEventLoop, type WriteQueue } from '../writer.js';

interface NewDocument {
  path: string;
  text: string;
  meta?: Record<string, string>;
}

function notFound(id: string): HttpError {
  return new HttpError(404, 'not-found', `no document ${id} in the archive`);
}

/** Documents are written on the main thread through the write queue; reads go straight to the archive. */
export function documentRoutes(app: FastifyInstance, archive: Archive, writes: WriteQueue): void {
  app.post<{ Body: NewDocument | NewDocument[] }>('/v1/documents', { schema: ROUTE_SCHEMAS.addDocuments }, async (request) => {
    const batch = Array.isArray(request.body) ? request.body : [request.body];
    return writes.run(async () => {
      const documents: { outcome: string; document: ArchivedDocument }[] = [];
      for (const d of batch) {
        const outcome = await archive.addText(d.path, d.text, d.meta ?? {});
        // By resolved path: a path of 12 hex digits must not be taken for another document's id.
        const document = await archive.document(resolve(d.path));
        if (!document) throw new Error(`${d.path}: not found right after it was written`);
        documents.push({ outcome, document });
        // Analysis runs here, on the main thread: let other requests through between documents.
        await yieldToEventLoop();
      }
      return { documents };
    });
  });

  app.get<{ Params: { id: string } }>('/v1/documents/:id', { schema: ROUTE_SCHEMAS.getDocument }, async (request) => {
    const document = await archive.document(request.params.id);
    if (!document || document.id !== request.params.id) throw notFound(request.params.id);
    return { document, text: await archive.text(document.id) };
  });

  app.delete<{ Params: { id: string } }>('/v1/documents/:id', { schema: ROUTE_SCHEMAS.deleteDocument }, async (request) => {
    const { id } = request.params;
    return writes.run(async () => {
      const document = await archive.document(id);
      if (!document || document.id !== id) throw notFound(id);
      const { removed } = await archive.remove([id]);
      if (removed.length === 0) throw notFound(id);
      return { removed: removed[0] };
    });
  });

  app.get('/v1/stats', { schema: ROUTE_SCHEMAS.stats }, async () => archive.stats());
}
