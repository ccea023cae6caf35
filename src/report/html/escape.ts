/**
 * HTML escaping for everything that came from outside the report (article text, file names). The report never
 * builds markup from input any other way, so these two functions are the whole injection surface.
 */

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&#39;' };

/** Escape for an element's text content. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!);
}

/** Escape for a quoted attribute value (either quote style). */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ATTR_ESCAPES[c]!);
}
