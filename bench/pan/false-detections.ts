import { detects, score, type Annotation, type Scores } from './scorer.js';

/**
 * What PAN counts as a false detection, and how much of it is text the two documents really share. PAN's
 * annotations cover only the passages it inserted; the suspicious documents' own text comes from the web on the
 * source's topic and sometimes quotes the same page, template or press release as the source. A detection
 * outside every case whose two sides share a long run of words is such unannotated reuse, not a coincidence.
 */
export interface FalseDetection {
  detection: Annotation;
  /** The longest run of consecutive words (lowercased) found on both sides of the detection. */
  sharedRun: string[];
}

/** Detections that detect no case of their pair. */
export function falseDetections(cases: readonly Annotation[], detections: readonly Annotation[]): Annotation[] {
  return detections.filter((d) => !cases.some((c) => detects(c, d)));
}

/** Words and numbers of a text, lowercased: what a reader compares when asking "was this copied?". */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The longest run of consecutive words `a` and `b` share (the first, if several are as long). */
export function longestSharedRun(a: readonly string[], b: readonly string[]): string[] {
  // Longest common substring over words: one row of the dynamic programme at a time.
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  let best = 0;
  let endInA = 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : 0;
      if (current[j]! > best) {
        best = current[j]!;
        endInA = i;
      }
    }
    [previous, current] = [current, previous];
  }
  return a.slice(endInA - best, endInA);
}

export interface Bounds {
  /** The scores as they are. */
  now: Scores;
  /** Every case found exactly once with its exact bounds, the false detections kept: no better is possible
   *  without dropping some of them. */
  exactCases: Scores;
  /** ... the same, but only for the cases of pairs that have detections at all (`readable`). */
  exactReadableCases: Scores;
  /** The detections as they are, less the false ones sharing fewer than `minRun` words in a row. */
  withoutUnsharedFalse: Scores;
}

/**
 * Scores a subset could reach. `readable(pair)` says whether a pair was aligned at all (a refused input, such as
 * a binary file, has no detections to improve).
 */
export function bounds(
  cases: readonly Annotation[],
  detections: readonly Annotation[],
  audited: readonly FalseDetection[],
  minRun: number,
  readable: (pair: string) => boolean,
): Bounds {
  const falseOnes = audited.map((f) => f.detection);
  const unshared = new Set(audited.filter((f) => f.sharedRun.length < minRun).map((f) => f.detection));
  return {
    now: score(cases, detections),
    exactCases: score(cases, [...cases, ...falseOnes]),
    exactReadableCases: score(cases, [...cases.filter((c) => readable(c.pair)), ...falseOnes]),
    withoutUnsharedFalse: score(
      cases,
      detections.filter((d) => !unshared.has(d)),
    ),
  };
}
