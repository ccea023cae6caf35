import { parentPort } from 'node:worker_threads';
import { prepareDocument } from './prepare.js';
import { packChunk } from './prepare-wire.js';

/** Worker thread body for createPreparer: analyze one chunk of documents per message. */
parentPort?.on('message', (m: { id: number; items: { path: string; text: string }[] }) => {
  try {
    const { chunk, transfer } = packChunk(m.items.map((i) => prepareDocument(i.path, i.text)));
    parentPort!.postMessage({ id: m.id, chunk }, transfer);
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: (err as Error).message });
  }
});
