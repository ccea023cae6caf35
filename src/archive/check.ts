import { resolve } from 'node:path';
import { coverage } from '../align/score.js';
import { compareDocuments, type CompareOptions } from '../compare.js';
import { SCHEMA_VERSION, type CompareResult, type DocumentInfo, type Verdict } from '../result.js';
import { analyze, DEFAULT_SEGMENT_OPTIONS } from '../text/tokenize.js';
import type { Range } from '../util/range.js';
import { boilerplateThreshold, learnedBoilerplate, learnedBoilerplates } from './boilerplate.js';
import { retrieve, type RetrievalOptions } from './retrieve.js';
import type { ArchiveStore, DocumentRow } from './store.js';
import type { TextDocument } from '../text/document.js';
import { contentHash } from './features.js';
import { unitKeys } from './units.js';

export interface CheckOptions {
  /** Recorded as the candidate's path; an archived document at this (absolute) path is not its own match. */
  path?: string;
  /** Report at most this many matches (default 10). */
  top?: number;
  /** Options for each alignment (verdict thresholds, align tunables). Boilerplate comes from the archive. */
  compare?: Omit<CompareOptions, 'boilerplate' | 'sourcePath' | 'candidatePath'>;
  retrieval?: Partial<RetrievalOptions>;
  /** Occurrences (distinct texts) that make a sentence or line boilerplate; default boilerplateThreshold(). */
  boilerplateMinDocs?: number;
}

export interface MatchedDocument {
  id: string;
  path: string;
  title: string;
  length: number;
  sentences: number;
}

/** One archived document the candidate reuses: a compare result with the archive document as source. */
export interface CheckMatch extends Omit<CompareResult, 'schemaVersion' | 'source' | 'candidate'> {
  document: MatchedDocument;
}

export interface CheckResult {
  schemaVersion: typeof SCHEMA_VERSION;
  candidate: DocumentInfo & { boilerplate: Range[] };
  /** The most serious verdict over all matches (`none` without any). */
  verdict: Verdict;
  /** Fraction of the candidate's non-whitespace characters inside a passage of any match. */
  coverage: number;
  /** Matches ranked by reuse: candidate coverage, then passage evidence. Only documents with passages. */
  matches: CheckMatch[];
  /** Archive size; documents retrieval nominated; documents aligned (after the evidence floor and pool cap). */
  archive: { documents: number; retrieved: number; aligned: number };
}

/** What renderers need besides the result: the texts the offsets point into. */
export interface CheckReport {
  result: CheckResult;
  candidateText: string;
  /** The matched documents' texts, in the order of `result.matches`. */
  sourceTexts: string[];
}

const SEVERITY: Record<Verdict, number> = { none: 0, 'partial-reuse': 1, paraphrase: 2, duplicate: 3 };

export function verdictSeverity(v: Verdict): number {
  return SEVERITY[v];
}

/** The levels a pre-publish gate can fail at (`check --fail-on`, the server's `failOn`). */
export const FAIL_ON = ['partial-reuse', 'paraphrase', 'duplicate', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Whether a check with this verdict fails the gate: the verdict is at or above `failOn`. */
export function failsGate(verdict: Verdict, failOn: FailOn): boolean {
  return failOn !== 'never' && verdictSeverity(verdict) >= verdictSeverity(failOn);
}

/**
 * Check one article against the archive: analyze it once, retrieve candidate sources, align each with the
 * learned boilerplate, keep those with passages. Archived documents are analyzed only when aligned.
 */
export async function checkText(store: ArchiveStore, text: string, options: CheckOptions = {}): Promise<CheckReport> {
  const segment = { ...DEFAULT_SEGMENT_OPTIONS, ...options.compare?.segment };
  const candidateDoc = analyze(text, segment);
  const { documents } = await store.totals();
  const minDocs = options.boilerplateMinDocs ?? boilerplateThreshold(documents);
  const self = options.path ? await store.documentByPath(resolve(options.path)) : undefined;
  // An archived copy of this very text counts once in its own boilerplate statistics: take it back out.
  const discount = new Set(self?.counted && self.hash === contentHash(text) ? unitKeys(candidateDoc) : []);
  const candidateBoilerplate = await learnedBoilerplate(store, candidateDoc, minDocs, discount);
  const retrieval = await retrieve(store, candidateDoc, candidateBoilerplate.flags, new Set(self ? [self.doc] : []), options.retrieval);

  const rows = new Map((await store.documents(retrieval.candidates.map((c) => c.doc))).map((r) => [r.doc, r]));
  const sources: { row: DocumentRow; text: string; doc: TextDocument }[] = [];
  for (const candidate of retrieval.candidates) {
    const row = rows.get(candidate.doc);
    if (!row) continue;
    const sourceText = await store.text(row.doc);
    sources.push({ row, text: sourceText, doc: analyze(sourceText, segment) });
  }
  const sourceBoilerplates = await learnedBoilerplates(store, sources.map((s) => s.doc), minDocs);
  const aligned: { match: CheckMatch; text: string; score: number }[] = [];
  for (const [i, { row, text: sourceText, doc: sourceDoc }] of sources.entries()) {
    const boilerplate = new Set([...candidateBoilerplate.keys, ...sourceBoilerplates[i]!.keys]);
    const r = compareDocuments(sourceDoc, candidateDoc, { ...options.compare, boilerplate, sourcePath: row.path, candidatePath: options.path });
    if (r.passages.length === 0) continue;
    const { schemaVersion: _v, source, candidate: _c, ...rest } = r;
    aligned.push({
      match: { document: { id: row.uid, path: row.path, title: row.title, length: source.length, sentences: source.sentences }, ...rest },
      text: sourceText,
      score: r.passages.reduce((s, p) => s + p.score, 0),
    });
  }
  aligned.sort((a, b) => b.match.coverage.candidate - a.match.coverage.candidate || b.score - a.score || (a.match.document.id < b.match.document.id ? -1 : 1));
  const kept = aligned.slice(0, options.top ?? 10);

  // Over every match, not only the reported ones: the exit code must not depend on --top.
  const verdict = aligned.reduce<Verdict>((v, m) => (SEVERITY[m.match.verdict] > SEVERITY[v] ? m.match.verdict : v), 'none');
  const result: CheckResult = {
    schemaVersion: SCHEMA_VERSION,
    candidate: {
      path: options.path ?? null,
      length: text.length,
      sentences: candidateDoc.sentences.length,
      boilerplate: candidateDoc.sentences.filter((_, i) => candidateBoilerplate.flags[i]).map(({ start, end }) => ({ start, end })),
    },
    verdict,
    coverage: round(coverage(text, kept.flatMap((m) => m.match.passages.map((p) => p.candidate)))),
    matches: kept.map((m) => m.match),
    archive: { documents, retrieved: retrieval.nominated, aligned: rows.size },
  };
  return { result, candidateText: text, sourceTexts: kept.map((m) => m.text) };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
