import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html/page.js';
import { fixturePair, twoPassagePair } from '../report/html/helpers.js';
import { ARTIFACTS, classes, inView, useChromium, openReport } from './harness.js';

declare const document: any;
declare function getComputedStyle(el: any): any;

const browser = useChromium();

const seed = fixturePair('sieff-oped.txt', 'pasha-rewrite.txt');
const seedHtml = renderHtml(seed.result, seed.sourceText, seed.candidateText);

describe('the seed report (sieff → pasha) in Chromium', () => {
  it('highlights the passages on both sides with the same numbers, and links a click to its counterpart', async () => {
    const r = await openReport(browser(), seedHtml);
    const { page } = r;
    const numbers = (side: string) =>
      page.locator(`#${side} mark[data-n]`).evaluateAll((els: any[]) => els.map((e) => e.getAttribute('data-n') as string).sort());
    expect(await numbers('src')).toEqual(['1']);
    expect(await numbers('cand')).toEqual(await numbers('src'));
    // The highlight is really painted: a passage segment has a background, unmatched text has none.
    const bg = await page.locator('#cand mark[data-n="1"]').evaluate((el: any) => getComputedStyle(el).backgroundColor as string);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');

    // The last sentence pair: its source half starts far below the first screen.
    const last = Number(await page.locator('body').getAttribute('data-pairs')) - 1;
    const counterpart = page.locator(`#src mark[data-q~="${last}"]`).first();
    expect(await inView(counterpart)).toBe(false);
    await page.locator(`#cand mark[data-q~="${last}"]`).first().click();
    await expect.poll(() => inView(counterpart)).toBe(true);
    expect(await classes(counterpart)).toEqual(expect.arrayContaining(['sel', 'flash']));
    expect(await classes(page.locator(`#src mark[data-n="1"]`))).toContain('cur');

    // `n` moves to the next passage (with one passage, that wraps around to it) and gives it focus.
    await page.keyboard.press('n');
    const focused = () => page.evaluate(() => [document.activeElement?.closest('.doc')?.id, document.activeElement?.getAttribute('data-n')]);
    expect(await focused()).toEqual(['cand', '1']);
    await expect.poll(() => inView(page.locator('#src mark[data-n="1"]'))).toBe(true);

    const shot = join(ARTIFACTS, 'seed.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    expect(r.errors).toEqual([]);
    expect(r.external).toEqual([]);
    await r.close();
  });

  it('jumps from a dot of the alignment map to both sentences', async () => {
    const r = await openReport(browser(), seedHtml);
    // The passage dot furthest down the diagonal, clicked where it is drawn.
    const map = r.page.locator('#map');
    const cells = ((await map.getAttribute('data-cells')) ?? '').split(' ').map((t) => t.split(',').map(Number));
    const [s, c] = cells.filter((f) => f[3]! > 0).sort((a, b) => b[0]! - a[0]!)[0]!;
    const ns = Number(await map.getAttribute('data-ns'));
    const nc = Number(await map.getAttribute('data-nc'));
    const box = (await map.boundingBox())!;
    await r.page.mouse.click(box.x + ((s! + 0.5) / ns) * box.width, box.y + ((c! + 0.5) / nc) * box.height);
    const sourceSentence = r.page.locator(`#S${s}`);
    const candidateSentence = r.page.locator(`#C${c}`);
    await expect.poll(() => inView(sourceSentence)).toBe(true);
    await expect.poll(() => inView(candidateSentence)).toBe(true);
    expect(await classes(sourceSentence)).toContain('pick');
    expect(await classes(candidateSentence)).toContain('pick');
    expect(await r.page.locator('#map-readout').textContent()).toContain(`Source sentence ${s! + 1} ↔ candidate sentence ${c! + 1}`);
    expect(await r.page.locator('#map-pick').getAttribute('visibility')).toBe('visible');
    expect(r.errors).toEqual([]);
    await r.close();
  });
});

describe('a report with two passages', () => {
  it('steps through passages with n and p, and through sentence pairs with ] and [', async () => {
    const pair = twoPassagePair();
    const r = await openReport(browser(), renderHtml(pair.result, pair.sourceText, pair.candidateText));
    const { page } = r;
    const focusedPassage = () => page.evaluate(() => document.activeElement?.getAttribute('data-n') as string | null);
    await page.keyboard.press('n');
    expect(await focusedPassage()).toBe('1');
    await page.keyboard.press('n');
    expect(await focusedPassage()).toBe('2');
    await expect.poll(() => inView(page.locator('#cand mark[data-n="2"]'))).toBe(true);
    await expect.poll(() => inView(page.locator('#src mark[data-n="2"]'))).toBe(true);
    await page.keyboard.press('n');
    expect(await focusedPassage()).toBe('1');
    await page.keyboard.press('p');
    expect(await focusedPassage()).toBe('2');

    await page.keyboard.press(']');
    await page.keyboard.press(']');
    expect(await classes(page.locator('#src mark[data-q~="1"]').first())).toContain('sel');
    expect(await classes(page.locator('#cand mark[data-q~="1"]').first())).toContain('sel');
    await page.keyboard.press('[');
    expect(await classes(page.locator('#cand mark[data-q~="0"]').first())).toContain('sel');

    // The passage list jumps too.
    await page.locator('[data-goto="2"]').click();
    expect(await classes(page.locator('#cand mark[data-n="2"]'))).toContain('cur');
    expect(r.errors).toEqual([]);
    expect(r.external).toEqual([]);
    await r.close();
  });
});
