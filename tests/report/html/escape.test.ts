import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeText } from '../../../src/report/html/escape.js';
import { HOSTILE, textOf } from './helpers.js';

describe('escapeText', () => {
  it('leaves no markup-significant character for text content', () => {
    const out = escapeText(HOSTILE);
    expect(out).not.toMatch(/[<>]/);
    expect(out).not.toMatch(/&(?!(amp|lt|gt);)/);
  });
  it('round-trips through decoding', () => {
    expect(textOf(escapeText(HOSTILE))).toBe(HOSTILE);
    expect(escapeText('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
  });
  it('does not double-escape in one pass and keeps other characters (quotes, emoji) as they are', () => {
    expect(escapeText('&amp;')).toBe('&amp;amp;');
    expect(escapeText('"👩‍👩‍👧"')).toBe('"👩‍👩‍👧"');
  });
});

describe('escapeAttr', () => {
  it('escapes both quote styles so a value cannot close its attribute', () => {
    const out = escapeAttr(`x" onmouseover="alert(1)' y`);
    expect(out).toBe('x&quot; onmouseover=&quot;alert(1)&#39; y');
    expect(out).not.toMatch(/["'<>]/);
    expect(textOf(escapeAttr(HOSTILE))).toBe(HOSTILE);
  });
});
