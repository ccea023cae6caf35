import { parentPort, workerData } from 'node:worker_threads';
import { openArchive, type Archive } from '../archive/archive.js';
import { compare } from '../compare.js';
import { InputError } from '../errors.js';
import { renderCheck } from '../report/check.js';
import { matchAsCompareResult } from '../report/check-match.js';
import { renderCompare } from '../report/render.js';
import type { AnalysisReply, AnalysisSetup, CheckTask, CompareTask, TaskMessage, WorkerMessage } from './protocol.js';

// Entry of one analysis worker: check and compare run here, off the server's event loop, so the main thread
// keeps answering (and can terminate a worker that overruns the time limit). Each worker opens the archive
// itself; SQLite readers in WAL mode see every write the main thread commits.
const port = parentPort;
if (!port) throw new Error('parascope analysis worker: must run as a worker thread');
const setup = workerData as AnalysisSetup;

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}

let archive: Archive;
try {
  archive = openArchive(setup.archive, { ...setup.archiveOptions, readonly: true });
} catch (err) {
  post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
  throw err;
}

/** A report for every match, not only the first `top`: the page may ask for any match it listed. */
const ALL_MATCHES = 1000;

async function check(task: CheckTask): Promise<AnalysisReply> {
  const report = await archive.checkReport(task.text, {
    path: task.title,
    top: task.report ? ALL_MATCHES : task.top,
    compare: { alignmentMap: task.report !== undefined },
  });
  if (task.report === undefined) return { type: 'done', body: renderCheck('json', report), contentType: 'json', verdict: report.result.verdict };
  const i = report.result.matches.findIndex((m) => m.document.id === task.report);
  if (i < 0) return { type: 'failed', status: 404, message: `document ${task.report} is not a match of this text` };
  const pair = matchAsCompareResult(report.result.matches[i]!, report.result.candidate);
  return { type: 'done', body: renderCompare('html', pair, report.sourceTexts[i]!, report.candidateText), contentType: 'html', verdict: pair.verdict };
}

function comparePair(task: CompareTask): AnalysisReply {
  const result = compare(task.source, task.candidate, {
    sourcePath: task.sourceTitle,
    candidatePath: task.candidateTitle,
    alignmentMap: task.format === 'html',
  });
  return { type: 'done', body: renderCompare(task.format, result, task.source, task.candidate), contentType: task.format, verdict: result.verdict };
}

port.on('message', async ({ id, task }: TaskMessage) => {
  let reply: AnalysisReply;
  try {
    reply = task.type === 'check' ? await check(task) : comparePair(task);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    reply = { type: 'failed', status: err instanceof InputError ? 400 : 500, message };
  }
  post({ type: 'reply', id, reply });
});

post({ type: 'ready' });
