import type { TextDocument } from '../text/document.js';
import { shingleSet } from '../fingerprint/shingles.js';
import type { PassageKind, Verdict } from '../result.js';
import { union, type Range } from '../util/range.js';
import type { SentenceSpan } from './chain.js';
import type { VerdictOptions } from './options.js';

function tokenSpan(doc: TextDocument, span: SentenceSpan): [number, number] {
  return [doc.sentences[span.first]!.firstToken, doc.sentences[span.last]!.endToken];
}

function words(doc: TextDocument, [from, to]: [number, number]): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i]!;
    if (t.kind === 'word' || t.kind === 'number') out.push(t.norm);
  }
  return out;
}

/**
 * verbatim: the same words in the same order (case, punctuation and spacing aside);
 * near-verbatim: most of the candidate side's word shingles occur on the source side (light edits);
 * paraphrase: everything else the chain found.
 */
export function passageKind(
  source: TextDocument,
  sourceSpan: SentenceSpan,
  candidate: TextDocument,
  candidateSpan: SentenceSpan,
  shingleSize: number,
  nearVerbatimContainment: number,
): PassageKind {
  const s = tokenSpan(source, sourceSpan);
  const c = tokenSpan(candidate, candidateSpan);
  if (words(source, s).join(' ') === words(candidate, c).join(' ')) return 'verbatim';
  const cs = shingleSet(candidate, shingleSize, c[0], c[1]);
  if (cs.size === 0) return 'paraphrase';
  const ss = shingleSet(source, shingleSize, s[0], s[1]);
  let shared = 0;
  for (const h of cs) if (ss.has(h)) shared++;
  return shared / cs.size >= nearVerbatimContainment ? 'near-verbatim' : 'paraphrase';
}

const WHITESPACE = /\s/;

/** Fraction of the text's non-whitespace characters inside the ranges: layout does not change coverage. */
export function coverage(text: string, ranges: readonly Range[]): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) if (!WHITESPACE.test(text[i]!)) total++;
  if (total === 0) return 0;
  let covered = 0;
  for (const r of union(ranges)) {
    for (let i = r.start; i < r.end; i++) if (!WHITESPACE.test(text[i]!)) covered++;
  }
  return covered / total;
}

export function verdictOf(
  passageCount: number,
  candidateCoverage: number,
  similarity: number,
  options: VerdictOptions,
): Verdict {
  if (passageCount === 0) return 'none';
  if (candidateCoverage >= options.duplicateCoverage && similarity >= options.duplicateSimilarity) return 'duplicate';
  if (candidateCoverage >= options.paraphraseCoverage) return 'paraphrase';
  return 'partial-reuse';
}
