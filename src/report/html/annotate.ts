import type { CompareResult } from '../../result.js';
import type { Range } from '../../util/range.js';
import { diffPair, type WordMark } from './worddiff.js';
import type { Span } from './segments.js';

/** What a piece of one side's text belongs to; a segment of text may carry several of these. */
export type Annotation =
  | { kind: 'passage'; index: number }
  | { kind: 'pair'; id: number }
  | { kind: 'mark'; mark: WordMark }
  | { kind: 'sentence'; index: number };

export interface SideAnnotations {
  spans: Span<Annotation>[];
  /** Sentence ranges that get an anchor (those the alignment map can jump to), by sentence index. */
  anchors: Map<number, Range>;
}

/**
 * Everything to highlight on each side: passages, their sentence pairs (numbered globally in passage order, so
 * pair `id` means the same pair on both sides), the word marks of each pair, and the sentences the map links to.
 */
export function annotate(result: CompareResult, sourceText: string, candidateText: string): { source: SideAnnotations; candidate: SideAnnotations } {
  const source: SideAnnotations = { spans: [], anchors: new Map() };
  const candidate: SideAnnotations = { spans: [], anchors: new Map() };
  let pairId = 0;
  result.passages.forEach((p, index) => {
    source.spans.push({ ...p.source, value: { kind: 'passage', index } });
    candidate.spans.push({ ...p.candidate, value: { kind: 'passage', index } });
    for (const pair of p.pairs) {
      const id = pairId++;
      source.spans.push({ ...pair.source, value: { kind: 'pair', id } });
      candidate.spans.push({ ...pair.candidate, value: { kind: 'pair', id } });
      const diff = diffPair(sourceText, pair.source, candidateText, pair.candidate);
      for (const m of diff.source) source.spans.push({ start: m.start, end: m.end, value: { kind: 'mark', mark: m.mark } });
      for (const m of diff.candidate) candidate.spans.push({ start: m.start, end: m.end, value: { kind: 'mark', mark: m.mark } });
    }
  });
  for (const cell of result.map?.cells ?? []) {
    addAnchor(source, result.map!.sourceSentences, cell.source);
    addAnchor(candidate, result.map!.candidateSentences, cell.candidate);
  }
  return { source, candidate };
}

function addAnchor(side: SideAnnotations, sentences: readonly Range[], index: number): void {
  const range = sentences[index];
  if (!range || side.anchors.has(index)) return;
  side.anchors.set(index, range);
  side.spans.push({ ...range, value: { kind: 'sentence', index } });
}

/** When a word is marked differently by two pairs sharing a sentence, the strongest evidence of reuse wins. */
export const MARK_PRIORITY: Record<WordMark, number> = { kept: 3, changed: 2, added: 1, dropped: 1 };
