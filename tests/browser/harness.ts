import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, recordExternalRequests } from '../../reports/chromium.js';

/** One Chromium per test file: launched before its tests, closed after them. Call at the top of a file. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium was not launched (useChromium must be called at the top of the test file)');
    return browser;
  };
}

// Page functions run in the browser; the project compiles without the DOM library, so they see these as `any`.
declare const document: any;
declare const window: any;

/** Where browser tests leave screenshots (outside the repository unless PARASCOPE_ARTIFACTS says otherwise). */
export const ARTIFACTS = process.env.PARASCOPE_ARTIFACTS ?? join(tmpdir(), 'parascope-browser');
mkdirSync(ARTIFACTS, { recursive: true });

export interface OpenReport {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  errors: string[];
  /** Requests that tried to leave the machine (all aborted). */
  external: string[];
  close(): Promise<void>;
}

const work = mkdtempSync(join(tmpdir(), 'parascope-report-'));
let files = 0;

/** Write the report to a temporary file and open it over file://, the way a recipient would, offline. */
export async function openReport(browser: Browser, html: string, options: { motion?: boolean } = {}): Promise<OpenReport> {
  const path = join(work, `report-${files++}.html`);
  writeFileSync(path, html);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: options.motion ? 'no-preference' : 'reduce' });
  const external = await recordExternalRequests(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // Injected by the driver, so not subject to the page's CSP: lets the test see violations the page would hide.
  await page.addInitScript('document.addEventListener("securitypolicyviolation", function (e) { console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI); });');
  await page.goto(pathToFileURL(path).href);
  await page.waitForFunction('window.__parascopeReady === true', undefined, { timeout: 10_000 });
  return { page, errors, external, close: () => context.close() };
}

/**
 * Whether the element is visible to the reader: inside the window and inside the visible part of the column
 * (scrolling container) that holds it.
 */
export function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((el: any) => {
    const r = el.getBoundingClientRect();
    const col = el.closest('.doc') || document.documentElement;
    const c = col.getBoundingClientRect();
    const top = Math.max(0, c.top);
    const bottom = Math.min(window.innerHeight, c.bottom);
    return r.height > 0 && r.bottom > top && r.top < bottom && r.right > Math.max(0, c.left) && r.left < Math.min(window.innerWidth, c.right);
  });
}

export async function classes(locator: Locator): Promise<string[]> {
  return ((await locator.getAttribute('class')) ?? '').split(/\s+/).filter(Boolean);
}
