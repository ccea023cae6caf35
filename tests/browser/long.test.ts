import { describe, expect, it } from 'vitest';
import { buildPair } from '../../bench/html.js';
import { compare } from '../../src/compare.js';
import { renderHtml } from '../../src/report/html/page.js';
import { classes, inView, useChromium, openReport } from './harness.js';

const browser = useChromium();

// Long texts: most paragraphs are off screen and not laid out yet (content-visibility), so jumps must still land.
const { source, candidate } = buildPair(300_000);
const result = compare(source, candidate, { alignmentMap: true });
const html = renderHtml(result, source, candidate);
const passages = result.passages.length;
const lastPair = result.passages.reduce((n, p) => n + p.pairs.length, 0) - 1;

describe('a long report (~300 kB a side)', () => {
  it('brings a far counterpart into view with smooth scrolling, and wraps from the first passage back to the last', async () => {
    expect(passages).toBeGreaterThan(20);
    const r = await openReport(browser(), html, { motion: true });
    const { page } = r;
    await page.locator(`#cand mark[data-q~="${lastPair}"]`).first().click();
    const counterpart = page.locator(`#src mark[data-q~="${lastPair}"]`).first();
    await expect.poll(() => inView(counterpart), { timeout: 8000 }).toBe(true);
    expect(await classes(counterpart)).toContain('sel');

    await page.keyboard.press('Escape');
    await page.keyboard.press('p');
    const start = (side: string) => page.locator(`#${side} mark[data-n="${passages}"]`);
    await expect.poll(() => inView(start('cand')), { timeout: 8000 }).toBe(true);
    await expect.poll(() => inView(start('src')), { timeout: 8000 }).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.external).toEqual([]);
    await r.close();
  });
});
