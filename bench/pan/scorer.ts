import type { Range } from '../../src/util/range.js';

/**
 * PAN text-alignment measures (Potthast, Stein, Barrón-Cedeño, Rosso: "An Evaluation Framework for Plagiarism
 * Detection", COLING 2010), following the official `perfmeasures.py` (pan-webis-de/pan-code, sepln09), macro
 * averaged. A case (ground truth) or detection is a pair of half-open character ranges, one in the suspicious
 * document and one in the source document of a pair.
 *
 * Edge cases as in the official code: with no cases and no detections recall and precision are 1; with only
 * one of them empty both are 0 (so any detection in a corpus without plagiarism costs the whole plagdet);
 * granularity is 1 when nothing is detected. Identical annotations count once (the official code keeps sets).
 * A zero-length annotation cannot overlap anything and scores 0 (the official code would divide by zero).
 */
export interface Annotation {
  /** The document pair, as `pairKey(suspicious, source)`. */
  pair: string;
  suspicious: Range;
  source: Range;
}

export interface Scores {
  cases: number;
  detections: number;
  /** Cases hit by at least one detection. */
  detectedCases: number;
  precision: number;
  recall: number;
  granularity: number;
  plagdet: number;
}

/** The pair identity shared by cases and detections: the two file names, as on a line of a PAN pairs file. */
export function pairKey(suspicious: string, source: string): string {
  return `${suspicious} ${source}`;
}

/** r detects s (and vice versa): same pair, and overlapping in the suspicious AND in the source document. */
export function detects(a: Annotation, b: Annotation): boolean {
  return a.pair === b.pair && overlap(a.suspicious, b.suspicious) > 0 && overlap(a.source, b.source) > 0;
}

/** Macro recall: mean over cases of the share of the case's characters (both sides) covered by its detections. */
export function macroRecall(cases: readonly Annotation[], detections: readonly Annotation[]): number {
  const s = unique(cases);
  const r = unique(detections);
  if (s.length === 0 && r.length === 0) return 1;
  if (s.length === 0 || r.length === 0) return 0;
  const byPair = indexByPair(r);
  let sum = 0;
  for (const c of s) sum += coveredShare(c, (byPair.get(c.pair) ?? []).filter((d) => detects(c, d)));
  return sum / s.length;
}

/** Macro precision: recall with the roles swapped, as the official code computes it. */
export function macroPrecision(cases: readonly Annotation[], detections: readonly Annotation[]): number {
  return macroRecall(detections, cases);
}

/** Mean number of detections per detected case (1 is ideal; a case found in two pieces counts 2). */
export function granularity(cases: readonly Annotation[], detections: readonly Annotation[]): number {
  const byPair = indexByPair(unique(detections));
  let detected = 0;
  let hits = 0;
  for (const c of unique(cases)) {
    const n = (byPair.get(c.pair) ?? []).filter((d) => detects(c, d)).length;
    if (n > 0) {
      detected++;
      hits += n;
    }
  }
  return detected === 0 ? 1 : hits / detected;
}

export function plagdet(precision: number, recall: number, gran: number): number {
  if ((precision === 0 && recall === 0) || precision < 0 || recall < 0 || gran < 1) return 0;
  return (2 * precision * recall) / (precision + recall) / Math.log2(1 + gran);
}

export function score(cases: readonly Annotation[], detections: readonly Annotation[]): Scores {
  const precision = macroPrecision(cases, detections);
  const recall = macroRecall(cases, detections);
  const gran = granularity(cases, detections);
  const byPair = indexByPair(unique(detections));
  const detectedCases = unique(cases).filter((c) => (byPair.get(c.pair) ?? []).some((d) => detects(c, d))).length;
  return {
    cases: unique(cases).length,
    detections: unique(detections).length,
    detectedCases,
    precision,
    recall,
    granularity: gran,
    plagdet: plagdet(precision, recall, gran),
  };
}

/** |∪_{o} (a ⊓ o)| / |a|, counting characters on both sides; `others` all overlap `a` on both sides. */
function coveredShare(a: Annotation, others: readonly Annotation[]): number {
  const size = length(a.suspicious) + length(a.source);
  if (size === 0) return 0;
  const covered =
    unionLength(others.map((o) => intersect(a.suspicious, o.suspicious))) + unionLength(others.map((o) => intersect(a.source, o.source)));
  return covered / size;
}

function overlap(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function intersect(a: Range, b: Range): Range {
  return { start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) };
}

function length(r: Range): number {
  return Math.max(0, r.end - r.start);
}

function unionLength(ranges: readonly Range[]): number {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  let total = 0;
  let end = -Infinity;
  for (const r of sorted) {
    if (r.end <= end) continue;
    total += r.end - Math.max(r.start, end);
    end = r.end;
  }
  return total;
}

function indexByPair(annotations: readonly Annotation[]): Map<string, Annotation[]> {
  const index = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = index.get(a.pair);
    if (list) list.push(a);
    else index.set(a.pair, [a]);
  }
  return index;
}

function unique(annotations: readonly Annotation[]): Annotation[] {
  const seen = new Set<string>();
  return annotations.filter((a) => {
    const key = `${a.pair}\u0000${a.suspicious.start},${a.suspicious.end},${a.source.start},${a.source.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
