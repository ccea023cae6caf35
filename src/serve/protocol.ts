import type { OpenArchiveOptions } from '../archive/archive.js';
import type { Verdict } from '../result.js';

/** What every analysis worker is started with (`workerData`). */
export interface AnalysisSetup {
  /** The archive location, passed through to `openArchive` (an SQLite file, or a URL another store accepts). */
  archive: string;
  archiveOptions: OpenArchiveOptions;
}

/** Check an article against the archive: the check result (JSON), or one match's side-by-side report (HTML). */
export interface CheckTask {
  type: 'check';
  text: string;
  title?: string;
  top?: number;
  /** Render the side-by-side report of this matched document instead of the JSON result. */
  report?: string;
}

/** Compare two texts: the compare result (JSON) or the side-by-side report (HTML). */
export interface CompareTask {
  type: 'compare';
  source: string;
  candidate: string;
  sourceTitle?: string;
  candidateTitle?: string;
  format: 'json' | 'html';
}

export type AnalysisTask = CheckTask | CompareTask;

/**
 * Worker → main thread. The body is rendered in the worker (the same renderers as the CLI), so the main
 * thread only copies a string. `status` 400 is bad input, 404 a report for a document that is not a match.
 */
export type AnalysisReply =
  | { type: 'done'; body: string; contentType: 'json' | 'html'; verdict?: Verdict }
  | { type: 'failed'; status: 400 | 404 | 500; message: string };

export type WorkerMessage = { type: 'ready' } | { type: 'reply'; id: number; reply: AnalysisReply } | { type: 'fatal'; message: string };

export interface TaskMessage {
  id: number;
  task: AnalysisTask;
}
