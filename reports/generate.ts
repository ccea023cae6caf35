import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compare } from '../src/compare.js';
import { renderHtml } from '../src/report/html/page.js';
import { writeFileAtomic } from '../src/util/atomic.js';
import { launchChromium } from './chromium.js';

/**
 * `npm run reports`: regenerate the committed example reports from the fixtures, and the screenshot of the
 * positive one. Paths in the reports are relative to the repository, so the files do not depend on where
 * they were generated.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const EXAMPLES = [
  { out: 'reports/sieff-vs-pasha.html', source: 'fixtures/sieff-oped.txt', candidate: 'fixtures/pasha-rewrite.txt', screenshot: 'reports/sieff-vs-pasha.png' },
  { out: 'reports/sieff-vs-chinadaily.html', source: 'fixtures/sieff-oped.txt', candidate: 'fixtures/chinadaily-cements-ties.txt' },
] as const;

/** The pair that the screenshot shows selected: a pair with verbatim words, so the marks are visible. */
const SCREENSHOT_PAIR = '3';

async function main(): Promise<void> {
  for (const ex of EXAMPLES) {
    const sourceText = readFileSync(join(root, ex.source), 'utf8');
    const candidateText = readFileSync(join(root, ex.candidate), 'utf8');
    const result = compare(sourceText, candidateText, { alignmentMap: true, sourcePath: ex.source, candidatePath: ex.candidate });
    writeFileAtomic(join(root, ex.out), renderHtml(result, sourceText, candidateText));
    console.log(`wrote ${ex.out}  (${result.verdict}, ${result.passages.length} passage(s), ${result.map?.cells.length ?? 0} map cells)`);
  }
  const shots = EXAMPLES.filter((ex) => 'screenshot' in ex);
  const browser = await launchChromium();
  try {
    for (const ex of shots) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
      await page.goto(pathToFileURL(join(root, ex.out)).href);
      await page.waitForFunction('window.__parascopeReady === true');
      await page.locator(`#cand mark[data-q~="${SCREENSHOT_PAIR}"]`).first().click();
      await page.waitForTimeout(1600); // let the flash fade so the picture shows the resting state
      await page.mouse.move(0, 0);
      writeFileAtomic(join(root, ex.screenshot), await page.screenshot({ type: 'png' }));
      console.log(`wrote ${relative(root, join(root, ex.screenshot))}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
