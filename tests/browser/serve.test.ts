import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, seed } from '../helpers/fixtures.js';
import { seedArchive, serve } from '../serve/helpers.js';
import { ARTIFACTS, useChromium } from './harness.js';

// The page of `parascope serve` in Chromium, against a real server (real analysis workers) on loopback with
// the seed archive. Screenshots go to ARTIFACTS; `PARASCOPE_ARTIFACTS=reports` regenerates the committed ones.
declare const window: any;

const browser = useChromium();
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve({ archive: await seedArchive(), workers: 1, token: undefined });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and CSP violations, in the page and in the report frame. */
  errors: string[];
  /** Requests to anywhere but the server (all aborted). */
  external: string[];
}

async function openPage(url: string): Promise<OpenPage> {
  const context = await browser().newContext({ viewport: { width: 1440, height: 1000 }, reducedMotion: 'reduce' });
  const external: string[] = [];
  const origin = new URL(url).origin;
  await context.route(
    (u) => !/^(data|about|blob):/.test(u.protocol) && u.origin !== origin,
    (route) => {
      external.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // Injected by the driver (not subject to the CSP), in the page and every frame: reports violations.
  await context.addInitScript('document.addEventListener("securitypolicyviolation", function (e) { console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI); });');
  await page.goto(url);
  await page.waitForFunction('window.__parascopeServeReady === true');
  return { page, context, errors, external };
}

/** The side-by-side report frame, once its script has run. */
async function reportFrame(page: Page) {
  await page.locator('#viewer').waitFor({ state: 'visible', timeout: 30_000 });
  const handle = await page.locator('#frame').elementHandle();
  const frame = (await handle!.contentFrame())!;
  await frame.waitForFunction('window.__parascopeReady === true', undefined, { timeout: 10_000 });
  return frame;
}

describe('the serve page', () => {
  it('check: the pasted rewrite lists the Sieff op-ed first and opens its side-by-side view', async () => {
    const { page, context, errors, external } = await openPage(server.url);
    await page.locator('#check-text').fill(seed('pasha-rewrite'));
    await page.locator('#check-title').fill('pasha-rewrite.txt');
    await page.locator('#check-run').click();
    const first = page.locator('#matches li').first();
    await first.waitFor({ timeout: 30_000 });
    expect(await first.locator('.meta').textContent()).toContain(fixturePath('sieff-oped.txt'));
    expect(await first.locator('.v').textContent()).toBe('paraphrase');
    expect(await page.locator('#summary .v').textContent()).toBe('paraphrase');
    const listShot = join(ARTIFACTS, 'serve-check.png');
    await page.screenshot({ path: listShot });
    expect(statSync(listShot).size).toBeGreaterThan(20_000);

    await first.locator('button').click();
    const frame = await reportFrame(page);
    expect(await frame.locator('#verdict').textContent()).toBe('Paraphrase');
    expect(await frame.locator('#src mark[data-n="1"]').count()).toBeGreaterThan(0);
    expect(await frame.locator('#cand mark[data-n="1"]').count()).toBeGreaterThan(0);
    // The frame is sandboxed without same-origin: its script runs, but it cannot reach the page or the API.
    expect(await page.locator('#frame').getAttribute('sandbox')).toBe('allow-scripts');
    expect(await frame.evaluate(() => window.origin)).toBe('null');
    await page.locator('#viewer').scrollIntoViewIfNeeded();
    const reportShot = join(ARTIFACTS, 'serve-side-by-side.png');
    await page.screenshot({ path: reportShot });
    expect(statSync(reportShot).size).toBeGreaterThan(20_000);

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it('compare tab: two pasted texts open the side-by-side report', async () => {
    const { page, context, errors, external } = await openPage(server.url);
    await page.locator('#tab-compare').click();
    expect(await page.locator('#panel-check').isHidden()).toBe(true);
    await page.locator('#source-text').fill(seed('sieff-oped'));
    await page.locator('#candidate-text').fill(seed('chinadaily-cements-ties'));
    await page.locator('#compare-run').click();
    const frame = await reportFrame(page);
    expect(await frame.locator('#verdict').textContent()).toBe('No reuse found');
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it('a dropped text file fills the article and its name; an API error is shown, not thrown', async () => {
    const { page, context, errors } = await openPage(server.url);
    const text = seed('pasha-rewrite');
    const data = await page.evaluateHandle((t: string) => {
      const dt = new (window as any).DataTransfer();
      dt.items.add(new (window as any).File([t], 'dropped.txt', { type: 'text/plain' }));
      return dt;
    }, text);
    await page.locator('#check-text').dispatchEvent('drop', { dataTransfer: data });
    await expect.poll(() => page.locator('#check-text').inputValue()).toBe(text);
    expect(await page.locator('#check-title').inputValue()).toBe('dropped.txt');

    // Past the server's body limit: the page reports the JSON error's message.
    await page.locator('#check-text').fill('word '.repeat(1.1 * 1024 * 1024));
    await page.locator('#check-run').click();
    await expect.poll(() => page.locator('#check-status').textContent(), { timeout: 20_000 }).toMatch(/HTTP 413/);
    expect(await page.locator('#check-status').getAttribute('class')).toContain('error');
    expect(errors.filter((e) => !/413/.test(e))).toEqual([]);
    await context.close();
  });
});
