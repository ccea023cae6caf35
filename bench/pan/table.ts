import type { Scores } from './scorer.js';
import { PLAGDET_GOALS, SPEED_GOAL, type Goal } from './targets.js';

export interface Row extends Scores {
  name: string;
  pairs: number;
  failed: number;
}

export interface Speed {
  pairs: number;
  seconds: number;
  jobs: number;
}

/** The benchmark table as plain text: measured scores beside the reference system and the targets. */
export function renderTable(rows: readonly Row[], speed: Speed): string {
  const header = ['subset', 'pairs', 'cases', 'detections', 'precision', 'recall', 'granularity', 'plagdet', 'reference', 'target', 'met'];
  const body = rows.map((r) => {
    const goal: Goal = PLAGDET_GOALS[r.name as keyof typeof PLAGDET_GOALS] ?? {};
    const target = goal.maxDetections !== undefined ? `≤${goal.maxDetections} det.` : goal.target !== undefined ? `≥${goal.target.toFixed(3)}` : '';
    const met =
      goal.maxDetections !== undefined ? r.detections <= goal.maxDetections : goal.target !== undefined ? r.plagdet >= goal.target : undefined;
    return [
      r.name,
      `${r.pairs}${r.failed > 0 ? ` (${r.failed} failed)` : ''}`,
      String(r.cases),
      String(r.detections),
      r.precision.toFixed(3),
      r.recall.toFixed(3),
      r.granularity.toFixed(3),
      r.plagdet.toFixed(3),
      goal.reference !== undefined ? goal.reference.toFixed(3) : '',
      target,
      met === undefined ? '' : met ? 'yes' : 'NO',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const pps = speed.pairs / speed.seconds;
  const speedLine =
    `speed: ${speed.pairs} pairs in ${speed.seconds.toFixed(1)} s = ${pps.toFixed(1)} pairs/s with ${speed.jobs} worker(s)` +
    ` (reference ~${SPEED_GOAL.reference} with 2 processes; target ≥${SPEED_GOAL.target} with ${SPEED_GOAL.workers} workers: ` +
    `${speed.jobs === SPEED_GOAL.workers ? (pps >= SPEED_GOAL.target ? 'met' : 'NOT met') : 'not comparable, other worker count'})`;
  return [line(header), rule, ...body.slice(0, -1).map(line), rule, line(body.at(-1)!), '', speedLine].join('\n') + '\n';
}
