import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { root, SIEFF, tempDir, type Range } from './harness.js';

/**
 * The hostile and unusual inputs of issue #6, each generated at test time (big ones are never committed).
 * `outcome` is the defined behaviour wherever an article file is expected (compare, check, --pairs, index add,
 * scan); README "Limits and robustness" lists the same table.
 */
export interface InputCase {
  name: string;
  /** The file to give where an article is expected (may not exist, may be a directory). */
  path: string;
  outcome: 'processed' | 'refused';
  /** For refusals: the one stderr line must match this. */
  refusal?: RegExp;
  /** Where the Sieff op-ed is embedded verbatim (with noise between its sentences) in the decoded text. */
  embedded?: Range;
  /** Index add and scan take directories: they walk this one (which holds a copy of the op-ed) instead. */
  directory?: boolean;
}

const sieff = readFileSync(SIEFF, 'utf8');

/** BBC News articles with every character that is not a letter, digit or space removed: text without punctuation. */
function unpunctuated(bytes: number): string {
  const corpus = join(root, '../shared/corpora/bbc-news');
  let out = '';
  for (const topic of readdirSync(corpus).sort()) {
    if (!statSync(join(corpus, topic)).isDirectory()) continue;
    for (const f of readdirSync(join(corpus, topic)).sort()) {
      out += ' ' + readFileSync(join(corpus, topic, f), 'utf8').replace(/[^\p{L}\p{N}]+/gu, ' ');
      if (out.length >= bytes) return out.slice(0, bytes).trim();
    }
  }
  throw new Error('bbc-news is smaller than expected');
}

const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧', '🇨🇳🇷🇺', '𝐀𝐁𝐂', '𠜎𠀀', '🀄', '❤️', '🧑🏿‍🚀', '𝄞'];

const OTHER_SCRIPTS = [
  'Президент России завершил визит в Китай.',
  'اختتم الرئيس الروسي زيارته إلى الصين.',
  'रूसी राष्ट्रपति ने चीन की यात्रा पूरी की।',
  'Ο Ρώσος πρόεδρος ολοκλήρωσε την επίσκεψή του στην Κίνα.',
  'הנשיא הרוסי סיים את ביקורו בסין.',
  '俄罗斯总统结束了对中国的访问。',
  'ロシア大統領は中国訪問を終えた。',
  'ประธานาธิบดีรัสเซียเยือนจีนเสร็จสิ้นแล้ว',
  '러시아 대통령이 중국 방문을 마쳤다.',
];

const CHINESE = [
  '中俄关系只会促进和平。俄罗斯总统普京本周对中国进行国事访问，这是他再次当选后的首次出访。',
  '两国元首举行了长时间会谈，并发表联合声明，涵盖经济、安全和文化等广泛领域。',
  '分析人士认为，这次访问表明两国关系处于历史最高水平。双方表示将继续深化全面战略协作伙伴关系。',
  '西方一些国家对此表示担忧，但中方强调，两国合作不针对任何第三方。专家指出，中俄贸易额去年创下新高。',
];

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

/** Write every input into `dir` and describe it. */
/** Every input, written to a temporary folder that is removed after the calling test file's tests. */
export function useInputs(): { dir: string; inputs: InputCase[] } {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, inputs: buildInputs(dir) };
}

export function buildInputs(dir: string): InputCase[] {
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const whole = { start: 0, end: sieff.length };
  const cases: InputCase[] = [];
  const add = (c: InputCase) => cases.push(c);

  add({ name: 'missing path', path: join(dir, 'no-such-file.txt'), outcome: 'refused', refusal: /no-such-file\.txt: no such file/ });
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'folder', 'inside.txt'), sieff);
  add({ name: 'a directory where a file is expected', path: join(dir, 'folder'), outcome: 'refused', refusal: /folder: is a directory/, directory: true });
  add({ name: 'empty file', path: file('empty.txt', ''), outcome: 'refused', refusal: /empty\.txt: the file is empty/ });
  add({ name: 'whitespace only', path: file('blank.txt', ' \n\t \r\n\u00a0\n  '), outcome: 'refused', refusal: /blank\.txt: the file is empty apart from whitespace/ });
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(300, 7)]);
  add({ name: 'binary: PNG image', path: file('photo.png', png), outcome: 'refused', refusal: /photo\.png: looks like a PNG image/ });
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]), Buffer.alloc(16), Buffer.from('word/document.xml'), Buffer.alloc(200, 0x41)]);
  add({ name: 'binary: ZIP (a .docx)', path: file('story.docx', zip), outcome: 'refused', refusal: /story\.docx: looks like a ZIP archive/ });
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), Buffer.alloc(200, 0x20)]);
  add({ name: 'binary: PDF', path: file('story.pdf', pdf), outcome: 'refused', refusal: /story\.pdf: looks like a PDF document/ });
  const latin1 = Buffer.concat([Buffer.from(sieff.slice(0, 2000)), Buffer.from('caf\xe9 au lait', 'latin1'), Buffer.from(sieff.slice(2000))]);
  add({ name: 'invalid UTF-8 (a Latin-1 é)', path: file('latin1.txt', latin1), outcome: 'refused', refusal: /latin1\.txt: not valid UTF-8/ });
  add({ name: 'UTF-16 without BOM', path: file('utf16-nobom.txt', Buffer.from(sieff, 'utf16le')), outcome: 'refused', refusal: /utf16-nobom\.txt: looks like UTF-16 text without a byte-order mark/ });

  add({ name: 'UTF-8 with BOM', path: file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sieff)])), outcome: 'processed', embedded: whole });
  add({ name: 'UTF-16 LE with BOM', path: file('utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sieff, 'utf16le')])), outcome: 'processed', embedded: whole });
  add({ name: 'UTF-16 BE with BOM', path: file('utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(sieff)])), outcome: 'processed', embedded: whole });

  // One line of over 1 MiB, no punctuation and no line break, with the op-ed (punctuation removed) inside it.
  const before = unpunctuated(600_000);
  const inner = sieff.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const after = unpunctuated(1_200_000).slice(before.length + 1);
  const line = `${before} ${inner} ${after}`.slice(0, 1024 * 1024 + 1000);
  add({ name: '1 MB line without punctuation', path: file('one-line.txt', line), outcome: 'processed', embedded: { start: before.length + 1, end: before.length + 1 + inner.length } });

  const paragraphs = sieff.split(/\n\s*\n/).filter((p) => p.trim());
  const head = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>China-Russia relations</title>\n<style>body{font:16px/1.5 serif}</style>\n<script>window.dataLayer=window.dataLayer||[];</script></head>\n<body><nav><a href="/">Home</a> | <a href="/opinion">Opinion</a></nav>\n<article>\n`;
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  add({
    name: 'HTML page',
    path: file('page.html', `${head}${body}\n</article>\n<footer>&copy; 2024 Example</footer></body></html>\n`),
    outcome: 'processed',
    embedded: { start: head.length, end: head.length + body.length },
  });

  add({ name: 'Chinese only', path: file('chinese.txt', CHINESE.join('\n\n').repeat(3)), outcome: 'processed' });

  let k = 0;
  const mixed = paragraphs.map((p) => `${p}\n\n${OTHER_SCRIPTS[k++ % OTHER_SCRIPTS.length]}`).join('\n\n');
  add({ name: 'mixed scripts', path: file('mixed.txt', mixed), outcome: 'processed', embedded: { start: 0, end: mixed.length } });

  let e = 0;
  const emoji = sieff.replace(/([.!?]) /g, (_, stop: string) => `${stop} ${EMOJI[e++ % EMOJI.length]} `);
  add({ name: 'emoji and other astral characters', path: file('emoji.txt', emoji), outcome: 'processed', embedded: { start: 0, end: emoji.length } });

  let n = 0;
  const nul = sieff.replace(/, /g, (m) => (n++ % 3 === 0 ? ',\u0000 ' : m));
  add({ name: 'NUL bytes (a few, as in web captures)', path: file('nul.txt', nul), outcome: 'processed', embedded: { start: 0, end: nul.length } });
  return cases;
}
