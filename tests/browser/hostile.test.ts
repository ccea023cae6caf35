import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare.js';
import { renderHtml } from '../../src/report/html/page.js';
import { fixturePair, HOSTILE } from '../report/html/helpers.js';
import { ARTIFACTS, openReport, useChromium } from './harness.js';

declare const document: any;
declare const window: any;

const browser = useChromium();

// The hostile text goes into both articles, inside and outside the reused passage, and into the file names.
const seed = fixturePair('sieff-oped.txt', 'pasha-rewrite.txt');
const sourceText = `${HOSTILE}\n\n${seed.sourceText}\n\n${HOSTILE}`;
const candidateText = `${HOSTILE}\r\n\r\n${seed.candidateText.replace('joint statement', 'joint <script>window.__pwned=8</script> statement')}`;
const result = compare(sourceText, candidateText, {
  alignmentMap: true,
  sourcePath: '"><script>window.__pwned=6</script>\u202Egnp.txt',
  candidatePath: "<img src=x onerror='window.__pwned=7'>{{x}}.txt",
});
const html = renderHtml(result, sourceText, candidateText);

async function assertSafe(page: import('playwright-core').Page): Promise<void> {
  // Give any payload every chance: hover and click the hostile stretch, wait for timers.
  await page.locator('#cand').hover({ position: { x: 40, y: 20 } });
  await page.locator('#cand').click({ position: { x: 40, y: 20 } });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => typeof window.__pwned)).toBe('undefined');
  expect(await page.locator('.doc script, .doc img, .doc a, .doc style, .doc textarea, header script, header img').count()).toBe(0);
}

describe('hostile article text in Chromium', () => {
  it('shows markup, template syntax, scripts, RTL, Chinese and emoji literally and runs none of it', async () => {
    expect(result.passages.length).toBeGreaterThan(0); // the hostile text sits next to real highlights
    const r = await openReport(browser(), html);
    const { page } = r;
    await assertSafe(page);

    const cand = (await page.locator('#cand').textContent()) ?? '';
    for (const literal of ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned = 2">', '</textarea>', 'javascript:window.__pwned=3', '{{constructor.constructor("window.__pwned=4")()}}', '${window.__pwned=5}', 'مرحبا بالعالم', '中国和俄罗斯的关系', '👩‍👩‍👧', '<script>window.__pwned=8</script>']) {
      expect(cand).toContain(literal);
    }
    // The DOM text is the input with CRLF folded to LF, as the HTML parser does: nothing else is lost or added.
    expect(cand).toBe(candidateText.replace(/\r\n/g, '\n'));
    expect(await page.locator('#src').textContent()).toBe(sourceText.replace(/\r\n/g, '\n'));
    expect(await page.locator('header, .side > h2').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('"><script>window.__pwned=6</script>'), expect.stringContaining("<img src=x onerror='window.__pwned=7'>{{x}}.txt")]),
    );
    expect(await page.title()).toContain('<img src=x');

    // Layout holds: three columns side by side, nothing wider than the window, the columns scroll on their own.
    type Box = { left: number; right: number; width: number; height: number };
    const [src, cnd, aside, doc] = await page.evaluate((): Box[] => [
      document.getElementById('src').getBoundingClientRect().toJSON(),
      document.getElementById('cand').getBoundingClientRect().toJSON(),
      document.querySelector('aside').getBoundingClientRect().toJSON(),
      { left: 0, right: 0, width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight },
    ]);
    expect(src!.right).toBeLessThanOrEqual(cnd!.left + 1);
    expect(cnd!.right).toBeLessThanOrEqual(aside!.left + 1);
    expect(src!.width).toBeGreaterThan(400);
    expect(doc!.width).toBeLessThanOrEqual(1440);
    expect(doc!.height).toBeLessThanOrEqual(900);
    await page.screenshot({ path: join(ARTIFACTS, 'hostile.png') });
    expect(r.errors).toEqual([]);
    expect(r.external).toEqual([]);
    await r.close();
  });

  it('stays inert even without its Content-Security-Policy: escaping alone keeps the payloads text', async () => {
    const bare = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(bare).not.toContain('Content-Security-Policy');
    const r = await openReport(browser(), bare);
    await assertSafe(r.page);
    expect(r.errors).toEqual([]);
    await r.close();
  });
});
