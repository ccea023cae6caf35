import { describe, expect, it } from 'vitest';
import { bounds, falseDetections, longestSharedRun, words } from '../../bench/pan/false-detections.js';
import { pairKey, type Annotation } from '../../bench/pan/scorer.js';

const A = pairKey('suspicious-document00001.txt', 'source-document00001.txt');

function ann(susp: [number, number], src: [number, number]): Annotation {
  return { pair: A, suspicious: { start: susp[0], end: susp[1] }, source: { start: src[0], end: src[1] } };
}

describe('PAN false-detection audit', () => {
  it('compares lowercased words and numbers, not punctuation or spacing', () => {
    expect(words('For information, contact: The WorkPlace, Inc. 350 Fairfield Avenue')).toEqual([
      'for', 'information', 'contact', 'the', 'workplace', 'inc', '350', 'fairfield', 'avenue',
    ]);
  });

  it('finds the longest run of words both sides share, wherever it sits on each side', () => {
    const a = words('Book your Los Angeles hotel and flights in one convenient purchase. Click Here');
    const b = words('Reserve a space. Book your Madrid hotel and flights in one convenient purchase.');
    expect(longestSharedRun(a, b)).toEqual(['hotel', 'and', 'flights', 'in', 'one', 'convenient', 'purchase']);
  });

  it('finds no run between texts sharing no word, and the first of equally long runs', () => {
    expect(longestSharedRun(words('red green blue'), words('one two three'))).toEqual([]);
    expect(longestSharedRun(words('a b x c d'), words('c d y a b'))).toEqual(['a', 'b']);
  });

  it('a detection is false when it detects no case, including one overlapping a case on one side only', () => {
    const c = ann([0, 100], [0, 100]);
    const hit = ann([50, 150], [50, 150]);
    const suspiciousSideOnly = ann([0, 100], [500, 600]);
    expect(falseDetections([c], [hit, suspiciousSideOnly])).toEqual([suspiciousSideOnly]);
  });

  it('bounds: exact cases with the false detections kept, and the detections less unshared false ones', () => {
    const c = ann([0, 100], [0, 100]);
    const half = ann([0, 50], [0, 50]);
    const shared = ann([200, 300], [200, 300]);
    const unshared = ann([400, 500], [400, 500]);
    const audited = [
      { detection: shared, sharedRun: words('for information contact the workplace inc') },
      { detection: unshared, sharedRun: words('custom shapes') },
    ];
    const b = bounds([c], [half, shared, unshared], audited, 6, () => true);
    // Now: precision (1 + 0 + 0) / 3, recall 1/2.
    expect(b.now.precision).toBeCloseTo(1 / 3, 12);
    expect(b.now.recall).toBeCloseTo(0.5, 12);
    expect(b.now.plagdet).toBeCloseTo(0.4, 12);
    // The case found exactly beside both false detections: precision 1/3, recall 1.
    expect(b.exactCases.plagdet).toBeCloseTo(0.5, 12);
    // The unshared false detection dropped: precision 1/2, recall 1/2.
    expect(b.withoutUnsharedFalse.precision).toBeCloseTo(0.5, 12);
    expect(b.withoutUnsharedFalse.plagdet).toBeCloseTo(0.5, 12);
    // A pair that was never aligned cannot have its case found: only the false detections remain.
    expect(bounds([c], [shared], audited.slice(0, 1), 6, () => false).exactReadableCases.plagdet).toBe(0);
  });
});
