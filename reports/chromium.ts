import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/**
 * Headless Chromium for the report's screenshots, browser tests and benchmark: Debian's `chromium` package,
 * driven by playwright-core (which downloads no browser of its own).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install chromium\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/**
 * Abort every request that would leave the machine and record its URL, so callers can fail on it: the report
 * must open offline and load nothing. file:, data: and about: stay local and pass.
 */
export async function recordExternalRequests(context: BrowserContext): Promise<string[]> {
  const external: string[] = [];
  await context.route(
    (url) => !/^(file|data|about):/.test(url.protocol),
    (route) => {
      external.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return external;
}
