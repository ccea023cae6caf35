import type { ScanResult } from '../archive/scan.js';

export const SCAN_FORMATS = ['json', 'csv'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

export function renderScan(format: ScanFormat, result: ScanResult): string {
  return format === 'json' ? JSON.stringify(result, null, 2) + '\n' : renderScanCsv(result);
}

const COLUMNS = [
  'type', 'group', 'source_id', 'source_path', 'candidate_id', 'candidate_path',
  'verdict', 'coverage_source', 'coverage_candidate', 'similarity', 'jaccard', 'passages',
] as const;

/**
 * One row per pair: each member of a duplicate group paired with the group's first document (type
 * `identical` or `near-duplicate`, numbered by `group`), then every reuse pair (type `reuse`).
 */
export function renderScanCsv(result: ScanResult): string {
  const rows: (string | number)[][] = [[...COLUMNS]];
  result.groups.forEach((g, i) => {
    const [first, ...rest] = g.documents;
    for (const d of rest) {
      rows.push([g.kind, i + 1, first!.id, first!.path, d.id, d.path, g.kind === 'identical' ? 'duplicate' : '', '', '', '', g.jaccard, '']);
    }
  });
  for (const p of result.pairs) {
    rows.push([
      'reuse', '', p.source.id, p.source.path, p.candidate.id, p.candidate.path,
      p.verdict, p.coverage.source, p.coverage.candidate, p.similarity, p.resemblance.jaccard, p.passages.length,
    ]);
  }
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** RFC 4180 quoting; a leading = + - @ is neutralised so spreadsheets never run a path as a formula. */
function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
