import { hashString } from '../fingerprint/hash.js';

/**
 * A term's id in the archive: 48 bits from two independent 32-bit hashes. Hashing instead of a term table
 * means indexing never looks ids up and workers can compute them; at 48 bits a million-term vocabulary has a
 * ~0.2% chance of a single collision, which would only merge two rare terms' postings.
 */
export function termId(term: string): number {
  const hi = hashString(term, 0x9747b28c) & 0xffff;
  const lo = hashString(term);
  return hi * 0x1_0000_0000 + lo;
}

/** Combine two 32-bit values (e.g. a band's index and hash) into one 48-bit key. */
export function key48(hi16: number, lo32: number): number {
  return (hi16 & 0xffff) * 0x1_0000_0000 + (lo32 >>> 0);
}
