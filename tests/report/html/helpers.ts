import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare } from '../../../src/compare.js';
import type { CompareResult } from '../../../src/result.js';

export interface Rendered {
  result: CompareResult;
  sourceText: string;
  candidateText: string;
}

const cache = new Map<string, Rendered>();

/** compare() on two fixtures, with the alignment map and repository-relative paths (cached: wink is slow to load). */
export function fixturePair(source: string, candidate: string): Rendered {
  const key = `${source}|${candidate}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const sourceText = readFileSync(join('fixtures', source), 'utf8');
  const candidateText = readFileSync(join('fixtures', candidate), 'utf8');
  const result = compare(sourceText, candidateText, { alignmentMap: true, sourcePath: `fixtures/${source}`, candidatePath: `fixtures/${candidate}` });
  const out = { result, sourceText, candidateText };
  cache.set(key, out);
  return out;
}

/** The inner HTML of one text column of a rendered report (article text is escaped, so `</div>` cannot occur in it). */
export function columnHtml(html: string, id: 'src' | 'cand'): string {
  const open = `<div class="doc" id="${id}" tabindex="0">`;
  const start = html.indexOf(open);
  if (start < 0) throw new Error(`no column ${id}`);
  const end = html.indexOf('</div></section>', start);
  return html.slice(start + open.length, end);
}

/** Text content of an HTML fragment made of elements and escaped text: tags dropped, entities decoded. */
export function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
}

/** Every start tag in a fragment, with its attributes. */
export function tags(fragment: string): { name: string; attrs: Record<string, string> }[] {
  return [...fragment.matchAll(/<([a-z0-9]+)((?:\s+[a-zA-Z:-]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1]!,
    attrs: Object.fromEntries([...m[2]!.matchAll(/([a-zA-Z:-]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, a[2] ?? ''])),
  }));
}

/** Texts that try every way out of an HTML text node, plus scripts and characters that break naive slicing. */
export const HOSTILE =
  'Breaking: <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> then </textarea></div></section>' +
  '<a href="javascript:window.__pwned=3">click</a> {{constructor.constructor("window.__pwned=4")()}} ${window.__pwned=5} ' +
  '&amp; &lt;b&gt; "quoted" \'single\' <!-- comment --> <style>body{display:none}</style>\r\n' +
  'مرحبا بالعالم، هذا نص عربي. שלום עולם. \u202Eevil override\u202C 中国和俄罗斯的关系。 Emoji 👩‍👩‍👧 🇺🇦 ✅ end.\u00A0\tTab.';

/**
 * A pair with two passages of different kinds: the candidate copies six paragraphs of one article verbatim, then
 * carries the whole paraphrase of another, and the source is both originals one after the other.
 */
export function twoPassagePair(): Rendered {
  const read = (f: string): string => readFileSync(join('fixtures', f), 'utf8');
  const paragraphs = (t: string): string[] => t.split(/\n+/).filter((p) => p.trim() !== '');
  const globaltimes = read('globaltimes-mutual-trust.txt');
  const sourceText = `${read('sieff-oped.txt')}\n\n${globaltimes}`;
  const candidateText = [...paragraphs(globaltimes).slice(4, 10), ...paragraphs(read('pasha-rewrite.txt'))].join('\n\n');
  const result = compare(sourceText, candidateText, { alignmentMap: true, sourcePath: 'sieff+globaltimes', candidatePath: 'globaltimes+pasha' });
  return { result, sourceText, candidateText };
}
