import { CLIENT_SCRIPT } from '../report/html/client.js';
import { cspHash } from '../report/html/page.js';
import { STYLES as REPORT_STYLES } from '../report/html/styles.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLES } from './page-styles.js';

/**
 * The page's Content-Security-Policy (sent as a header). Nothing loads from anywhere; only this page's script
 * and stylesheet run, by hash. A srcdoc frame inherits its parent's policy, so the side-by-side report's own
 * script and style hashes are allowed too; the report also keeps its own, stricter meta policy inside the frame.
 */
export function pageContentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `script-src ${cspHash(PAGE_SCRIPT)} ${cspHash(CLIENT_SCRIPT)}`,
    `style-src ${cspHash(PAGE_STYLES)} ${cspHash(REPORT_STYLES)}`,
    "connect-src 'self'",
    "frame-src 'self'",
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The web page at `/`: check an article against the archive, or compare two texts. Static: no data in it. */
export function renderPage(options: { auth: boolean }): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<title>parascope</title><style>${PAGE_STYLES}</style></head>
<body data-auth="${options.auth ? 'token' : 'none'}">
<header><h1>parascope</h1>
<div role="tablist" aria-label="Mode">
<button type="button" role="tab" id="tab-check" aria-controls="panel-check" aria-selected="true">Check against the archive</button>
<button type="button" role="tab" id="tab-compare" aria-controls="panel-compare" aria-selected="false">Compare two texts</button>
</div>
<label id="auth" hidden>API token <input type="password" id="token" autocomplete="off"></label>
</header>
<main>
<section role="tabpanel" id="panel-check" aria-labelledby="tab-check">
<label for="check-text">Article</label>
<textarea id="check-text" data-title="check-title" placeholder="Paste an article here, or drop a text file"></textarea>
<div class="row"><div><label for="check-title">Title or file name (optional)</label><input type="text" id="check-title"></div>
<div><label for="check-top">Matches to list</label><input type="number" id="check-top" min="1" max="100" value="10"></div></div>
<div class="actions"><button type="button" class="primary" id="check-run">Check</button><span class="status" id="check-status" role="status"></span></div>
<div id="results" hidden><div id="summary"></div><ol class="matches" id="matches"></ol>
<p class="hint" id="none" hidden>No reuse of archived documents found.</p></div>
</section>
<section role="tabpanel" id="panel-compare" aria-labelledby="tab-compare" hidden>
<div class="row">
<div><label for="source-text">Source (the original)</label><textarea id="source-text" data-title="source-title" placeholder="Paste or drop the original article"></textarea>
<input type="text" id="source-title" placeholder="source name (optional)" aria-label="Source name"></div>
<div><label for="candidate-text">Candidate (may reuse the source)</label><textarea id="candidate-text" data-title="candidate-title" placeholder="Paste or drop the article that may reuse it"></textarea>
<input type="text" id="candidate-title" placeholder="candidate name (optional)" aria-label="Candidate name"></div>
</div>
<div class="actions"><button type="button" class="primary" id="compare-run">Compare</button><span class="status" id="compare-status" role="status"></span></div>
</section>
<section id="viewer" hidden aria-label="Side-by-side report">
<div class="bar"><span id="viewer-title"></span><a id="download" download="parascope-report.html">Download HTML</a><button type="button" id="close-viewer">Close</button></div>
<iframe id="frame" sandbox="allow-scripts" title="Side-by-side report"></iframe>
</section>
</main>
<script>${PAGE_SCRIPT}</script>
</body></html>
`;
}
