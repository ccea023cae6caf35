import { InputError } from '../errors.js';

/** One line of a pairs file: which candidate to check against which source (names relative to their folders). */
export interface PairSpec {
  candidate: string;
  source: string;
  /** 1-based line number in the pairs file, to name the pair in messages. */
  line: number;
}

/**
 * Parse a pairs file: one pair per line, `CANDIDATE SOURCE` separated by whitespace (the PAN layout, where the
 * suspicious document comes first). Blank lines are ignored; anything else that is not exactly two names is
 * refused with the line number, since guessing would silently compare the wrong documents.
 */
export function parsePairs(text: string, name = 'pairs file'): PairSpec[] {
  const pairs: PairSpec[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const fields = raw.trim().split(/\s+/).filter((f) => f.length > 0);
    if (fields.length === 0) return;
    const [candidate, source] = fields;
    if (fields.length !== 2 || candidate === undefined || source === undefined) {
      const shown = raw.trim().length > 60 ? `${raw.trim().slice(0, 57)}...` : raw.trim();
      throw new InputError(`${name}: line ${i + 1}: expected "CANDIDATE SOURCE", got ${JSON.stringify(shown)}`);
    }
    pairs.push({ candidate, source, line: i + 1 });
  });
  if (pairs.length === 0) throw new InputError(`${name}: no pairs (expected one "CANDIDATE SOURCE" per line)`);
  return pairs;
}
