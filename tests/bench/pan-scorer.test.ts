import { describe, expect, it } from 'vitest';
import { detects, granularity, macroPrecision, macroRecall, pairKey, plagdet, score, type Annotation } from '../../bench/pan/scorer.js';

const A = pairKey('suspicious-document00001.txt', 'source-document00001.txt');
const B = pairKey('suspicious-document00002.txt', 'source-document00002.txt');

/** An annotation from [start, end) on each side. */
function ann(pair: string, susp: [number, number], src: [number, number]): Annotation {
  return { pair, suspicious: { start: susp[0], end: susp[1] }, source: { start: src[0], end: src[1] } };
}

describe('PAN scorer', () => {
  it('a perfect detection scores 1 everywhere', () => {
    const c = ann(A, [100, 400], [2000, 2350]);
    expect(score([c], [{ ...c }])).toEqual({ cases: 1, detections: 1, detectedCases: 1, precision: 1, recall: 1, granularity: 1, plagdet: 1 });
  });

  it('a case found in two pieces has granularity 2 and plagdet 1/log2(3)', () => {
    const c = ann(A, [0, 100], [0, 100]);
    const d = [ann(A, [0, 50], [0, 50]), ann(A, [50, 100], [50, 100])];
    const s = score([c], d);
    expect(s.recall).toBe(1);
    expect(s.precision).toBe(1);
    expect(s.granularity).toBe(2);
    expect(s.plagdet).toBeCloseTo(1 / Math.log2(3), 12);
  });

  it('overlapping detections of one case cover its characters once', () => {
    const c = ann(A, [0, 100], [0, 100]);
    const d = [ann(A, [0, 60], [0, 60]), ann(A, [40, 100], [40, 100])];
    expect(macroRecall([c], d)).toBe(1);
    expect(macroPrecision([c], d)).toBe(1);
    expect(granularity([c], d)).toBe(2);
  });

  it('a detection overlapping only the suspicious side (or only the source side) detects nothing', () => {
    const c = ann(A, [0, 100], [0, 100]);
    const suspOnly = ann(A, [0, 100], [200, 300]);
    const srcOnly = ann(A, [500, 600], [0, 100]);
    expect(detects(c, suspOnly)).toBe(false);
    expect(detects(c, srcOnly)).toBe(false);
    const s = score([c], [suspOnly, srcOnly]);
    expect(s).toMatchObject({ detectedCases: 0, precision: 0, recall: 0, granularity: 1, plagdet: 0 });
  });

  it('the same offsets in another document pair detect nothing', () => {
    const c = ann(A, [0, 100], [0, 100]);
    expect(detects(c, ann(B, [0, 100], [0, 100]))).toBe(false);
    expect(macroRecall([c], [ann(B, [0, 100], [0, 100])])).toBe(0);
  });

  it('a false positive in a pair without cases halves precision', () => {
    const c = ann(A, [0, 100], [0, 100]);
    const s = score([c], [ann(A, [0, 100], [0, 100]), ann(B, [10, 90], [10, 90])]);
    expect(s.recall).toBe(1);
    expect(s.precision).toBe(0.5);
    expect(s.granularity).toBe(1);
    expect(s.plagdet).toBeCloseTo(2 / 3, 12);
  });

  it('follows the official edge cases when one side is empty', () => {
    const d = ann(B, [10, 90], [10, 90]);
    // Detections but no cases (the no-plagiarism subset): precision and recall are 0.
    expect(score([], [d])).toMatchObject({ precision: 0, recall: 0, granularity: 1, plagdet: 0 });
    // Cases but no detections: precision is 0, not undefined.
    expect(score([ann(A, [0, 10], [0, 10])], [])).toMatchObject({ precision: 0, recall: 0, granularity: 1, plagdet: 0 });
    // Nothing at all: a perfect score.
    expect(score([], [])).toMatchObject({ precision: 1, recall: 1, granularity: 1, plagdet: 1 });
  });

  it('partial overlaps: hand-computed precision and recall', () => {
    // s1: 100 + 300 = 400 chars; r1: 100 + 400 = 500 chars; s1 ⊓ r1 = [150,200) + [1100,1300) = 50 + 200 = 250.
    const s1 = ann(A, [100, 200], [1000, 1300]);
    const r1 = ann(A, [150, 250], [1100, 1500]);
    expect(macroRecall([s1], [r1])).toBe(250 / 400);
    expect(macroPrecision([s1], [r1])).toBe(250 / 500);
    expect(plagdet(0.5, 0.625, 1)).toBeCloseTo((2 * 0.5 * 0.625) / 1.125, 12);
    // s2: 100 + 100 = 200 chars; r2: 50 + 100 = 150 chars, all inside s2: recall 0.75, precision 1.
    const s2 = ann(A, [300, 400], [2000, 2100]);
    const r2 = ann(A, [300, 350], [2000, 2100]);
    const s = score([s1, s2], [r1, r2]);
    expect(s.recall).toBe((0.625 + 0.75) / 2);
    expect(s.precision).toBe((0.5 + 1) / 2);
    expect(s.granularity).toBe(1);
    expect(s.plagdet).toBeCloseTo((2 * 0.75 * 0.6875) / (0.75 + 0.6875), 12);
  });

  it('one detection spanning two cases: precision counts both intersections, each case has granularity 1', () => {
    const cases = [ann(A, [0, 100], [0, 100]), ann(A, [200, 300], [200, 300])];
    const r = ann(A, [0, 300], [0, 300]); // 600 chars, 400 of them in cases
    const s = score(cases, [r]);
    expect(s.precision).toBeCloseTo(400 / 600, 12);
    expect(s.recall).toBe(1);
    expect(s.granularity).toBe(1);
    expect(s.plagdet).toBeCloseTo(0.8, 12);
  });

  it('identical detections count once, as in the official sets', () => {
    const c = ann(A, [0, 100], [0, 100]);
    expect(score([c], [ann(A, [0, 100], [0, 100]), ann(A, [0, 100], [0, 100])])).toMatchObject({ detections: 1, granularity: 1 });
  });

  it('agrees with the unit tests of the official perfmeasures.py', () => {
    const ann1 = ann(A, [0, 100], [0, 100]);
    const ann3 = ann(A, [100, 200], [100, 200]);
    const ann4 = ann(A, [0, 200], [0, 200]);
    const ann7 = ann(B, [0, 100], [0, 100]);
    const ann9 = ann(B, [50, 150], [50, 150]);
    const ann10 = ann(B, [25, 100], [25, 100]);
    expect(macroRecall([ann7], [ann9])).toBe(0.5);
    expect(macroRecall([ann7], [ann10])).toBe(0.75);
    expect(macroRecall([ann1, ann7], [ann1])).toBe(0.5);
    expect(macroPrecision([ann1], [ann4])).toBe(0.5);
    expect(macroPrecision([ann7], [ann9, ann10])).toBe(0.75);
    expect(macroPrecision([ann1], [ann3, ann4])).toBe(0.25);
    expect(granularity([ann1, ann3], [ann4, ann1])).toBe(1.5);
    expect(plagdet(0.75, 0.25, 2)).toBeCloseTo(0.23659865, 7);
  });
});
