import type { Subset } from './corpus.js';

/**
 * What the team must beat on PAN 2013 train: the reference system's numbers and the goals set in the issue
 * ("Detection quality on PAN13 text alignment"). For 01-no-plagiarism the goal is a count of detections,
 * since any detection there makes its plagdet 0.
 */
export interface Goal {
  reference?: number;
  target?: number;
  maxDetections?: number;
}

export const PLAGDET_GOALS: Record<Subset | 'overall', Goal> = {
  '01-no-plagiarism': { maxDetections: 3 },
  '02-no-obfuscation': { reference: 0.981, target: 0.99 },
  '03-random-obfuscation': { reference: 0.884, target: 0.92 },
  '04-translation-obfuscation': { reference: 0.879, target: 0.91 },
  '05-summary-obfuscation': { reference: 0.63, target: 0.7 },
  overall: { reference: 0.902, target: 0.93 },
};

/** Throughput: the reference did ~40 pairs/s with 2 processes; the goal is 250 pairs/s with 2 workers. */
export const SPEED_GOAL = { reference: 40, target: 250, workers: 2 };
