/** The page's stylesheet: inline, allowed by its hash in the page's Content-Security-Policy. */
export const PAGE_STYLES = `
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:0;color:#111827;background:#f9fafb}
header{display:flex;flex-wrap:wrap;align-items:center;gap:16px;padding:12px 24px;background:#fff;border-bottom:1px solid #e5e7eb}
header h1{font-size:18px;margin:0}
[role=tablist]{display:flex;gap:4px}
[role=tab]{font:inherit;padding:6px 14px;border:1px solid #d1d5db;border-radius:6px;background:#fff;cursor:pointer}
[role=tab][aria-selected=true]{background:#1f2937;color:#fff;border-color:#1f2937}
#auth{margin-left:auto;font-size:13px}#auth input{font:inherit;width:16em}
main{padding:16px 24px;max-width:1600px}
label{display:block;font-weight:600;margin:8px 0 4px}
textarea{width:100%;min-height:180px;font:14px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:8px;border:1px solid #d1d5db;border-radius:6px;background:#fff}
textarea.over{border-color:#2563eb;background:#eff6ff}
input[type=text],input[type=number]{font:inherit;padding:4px 6px;border:1px solid #d1d5db;border-radius:6px}
.row{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-end}.row>div{flex:1;min-width:280px}
.actions{display:flex;gap:12px;align-items:center;margin:12px 0}
button.primary{font:inherit;font-weight:600;padding:8px 18px;border:0;border-radius:6px;background:#c2410c;color:#fff;cursor:pointer}
button.primary:disabled{background:#9ca3af;cursor:progress}
.status{color:#4b5563}.status.error{color:#b91c1c;font-weight:600}
.hint{color:#6b7280;font-size:13px}
.v{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;font-size:13px;background:#e5e7eb}
.v-duplicate,.v-paraphrase{background:#fee2e2;color:#991b1b}.v-partial-reuse{background:#fef3c7;color:#92400e}.v-none{background:#dcfce7;color:#166534}
#summary{margin:8px 0}
ol.matches{list-style:none;padding:0;margin:0}
ol.matches li{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline;background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:10px 14px;margin:0 0 8px}
.rank{font-weight:700;color:#6b7280;min-width:2em}
.doc-title{font-weight:600}
.meta{color:#4b5563;font-size:13px;flex-basis:100%}
li button{font:inherit;margin-left:auto;padding:4px 12px;border:1px solid #c2410c;color:#c2410c;background:#fff;border-radius:6px;cursor:pointer}
#viewer{margin-top:16px;border:1px solid #d1d5db;border-radius:8px;background:#fff;overflow:hidden}
#viewer .bar{display:flex;gap:12px;align-items:center;padding:8px 12px;border-bottom:1px solid #e5e7eb;background:#f3f4f6}
#viewer .bar span{flex:1;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
#viewer iframe{display:block;width:100%;height:85vh;border:0}
[hidden]{display:none!important}
`;
