import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CLIENT_SCRIPT } from '../../../src/report/html/client.js';
import { paragraphStarts } from '../../../src/report/html/column.js';
import { renderHtml } from '../../../src/report/html/page.js';
import { STYLES } from '../../../src/report/html/styles.js';
import { compare } from '../../../src/compare.js';
import { renderCompare } from '../../../src/report/render.js';
import { columnHtml, fixturePair, HOSTILE, tags, textOf, twoPassagePair } from './helpers.js';

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');
const seed = fixturePair('sieff-oped.txt', 'pasha-rewrite.txt');
const seedHtml = renderHtml(seed.result, seed.sourceText, seed.candidateText);

function csp(html: string): Map<string, string[]> {
  const meta = tags(html).find((t) => t.name === 'meta' && t.attrs['http-equiv'] === 'Content-Security-Policy');
  expect(meta, 'CSP meta tag').toBeDefined();
  const policy = meta!.attrs.content!.replace(/&#39;/g, "'");
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('renderHtml: self-contained and locked down', () => {
  it('allows exactly its own inline script and style sheet, by sha256 hash, and nothing else', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(seedHtml)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(seedHtml)![1]!;
    expect(script).toBe(CLIENT_SCRIPT);
    expect(style).toBe(STYLES);
    const policy = csp(seedHtml);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual([`'sha256-${sha256(script)}'`]);
    expect(policy.get('style-src')).toEqual([`'sha256-${sha256(style)}'`]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(seedHtml).not.toContain('unsafe-inline');
  });

  it('puts the CSP before any script or style, and has one script and one style element', () => {
    const first = seedHtml.indexOf('Content-Security-Policy');
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(seedHtml.indexOf('<style>'));
    expect(seedHtml.match(/<script/g)).toHaveLength(1);
    expect(seedHtml.match(/<style/g)).toHaveLength(1);
    expect(CLIENT_SCRIPT.toLowerCase()).not.toContain('</script');
  });

  it('references nothing outside the file: no src/href attributes, no url() or @import in the styles', () => {
    for (const t of tags(seedHtml)) {
      expect(Object.keys(t.attrs).filter((a) => ['src', 'href', 'srcset', 'action', 'xlink:href', 'style'].includes(a)), `<${t.name}>`).toEqual([]);
    }
    expect(STYLES).not.toMatch(/url\(|@import|@font-face/);
    expect(CLIENT_SCRIPT).not.toMatch(/fetch|XMLHttpRequest|import\(|\beval\b|innerHTML|new Function/);
  });
});

describe('renderHtml: the texts', () => {
  it('renders both texts completely and unchanged, in order', () => {
    expect(textOf(columnHtml(seedHtml, 'src'))).toBe(seed.sourceText);
    expect(textOf(columnHtml(seedHtml, 'cand'))).toBe(seed.candidateText);
  });

  it('numbers every passage on both sides, and links every sentence pair on both sides', () => {
    const pair = twoPassagePair();
    expect(pair.result.passages.length).toBe(2);
    const html = renderHtml(pair.result, pair.sourceText, pair.candidateText);
    const numbers = (id: 'src' | 'cand') => tags(columnHtml(html, id)).flatMap((t) => (t.attrs['data-n'] ?? '').split(' ').filter(Boolean));
    expect(numbers('src').sort()).toEqual(['1', '2']);
    expect(numbers('cand').sort()).toEqual(['1', '2']);
    const pairIds = (id: 'src' | 'cand') => new Set(tags(columnHtml(html, id)).flatMap((t) => (t.attrs['data-q'] ?? '').split(' ').filter(Boolean)));
    const total = pair.result.passages.reduce((n, p) => n + p.pairs.length, 0);
    expect(pairIds('src').size).toBe(total);
    expect([...pairIds('cand')].sort()).toEqual([...pairIds('src')].sort());
    expect(textOf(columnHtml(html, 'cand'))).toBe(pair.candidateText);
  });

  it('colours a passage the same on both sides and marks word differences inside pairs', () => {
    const pair = twoPassagePair();
    const html = renderHtml(pair.result, pair.sourceText, pair.candidateText);
    for (const n of ['1', '2']) {
      const colour = (id: 'src' | 'cand') =>
        new Set(tags(columnHtml(html, id)).filter((t) => (t.attrs['data-p'] ?? '').split(' ')[0] === n).map((t) => /\bc\d\b/.exec(t.attrs.class!)![0]));
      expect(colour('src').size).toBe(1);
      expect(colour('cand')).toEqual(colour('src'));
    }
    const classes = tags(columnHtml(seedHtml, 'cand')).map((t) => t.attrs.class ?? '');
    for (const mark of ['k', 'w', 'a']) expect(classes.some((c) => c.split(' ').includes(mark)), mark).toBe(true);
    expect(tags(columnHtml(seedHtml, 'src')).some((t) => (t.attrs.class ?? '').split(' ').includes('d'))).toBe(true);
  });

  it('never marks a lone space between differently marked words (pairs sharing a sentence interleave their runs)', () => {
    for (const id of ['src', 'cand'] as const) {
      const pieces = [...columnHtml(seedHtml, id).replace(/<\/?div[^>]*>/g, '').matchAll(/<(mark|span)([^>]*)>([^<]*)<\/\1>|[^<]+/g)];
      const markOf = (m: RegExpMatchArray | undefined) => (m?.[2] ? /class="[^"]*\b([kwad])\b/.exec(m[2])?.[1] : undefined);
      pieces.forEach((m, i) => {
        if (!m[1] || m[3]!.trim() !== '' || !markOf(m)) return;
        expect([markOf(pieces[i - 1]), markOf(pieces[i + 1])]).toEqual([markOf(m), markOf(m)]);
      });
    }
  });

  it('shows the header facts: both names, verdict, coverage of each side, passage count', () => {
    const head = seedHtml.slice(0, seedHtml.indexOf('<main>'));
    expect(head).toContain('fixtures/sieff-oped.txt');
    expect(head).toContain('fixtures/pasha-rewrite.txt');
    expect(head).toContain('Paraphrase');
    expect(head).toContain(`${Math.round(seed.result.coverage.candidate * 1000) / 10}%`);
    expect(head).toContain(`${Math.round(seed.result.coverage.source * 1000) / 10}%`);
    expect(head).toMatch(/<b id="passage-count">1<\/b> passage,/);
    // Names are bidi-isolated, so a right-to-left or override character in a file name cannot reorder the header.
    expect(seedHtml).toContain('<bdi class="name" title="fixtures/pasha-rewrite.txt">fixtures/pasha-rewrite.txt</bdi>');
  });
});

describe('renderHtml: hostile input', () => {
  const hostile = compare(`Intro.\n\n${HOSTILE}\n\n${seed.sourceText}`, `${HOSTILE}\r\n${seed.candidateText}`, {
    alignmentMap: true,
    sourcePath: '"><script>window.__pwned=6</script>.txt',
    candidatePath: "<img src=x onerror='window.__pwned=7'>&amp;.txt",
  });
  const html = renderHtml(hostile, `Intro.\n\n${HOSTILE}\n\n${seed.sourceText}`, `${HOSTILE}\r\n${seed.candidateText}`);

  it('creates no element, attribute or entity from the input', () => {
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'span', 'div', 'kbd', 'main', 'section', 'h2', 'h3', 'bdi', 'mark', 'aside', 'figure', 'svg', 'rect', 'path', 'figcaption', 'ol', 'li', 'button', 'b', 'p', 'script', 'code']);
    // Every "<" in the markup (the script aside) opens one of the report's own tags: input "<" is always &lt;.
    const markup = html.slice(0, html.indexOf('<script>')) + html.slice(html.indexOf('</script>'));
    const opened = [...markup.matchAll(/<\/?([^\s>/]+)/g)].map((m) => m[1]!.toLowerCase());
    expect(opened.filter((name) => !allowed.has(name) && name !== '!doctype')).toEqual([]);
    const found = tags(html);
    expect(found.filter((t) => !allowed.has(t.name)).map((t) => t.name)).toEqual([]);
    expect(found.flatMap((t) => Object.keys(t.attrs)).filter((a) => a.startsWith('on'))).toEqual([]);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;script&gt;window.__pwned=6&lt;/script&gt;.txt');
  });

  it('still shows every character of both texts, CRLF, bidi controls and emoji included', () => {
    expect(textOf(columnHtml(html, 'src'))).toBe(`Intro.\n\n${HOSTILE}\n\n${seed.sourceText}`);
    expect(textOf(columnHtml(html, 'cand'))).toBe(`${HOSTILE}\r\n${seed.candidateText}`);
  });
});

describe('renderCompare', () => {
  it('dispatches html, and falls back to "source"/"candidate" when the texts had no path', () => {
    const r = compare('One sentence here. Another one.', 'One sentence here. Something else.', { alignmentMap: true });
    const html = renderCompare('html', r, 'One sentence here. Another one.', 'One sentence here. Something else.');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<bdi class="name" title="source">source<\/bdi>/);
    expect(html).toMatch(/<bdi class="name" title="candidate">candidate<\/bdi>/);
  });
});

describe('paragraph blocks', () => {
  it('cut the text only right after line breaks, into blocks that hold it all in order', () => {
    const text = '\n\nTitle\r\n\r\nFirst para.\nSecond line.\n\n\nLast';
    const starts = paragraphStarts(text);
    expect(starts).toEqual([0, 2, 11, 23, 38]);
    for (const at of starts.slice(1)) expect(text[at - 1]).toBe('\n');
    const html = renderHtml(compare(text, text, { alignmentMap: true }), text, text);
    const blocks = [...columnHtml(html, 'src').matchAll(/<div class="b L\d+">([\s\S]*?)<\/div>/g)].map((m) => textOf(m[1]!));
    expect(blocks.join('')).toBe(text);
    expect(blocks).toHaveLength(starts.length);
  });
});
