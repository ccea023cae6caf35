import type { CheckMatch, CheckResult } from '../archive/check.js';
import { SCHEMA_VERSION, type CompareResult } from '../result.js';

/** One check match as the compare result it came from (archive document as source), for single-pair renderers. */
export function matchAsCompareResult(match: CheckMatch, candidate: CheckResult['candidate']): CompareResult {
  const { document, ...rest } = match;
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { path: document.path, length: document.length, sentences: document.sentences },
    candidate: { path: candidate.path, length: candidate.length, sentences: candidate.sentences },
    ...rest,
  };
}
