import { createHash } from 'node:crypto';
import type { CompareResult, Verdict } from '../../result.js';
import type { Range } from '../../util/range.js';
import { annotate } from './annotate.js';
import { CLIENT_SCRIPT } from './client.js';
import { PALETTE_SIZE, renderColumn } from './column.js';
import { escapeAttr, escapeText } from './escape.js';
import { renderMap } from './map.js';
import { snapToCodePoint } from './segments.js';
import { STYLES } from './styles.js';

const VERDICT_LABEL: Record<Verdict, string> = {
  duplicate: 'Duplicate',
  paraphrase: 'Paraphrase',
  'partial-reuse': 'Partial reuse',
  none: 'No reuse found',
};
const VERDICT_SUMMARY: Record<Verdict, string> = {
  duplicate: 'The candidate copies the source, largely word for word.',
  paraphrase: 'Most of the candidate is taken from the source, reworded.',
  'partial-reuse': 'Parts of the candidate are taken from the source.',
  none: 'No passage of the candidate was found to come from the source.',
};

/** The opening words of a range, whitespace folded and cut at a word boundary: enough to recognise a passage. */
function lead(text: string, range: Range, width = 120): string {
  const flat = text.slice(range.start, range.end).replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const cut = flat.slice(0, snapToCodePoint(flat, width));
  const space = cut.lastIndexOf(' ');
  return `${space > width / 2 ? cut.slice(0, space) : cut} …`;
}

/** A coverage bar as SVG: its width is an attribute, not a style, so the CSP needs no 'unsafe-inline'. */
function bar(fraction: number): string {
  const w = Math.round(Math.min(1, Math.max(0, fraction)) * 64);
  return `<svg class="bar" width="64" height="8" aria-hidden="true"><rect width="64" height="8" rx="4" fill="#e5e7eb"/><rect width="${w}" height="8" rx="4" fill="#c2410c"/></svg>`;
}

/** `sha256-…` source expression for the CSP: lets exactly this inline text run (or apply), nothing else. */
export function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

/** The Content-Security-Policy of the report: nothing may load, only the report's own script and styles apply. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `script-src ${cspHash(CLIENT_SCRIPT)}`,
    `style-src ${cspHash(STYLES)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The side-by-side HTML report: one self-contained file (inline CSS and script, no external loads) with both
 * texts in full, every passage highlighted and numbered on both sides, word differences inside sentence pairs,
 * a passage list and the alignment map. Pure: no I/O. Every input string reaches the page through escapeText or
 * escapeAttr.
 */
export function renderHtml(result: CompareResult, sourceText: string, candidateText: string): string {
  const ann = annotate(result, sourceText, candidateText);
  const sourceName = result.source.path ?? 'source';
  const candidateName = result.candidate.path ?? 'candidate';
  const pairCount = result.passages.reduce((n, p) => n + p.pairs.length, 0);
  const count = result.passages.length;
  const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

  const header =
    `<header class="top">` +
    `<span class="brand">parascope report</span>` +
    `<span class="verdict v-${result.verdict}" id="verdict">${VERDICT_LABEL[result.verdict]}</span>` +
    `<span class="summary">${VERDICT_SUMMARY[result.verdict]}</span>` +
    `<span class="stats">` +
    `<span>${bar(result.coverage.candidate)}<b>${pct(result.coverage.candidate)}</b> of candidate reused</span>` +
    `<span><b>${pct(result.coverage.source)}</b> of source reused</span>` +
    `<span><b id="passage-count">${count}</b> passage${count === 1 ? '' : 's'}, ${pairCount} sentence pair${pairCount === 1 ? '' : 's'}</span>` +
    `<span>similarity <b>${result.similarity.toFixed(2)}</b></span>` +
    `</span></header>`;

  const legend =
    `<div class="legend" aria-label="Legend">` +
    `<span><mark class="c0 q k doc-like">same words</mark></span>` +
    `<span><mark class="c0 q w doc-like">reworded</mark></span>` +
    `<span><mark class="c0 q a doc-like">added</mark></span>` +
    `<span><mark class="c0 q d doc-like">dropped</mark></span>` +
    `<span><mark class="c0 doc-like">unpaired, inside a passage</mark></span>` +
    `<span class="doc-like quiet">not reused</span>` +
    `<span>one colour and number per passage, the same on both sides</span>` +
    `<span class="keys">click a highlight to jump to its counterpart · <kbd>n</kbd> <kbd>p</kbd> passages · <kbd>]</kbd> <kbd>[</kbd> sentence pairs</span>` +
    `</div>`;

  const side = (id: string, role: string, name: string, info: CompareResult['source'], cov: number, html: string): string =>
    `<section class="side" aria-label="${role}">` +
    `<h2><span class="role">${role}</span><bdi class="name" title="${escapeAttr(name)}">${escapeText(name)}</bdi>` +
    `<span class="cov">${info.sentences} sentences · ${pct(cov)} reused</span></h2>` +
    `<div class="doc" id="${id}" tabindex="0">${html}</div></section>`;

  const passageItems = result.passages.map((p, i) => {
    const n = i + 1;
    return (
      `<li><button type="button" class="c${i % PALETTE_SIZE}" data-goto="${n}">` +
      `<span class="badge">${n}</span><b>${p.kind}</b> · similarity ${p.similarity.toFixed(2)} · ${p.pairs.length} sentence pair${p.pairs.length === 1 ? '' : 's'}` +
      `<span class="ex"><b>cand.</b>${escapeText(lead(candidateText, p.candidate))}</span>` +
      `<span class="ex"><b>source</b>${escapeText(lead(sourceText, p.source))}</span>` +
      `</button></li>`
    );
  });

  const aside =
    `<aside aria-label="Overview">` +
    `<h3>Alignment map</h3>${renderMap(result)}` +
    `<h3>Passages (${count})</h3>` +
    (count > 0 ? `<ol class="plist">${passageItems.join('')}</ol>` : `<p class="note">No reused passage found.</p>`) +
    `</aside>`;

  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy())}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer">` +
    `<title>${escapeText(`${VERDICT_LABEL[result.verdict]}: ${candidateName} vs ${sourceName}`)}</title>` +
    `<style>${STYLES}</style></head>\n` +
    `<body data-passages="${count}" data-pairs="${pairCount}">` +
    header +
    legend +
    `<main>` +
    side('src', 'Source', sourceName, result.source, result.coverage.source, renderColumn('S', sourceText, ann.source, result.passages.map((p) => p.source))) +
    side('cand', 'Candidate', candidateName, result.candidate, result.coverage.candidate, renderColumn('C', candidateText, ann.candidate, result.passages.map((p) => p.candidate))) +
    aside +
    `</main>` +
    `<script>${CLIENT_SCRIPT}</script></body></html>\n`
  );
}
