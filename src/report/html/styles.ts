import { MAX_ESTIMATED_LINES, PALETTE_SIZE } from './column.js';

/** Per passage colour: a faint wash (passage text outside sentence pairs), a tint (inside pairs), a strong
 *  marker (words kept verbatim) and a solid accent (numbers, map dots). Chosen to stay apart in print too. */
const PALETTE: readonly [faint: string, tint: string, strong: string, solid: string][] = [
  ['#fff8e6', '#feefc3', '#fbd46d', '#b45309'],
  ['#eef7fd', '#d9eefc', '#8ccdf5', '#0369a1'],
  ['#f4f1fe', '#e7e1fd', '#c2b3fb', '#6d28d9'],
  ['#ecfbf4', '#d1f5e3', '#7fdcb4', '#047857'],
  ['#fff1f3', '#ffe0e5', '#fca5b1', '#be123c'],
  ['#f5fbe9', '#e6f6c8', '#bde47a', '#4d7c0f'],
  ['#fdf2ff', '#f9e0fd', '#ebaaf6', '#a21caf'],
  ['#fff5eb', '#ffe6cc', '#fcb77a', '#c2410c'],
];

const paletteCss = PALETTE.slice(0, PALETTE_SIZE)
  .map(([faint, tint, strong, solid], i) => `.c${i}{--faint:${faint};--tint:${tint};--strong:${strong};--solid:${solid}}`)
  .join('\n');

/** Line height of the article text, in px: also the unit of the space a paragraph holds before it is laid out. */
const LINE = 26;

// Paragraph blocks off screen are skipped by layout (content-visibility) and hold an estimated height until
// first shown, then their real one ("auto"). Classes, not style attributes: the CSP allows no inline styles.
const blockCss = Array.from({ length: MAX_ESTIMATED_LINES }, (_, i) => `.L${i + 1}{contain-intrinsic-size:auto ${(i + 1) * LINE}px}`).join('');

/** The whole style sheet, inline. System fonts only: the report must not load anything. */
export const STYLES = `
:root{--ui:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;
--serif:Charter,"Bitstream Charter","Iowan Old Style",Georgia,"Noto Serif","DejaVu Serif","Liberation Serif",serif;
--ink:#1c2128;--quiet:#5f6873;--line:#e3e6ea;--bg:#f3f4f6}
${paletteCss}
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{display:flex;flex-direction:column;font:14px/1.45 var(--ui);color:var(--ink);background:var(--bg)}
bdi{unicode-bidi:isolate}
code{font-size:.92em}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:6px 22px;padding:10px 20px;background:#fff;border-bottom:1px solid var(--line)}
.brand{font-weight:700;letter-spacing:.02em;color:var(--quiet);font-size:12px;text-transform:uppercase}
.verdict{display:inline-block;padding:3px 10px;border-radius:999px;font-weight:700;font-size:13px;color:#fff;background:#6b7280}
.v-duplicate{background:#b91c1c}.v-paraphrase{background:#c2410c}.v-partial-reuse{background:#a16207}.v-none{background:#15803d}
.summary{font-size:16px;font-weight:600}
.stats{display:flex;gap:18px;flex-wrap:wrap;color:var(--quiet);font-size:13px}
.stats b{color:var(--ink)}
.bar{vertical-align:0;margin-right:6px}
.legend .quiet{color:var(--quiet)}
.legend{display:flex;flex-wrap:wrap;align-items:center;gap:4px 16px;padding:6px 20px;background:#fafbfc;border-bottom:1px solid var(--line);font-size:12.5px;color:var(--quiet)}
.legend .doc-like{font:14px/1.4 var(--serif);color:var(--ink);padding:0 2px}
.legend kbd{font:11px var(--ui);border:1px solid #cfd4da;border-bottom-width:2px;border-radius:3px;padding:0 4px;background:#fff;color:var(--ink)}
.keys{margin-left:auto}
main{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr) 340px}
.side{display:flex;flex-direction:column;min-height:0;min-width:0;background:#fff;border-right:1px solid var(--line)}
.side>h2{margin:0;padding:8px 22px;font-size:12px;font-weight:600;color:var(--quiet);border-bottom:1px solid var(--line);display:flex;gap:10px;align-items:baseline;white-space:nowrap;overflow:hidden}
.side>h2 .role{color:var(--ink);text-transform:uppercase;letter-spacing:.05em}
.side>h2 .name{overflow:hidden;text-overflow:ellipsis;font-weight:400}
.side>h2 .cov{margin-left:auto}
.doc{flex:1;overflow:auto;margin:0;padding:14px 24px 40vh;white-space:pre-wrap;overflow-wrap:anywhere;
font:15.5px/${LINE}px var(--serif);color:var(--quiet);tab-size:4}
.b{unicode-bidi:plaintext;content-visibility:auto;contain-intrinsic-width:auto 100%}
${blockCss}
.doc:focus{outline:none}
mark{color:var(--ink);background:var(--faint);border-radius:2px;cursor:pointer}
mark.q{background:var(--tint)}
mark.k{background:var(--strong)}
mark.a{text-decoration:underline solid var(--solid);text-decoration-thickness:1.5px;text-underline-offset:3px}
mark.d{text-decoration:line-through var(--solid);color:var(--quiet)}
mark.o{box-shadow:inset 0 -3px 0 rgba(0,0,0,.18)}
mark[data-n]::before{content:attr(data-n);display:inline-block;min-width:19px;margin-right:5px;padding:0 5px;border-radius:10px;
font:700 11px/18px var(--ui);text-align:center;vertical-align:2px;color:#fff;background:var(--solid);text-decoration:none}
mark.hov{box-shadow:0 2px 0 var(--solid)}
mark.sel{box-shadow:0 2.5px 0 var(--solid);background:var(--strong)}
mark.sel.k{background:var(--solid);color:#fff}
mark.cur[data-n]::before{box-shadow:0 0 0 2px #fff,0 0 0 4px var(--solid)}
mark[data-n]:focus{outline:none}
mark[data-n]:focus-visible::before{outline:2px solid var(--ink)}
.pick{background:#fde68a;color:var(--ink)}
.flash{animation:flash 1.4s ease-out}
@keyframes flash{0%,25%{background:var(--solid,#f59e0b);color:#fff}100%{}}
aside{min-height:0;overflow:auto;padding:14px 18px 30px;background:#fafbfc}
aside h3{margin:16px 0 6px;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--quiet)}
aside h3:first-child{margin-top:0}
.map{margin:0;max-width:320px}
.map-axes{display:flex;justify-content:space-between;font-size:11px;color:var(--quiet);margin-bottom:3px}
#map{display:block;max-width:100%;height:auto;cursor:crosshair;border:1px solid #d5d9de;background:#fff;shape-rendering:crispEdges}
#map .bg{fill:#fff}
#map .box{fill:var(--faint);stroke:var(--solid);stroke-opacity:.35;stroke-width:1px;vector-effect:non-scaling-stroke}
#map .off{fill:#5f6873}
#map .on{fill:var(--solid)}
#map .picked{fill:none;stroke:#111;stroke-width:2px;vector-effect:non-scaling-stroke}
figcaption{margin-top:5px;font-size:12px;color:var(--quiet);min-height:3em}
.plist{list-style:none;margin:0;padding:0}
.plist li+li{margin-top:6px}
.plist button{all:unset;box-sizing:border-box;display:block;width:100%;padding:7px 9px;border:1px solid var(--line);border-left:4px solid var(--solid);
border-radius:5px;background:#fff;cursor:pointer;font-size:12.5px;color:var(--ink)}
.plist button:hover,.plist button:focus-visible{border-color:var(--solid)}
.plist .badge{display:inline-block;min-width:19px;padding:0 5px;border-radius:10px;text-align:center;color:#fff;background:var(--solid);font-weight:700;font-size:11px;line-height:18px;margin-right:6px}
.plist .ex{display:block;margin-top:3px;color:var(--quiet);font:12.5px/1.4 var(--serif);overflow-wrap:anywhere}
.plist .ex b{font:600 10.5px var(--ui);color:var(--quiet);text-transform:uppercase;margin-right:4px}
.note{color:var(--quiet);font-size:12.5px}
.help{font-size:12px;color:var(--quiet);margin:4px 0 0;padding-left:16px}
@media print{
@page{size:A4 landscape;margin:11mm}
html,body{height:auto;background:#fff}
body{display:block;-webkit-print-color-adjust:exact;print-color-adjust:exact;font-size:10pt}
main{display:grid;grid-template-columns:1fr 1fr}
.side{border:none}
.doc{overflow:visible;padding:8px 10px;font-size:10pt;line-height:1.5;color:#4b5563}
.b{content-visibility:visible}
aside{grid-column:1/-1;overflow:visible;break-before:page}
.keys,.help,figcaption{display:none}
.plist button{border-left-width:3px}
mark,.plist li{break-inside:auto}
}
`;
