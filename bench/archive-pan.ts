/**
 * Source retrieval on PAN13 (text alignment training corpus): archive = the source documents; every
 * suspicious document of subsets 02-04 is a query; each `suspicious source` line of their pairs files is one
 * pair, counted separately. Reported per subset and overall:
 *  - docR1/docR5: the true source is among the first 1/5 documents of the retrieval ranking, other true
 *    sources of the same suspicious document (subsets 02-05) not counted ahead of it ("filtered" rank).
 *  - localR1/localR5: the true source is first / in the top 5 of a window of the suspicious document that
 *    overlaps its labelled passage: what retrieval finds for the part of the article that was reused.
 *  - aligned: the true source is among the documents `check` aligns (default pool and floor).
 *  - matched (with --pan-check): `check` reports the true source as a match (passages found), any rank.
 *  - oracle02: for subset 02 (verbatim copies), pairs where fewer than 5 other documents share more word
 *    8-grams with the suspicious document than the true source does: a ceiling for any docR5.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { boilerplateThreshold, learnedBoilerplate } from '../src/archive/boilerplate.js';
import { checkText } from '../src/archive/check.js';
import { retrieve, type Retrieval } from '../src/archive/retrieve.js';
import { SqliteStore } from '../src/archive/sqlite/store.js';
import { InputError } from '../src/errors.js';
import { readArticle } from '../src/text/read.js';
import { analyze } from '../src/text/tokenize.js';
import { hashString } from '../src/fingerprint/hash.js';
import { PAN, parascope, round } from './archive-lib.js';
import { median, percentile } from './stats.js';

const SUBSETS = ['02-no-obfuscation', '03-random-obfuscation', '04-translation-obfuscation'];

interface Pair {
  subset: string;
  susp: string;
  src: string;
  spans: [number, number][];
}

function loadPairs(): { pairs: Pair[]; truth: Map<string, Set<string>> } {
  const truth = new Map<string, Set<string>>();
  for (const sub of [...SUBSETS, '05-summary-obfuscation']) {
    for (const line of readFileSync(join(PAN, sub, 'pairs'), 'utf8').trim().split('\n')) {
      const [susp, src] = line.trim().split(/\s+/) as [string, string];
      truth.set(susp, new Set([...(truth.get(susp) ?? []), src]));
    }
  }
  const pairs: Pair[] = [];
  for (const sub of SUBSETS) {
    const spans = new Map<string, [number, number][]>();
    for (const f of readdirSync(join(PAN, sub)).filter((f) => f.endsWith('.xml'))) {
      const xml = readFileSync(join(PAN, sub, f), 'utf8');
      const susp = /reference="([^"]+)"/.exec(xml)![1]!;
      for (const m of xml.matchAll(/source_reference="([^"]+)" this_length="(\d+)" this_offset="(\d+)"/g)) {
        const key = `${susp} ${m[1]}`;
        spans.set(key, [...(spans.get(key) ?? []), [Number(m[3]), Number(m[3]) + Number(m[2])]]);
      }
    }
    for (const line of readFileSync(join(PAN, sub, 'pairs'), 'utf8').trim().split('\n')) {
      const [susp, src] = line.trim().split(/\s+/) as [string, string];
      pairs.push({ subset: sub.slice(0, 2), susp, src, spans: spans.get(`${susp} ${src}`) ?? [] });
    }
  }
  return { pairs, truth };
}

/** Word 8-grams as in a plain verbatim-overlap detector. */
function grams8(text: string): Set<number> {
  const w = text.toLowerCase().match(/\w+/g) ?? [];
  const out = new Set<number>();
  for (let i = 0; i + 8 <= w.length; i++) out.add(hashString(w.slice(i, i + 8).join(' ')));
  return out;
}

/** Pairs of subset 02 where fewer than 5 non-source documents share more word 8-grams with the suspicious document. */
function verbatimOracle(pairs02: Pair[], truthBy: Map<string, Set<string>>) {
  const inverted = new Map<number, string[]>();
  for (const name of readdirSync(join(PAN, 'src'))) {
    for (const g of grams8(readFileSync(join(PAN, 'src', name), 'latin1'))) {
      const list = inverted.get(g);
      if (list) list.push(name);
      else inverted.set(g, [name]);
    }
  }
  let under5 = 0;
  const counts = new Map<string, Map<string, number>>();
  for (const p of pairs02) {
    let c = counts.get(p.susp);
    if (!c) {
      c = new Map();
      for (const g of grams8(readFileSync(join(PAN, 'susp', p.susp), 'latin1'))) for (const n of inverted.get(g) ?? []) c.set(n, (c.get(n) ?? 0) + 1);
      counts.set(p.susp, c);
    }
    const mine = c.get(p.src) ?? 0;
    let more = 0;
    for (const [n, k] of c) if (k > mine && !truthBy.get(p.susp)!.has(n)) more++;
    if (more < 5) under5++;
  }
  return { pairs: pairs02.length, under5, rate: round(under5 / pairs02.length, 4) };
}

export async function panRetrieval(work: string, log: (s: string) => void, endToEnd = false): Promise<object> {
  const db = join(work, 'pan-src.db');
  const add = parascope(['index', 'add', '--archive', db, join(PAN, 'src')]);
  log(`PAN archive: ${add.stdout.trim()} in ${round(add.seconds, 1)} s; ${add.stderr.trim().split('\n').length} refused`);
  const store = new SqliteStore(db, { readonly: true });
  const docOf = new Map((await store.allDocuments()).map((r) => [r.path.split('/').pop()!, r.doc]));
  const { pairs, truth } = loadPairs();

  const queries = new Map<string, { sentences: { start: number; end: number }[]; full: Retrieval; pool: Retrieval; matched: Set<string> } | null>();
  const checkTimes: number[] = [];
  const times: number[] = [];
  for (const susp of new Set(pairs.map((p) => p.susp))) {
    let text: string;
    try {
      text = readArticle(join(PAN, 'susp', susp)).text;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      queries.set(susp, null);
      continue;
    }
    const t0 = performance.now();
    const doc = analyze(text);
    const flags = (await learnedBoilerplate(store, doc, boilerplateThreshold((await store.totals()).documents))).flags;
    const pool = await retrieve(store, doc, flags);
    times.push(performance.now() - t0);
    const full = await retrieve(store, doc, flags, new Set(), { perWindow: 5, pool: Infinity, minBest: 0 });
    const matched = new Set<string>();
    if (endToEnd) {
      const c0 = performance.now();
      const report = await checkText(store, text, { top: 1000 });
      checkTimes.push(performance.now() - c0);
      for (const m of report.result.matches) matched.add(m.document.path.split('/').pop()!);
    }
    queries.set(susp, { sentences: doc.sentences, full, pool, matched });
  }

  const oracle = verbatimOracle(pairs.filter((p) => p.subset === '02'), truth);
  const bySubset: Record<string, Record<string, number>> = {};
  const unretrievable: string[] = [];
  for (const p of pairs) {
    const q = queries.get(p.susp);
    const d = docOf.get(p.src);
    const s = (bySubset[p.subset] ??= { pairs: 0, docR1: 0, docR5: 0, docR5unfiltered: 0, localR1: 0, localR5: 0, aligned: 0, ...(endToEnd ? { matched: 0 } : {}) });
    s.pairs!++;
    if (!q || d === undefined) {
      unretrievable.push(`${p.susp} ${p.src}: ${!q ? 'suspicious document refused' : 'source refused by index add'}`);
      continue;
    }
    const others = new Set([...truth.get(p.susp)!].map((n) => docOf.get(n)).filter((x) => x !== undefined && x !== d));
    let ahead = 0;
    let aheadAll = 0;
    let found = false;
    for (const c of q.full.candidates) {
      if (c.doc === d) {
        found = true;
        break;
      }
      aheadAll++;
      if (!others.has(c.doc)) ahead++;
    }
    if (found && ahead < 1) s.docR1!++;
    if (found && ahead < 5) s.docR5!++;
    if (found && aheadAll < 5) s.docR5unfiltered!++;
    let r1 = false;
    let r5 = false;
    for (const w of q.full.windows) {
      const ws = q.sentences[w.first]!.start;
      const we = q.sentences[w.end - 1]!.end;
      if (!p.spans.some(([a, b]) => Math.min(b, we) - Math.max(a, ws) > 0.5 * Math.min(b - a, we - ws))) continue;
      const i = w.top.findIndex((t) => t.doc === d);
      if (i === 0) r1 = true;
      if (i >= 0 && i < 5) r5 = true;
    }
    if (r1) s.localR1!++;
    if (r5) s.localR5!++;
    if (q.pool.candidates.some((c) => c.doc === d)) s.aligned!++;
    if (q.matched.has(p.src)) s.matched!++;
  }
  await store.close();

  const total: Record<string, number> = {};
  for (const s of Object.values(bySubset)) for (const [k, v] of Object.entries(s)) total[k] = (total[k] ?? 0) + v;
  const rates = (s: Record<string, number>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === 'pairs' ? v : round(v / s.pairs!, 4)]));
  const out = {
    archive: add.stdout.trim(),
    indexSeconds: round(add.seconds, 1),
    queries: queries.size,
    retrievalMs: { median: round(median(times), 1), p95: round(percentile(times, 95), 1) },
    ...(endToEnd ? { checkMs: { median: round(median(checkTimes), 1), p95: round(percentile(checkTimes, 95), 1) } } : {}),
    bySubset: Object.fromEntries(Object.entries(bySubset).map(([k, s]) => [k, rates(s)])),
    overall: rates(total),
    oracle02: oracle,
    unretrievable,
  };
  log(`PAN: ${JSON.stringify(out.overall)}; oracle02 ${JSON.stringify(oracle)}`);
  return out;
}
