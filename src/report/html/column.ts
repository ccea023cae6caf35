import { MARK_PRIORITY, type Annotation, type SideAnnotations } from './annotate.js';
import { escapeText } from './escape.js';
import { segment, snapToCodePoint, type Segment } from './segments.js';
import type { Range } from '../../util/range.js';
import type { WordMark } from './worddiff.js';

/** Side prefixes for element ids: `S12` is source sentence 12, `C3` candidate sentence 3. */
export type SideKey = 'S' | 'C';

export const PALETTE_SIZE = 8;
const MARK_CLASS: Record<WordMark, string> = { kept: 'k', changed: 'w', added: 'a', dropped: 'd' };

/** Estimated lines of a paragraph in a column, for the space it holds before it is laid out (see blocks). */
const CHARS_PER_LINE = 62;
export const MAX_ESTIMATED_LINES = 60;

/**
 * One side's full text as HTML: the original characters in order (the page shows them with white-space:
 * pre-wrap, so paragraphs and spacing are the input's), each annotated stretch wrapped in one element.
 * Passage stretches are <mark>s coloured by passage; the first one of a passage carries its number.
 *
 * The text is cut into one block per paragraph (after each run of line breaks, which is where a block boundary
 * changes nothing in pre-wrap layout), so that the browser can skip laying out paragraphs off screen
 * (content-visibility): a 1 MB article then opens as fast as a short one.
 */
export function renderColumn(side: SideKey, text: string, ann: SideAnnotations, passages: readonly Range[]): string {
  const starts = new Map<number, number[]>();
  passages.forEach((r, i) => {
    const at = snapToCodePoint(text, r.start);
    if (r.end > r.start) starts.set(at, [...(starts.get(at) ?? []), i]);
  });
  const anchorStarts = new Map<number, number>();
  for (const [index, r] of ann.anchors) anchorStarts.set(snapToCodePoint(text, r.start), index);
  const blocks = paragraphStarts(text);

  const out: string[] = [];
  let next = 0; // index into blocks of the next block to open
  let open = false;
  const segments = segment(text, ann.spans, blocks);
  segments.forEach((seg, i) => {
    if (next < blocks.length && seg.start >= blocks[next]!) {
      const end = next + 1 < blocks.length ? blocks[next + 1]! : text.length;
      out.push(`${open ? '</div>' : ''}<div class="b L${estimateLines(text, blocks[next]!, end)}">`);
      open = true;
      next++;
    }
    out.push(renderSegment(side, text, seg, starts, anchorStarts, strayMark(text, segments, i)));
  });
  if (open) out.push('</div>');
  return out.join('');
}

/**
 * Whether segment i is only white space whose word mark differs from a neighbour's: where two sentence pairs
 * share a sentence their runs interleave, and a lone struck-through or underlined space is noise.
 */
function strayMark(text: string, segments: readonly Segment<Annotation>[], i: number): boolean {
  const seg = segments[i]!;
  if (text.slice(seg.start, seg.end).trim() !== '') return false;
  const mark = collect(seg.values).mark;
  if (!mark) return false;
  const before = segments[i - 1];
  const after = segments[i + 1];
  return !before || !after || collect(before.values).mark !== mark || collect(after.values).mark !== mark;
}

function renderSegment(
  side: SideKey,
  text: string,
  seg: Segment<Annotation>,
  starts: Map<number, number[]>,
  anchorStarts: Map<number, number>,
  unmark: boolean,
): string {
  const body = escapeText(text.slice(seg.start, seg.end));
  if (seg.values.length === 0) return body;
  const a = collect(seg.values);
  if (unmark) a.mark = null;
  const attrs: string[] = [];
  const classes: string[] = [];
  if (a.passages.length > 0) {
    classes.push(`c${a.passages[0]! % PALETTE_SIZE}`);
    if (a.passages.length > 1) classes.push('o');
    attrs.push(`data-p="${a.passages.map((i) => i + 1).join(' ')}"`);
    const opening = (starts.get(seg.start) ?? []).filter((i) => a.passages.includes(i));
    if (opening.length > 0) attrs.push(`data-n="${opening.map((i) => i + 1).join(' ')}" tabindex="-1"`);
  }
  if (a.pairs.length > 0) {
    classes.push('q');
    attrs.push(`data-q="${a.pairs.join(' ')}"`);
  }
  if (a.mark) classes.push(MARK_CLASS[a.mark]);
  if (a.sentence !== null) {
    attrs.push(`data-s="${a.sentence}"`);
    if (anchorStarts.get(seg.start) === a.sentence) attrs.push(`id="${side}${a.sentence}"`);
  }
  if (classes.length > 0) attrs.unshift(`class="${classes.join(' ')}"`);
  const tag = a.passages.length > 0 ? 'mark' : 'span';
  return `<${tag} ${attrs.join(' ')}>${body}</${tag}>`;
}

/** 0 and every offset where a paragraph starts: just after a run of line breaks, before the next character. */
export function paragraphStarts(text: string): number[] {
  const out = [0];
  for (const m of text.matchAll(/[\r\n]+/g)) {
    const at = m.index! + m[0].length;
    if (at > 0 && at < text.length && m[0].includes('\n')) out.push(at);
  }
  return out.length > 0 && text.length > 0 ? out : [];
}

function estimateLines(text: string, start: number, end: number): number {
  let lines = 0;
  for (const line of text.slice(start, end).split('\n')) lines += Math.max(1, Math.ceil(line.length / CHARS_PER_LINE));
  return Math.min(MAX_ESTIMATED_LINES, Math.max(1, lines - (text[end - 1] === '\n' ? 1 : 0)));
}

function collect(values: readonly Annotation[]): { passages: number[]; pairs: number[]; mark: WordMark | null; sentence: number | null } {
  const passages: number[] = [];
  const pairs: number[] = [];
  let mark: WordMark | null = null;
  let sentence: number | null = null;
  for (const v of values) {
    if (v.kind === 'passage') passages.push(v.index);
    else if (v.kind === 'pair') pairs.push(v.id);
    else if (v.kind === 'sentence') sentence ??= v.index;
    else if (!mark || MARK_PRIORITY[v.mark] > MARK_PRIORITY[mark]) mark = v.mark;
  }
  return { passages, pairs, mark, sentence };
}
