import { createHash } from 'node:crypto';
import type { CheckReport } from '../archive/check.js';
import { matchAsCompareResult } from './check-match.js';
import { renderCompare } from './render.js';

/**
 * The HTML report of `check`: the candidate's summary and the list of matched archive articles, each opening
 * the single-pair side-by-side report (src/report/html) in a sandboxed `srcdoc` frame. Frames keep every
 * report's ids and script apart. A srcdoc frame inherits this page's Content-Security-Policy, so the policy
 * allows exactly the script and style hashes the pair reports declare, and nothing else.
 */
const STYLES =
  'body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:0;color:#111827;background:#f9fafb}' +
  'header{padding:16px 24px;background:#fff;border-bottom:1px solid #e5e7eb}h1{font-size:18px;margin:0 0 4px}' +
  '.v{display:inline-block;padding:2px 8px;border-radius:10px;font-weight:600;background:#e5e7eb}' +
  '.v-duplicate,.v-paraphrase{background:#fee2e2;color:#991b1b}.v-partial-reuse{background:#fef3c7;color:#92400e}.v-none{background:#dcfce7;color:#166534}' +
  'main{padding:16px 24px}details{background:#fff;border:1px solid #e5e7eb;border-radius:8px;margin:0 0 12px}' +
  'summary{cursor:pointer;padding:10px 14px}summary .meta{color:#4b5563;font-size:13px;margin-left:8px}' +
  'iframe{width:100%;height:80vh;border:0;border-top:1px solid #e5e7eb}.note{color:#4b5563}';

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c]!);
const unescapeAttr = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

function hashOf(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

/** The sources a pair report's own CSP allows for `directive` (its script and style hashes). */
function declared(page: string, directive: string): string[] {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page);
  if (!meta) return [];
  const policy = unescapeAttr(meta[1]!);
  const part = policy.split(';').map((p) => p.trim()).find((p) => p.startsWith(`${directive} `));
  return part ? part.split(/\s+/).slice(1).filter((s) => s.startsWith("'sha256-")) : [];
}

export function renderCheckHtml(report: CheckReport): string {
  const { result } = report;
  const name = result.candidate.path ?? 'candidate';
  const pages = result.matches.map((m, i) => renderCompare('html', matchAsCompareResult(m, result.candidate), report.sourceTexts[i] ?? '', report.candidateText));
  const scripts = new Set(pages.flatMap((p) => declared(p, 'script-src')));
  const styles = new Set([hashOf(STYLES), ...pages.flatMap((p) => declared(p, 'style-src'))]);
  const policy = [
    "default-src 'none'",
    `script-src ${scripts.size > 0 ? [...scripts].join(' ') : "'none'"}`,
    `style-src ${[...styles].join(' ')}`,
    "frame-src 'self'",
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  const items = result.matches.map((m, i) =>
    `<details${i === 0 ? ' open' : ''}><summary><span class="v v-${m.verdict}">${m.verdict}</span> ` +
    `<b>${esc(m.document.title || m.document.path)}</b>` +
    `<span class="meta">${esc(m.document.path)} · id ${esc(m.document.id)} · ${pct(m.coverage.candidate)} of the candidate · ` +
    `${m.passages.length} passage${m.passages.length === 1 ? '' : 's'}</span></summary>` +
    `<iframe sandbox="allow-scripts" title="${esc(`${name} vs ${m.document.path}`)}" srcdoc="${esc(pages[i]!)}"></iframe></details>`,
  );

  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${esc(policy)}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">` +
    `<title>${esc(`parascope check: ${result.verdict}: ${name}`)}</title><style>${STYLES}</style></head>\n<body>` +
    `<header><h1>parascope check: <bdi>${esc(name)}</bdi></h1>` +
    `<span class="v v-${result.verdict}" id="verdict">${result.verdict}</span> ` +
    `${pct(result.coverage)} of the candidate is in passages of ${result.matches.length} archived document${result.matches.length === 1 ? '' : 's'}` +
    ` · archive of ${result.archive.documents} documents` +
    (result.candidate.boilerplate.length > 0 ? ` · ${result.candidate.boilerplate.length} boilerplate sentence(s) ignored` : '') +
    `</header><main>` +
    (items.length > 0 ? items.join('') : `<p class="note">No reuse of archived documents found.</p>`) +
    `</main></body></html>\n`
  );
}
