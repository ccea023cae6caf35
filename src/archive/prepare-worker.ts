import { parentPort } from 'node:worker_threads';
import { prepareDocument, toWire } from './prepare.js';

/** Worker thread body for createPreparer: analyze one document per message. */
parentPort?.on('message', (m: { id: number; path: string; text: string }) => {
  try {
    const { wire, transfer } = toWire(prepareDocument(m.path, m.text));
    parentPort!.postMessage({ id: m.id, doc: wire }, transfer);
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: (err as Error).message });
  }
});
