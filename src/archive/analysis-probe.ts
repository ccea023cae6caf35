import { fmix32 } from '../fingerprint/hash.js';
import { documentFeatures } from './features.js';

/**
 * A fingerprint of the text analysis the archive's terms and keys were computed with. The archive stores
 * term ids, unit keys and signatures, not the words: if tokenization, stemming or term choice change (as
 * lemmas → stems did), an old archive would silently stop matching new queries. Every archive records the
 * probe of the parascope that created it, and one built differently is refused until it is rebuilt.
 */
const PROBE_TEXT =
  'Headline: Officials weighed new tariffs\n\nThe ministers’ talks, held in 2024, weren’t easy. They visited ' +
  'factories and harbours; exports rose 95 billion dollars. Strengthening ties was repeatedly stated. The plan ' +
  "was the council's.\n" +
  'Copyright Example News. All rights reserved.\n';

let cached: number | undefined;

export function analysisProbe(): number {
  if (cached === undefined) {
    const f = documentFeatures(PROBE_TEXT);
    let h = 0x9e3779b9;
    const mix = (x: number) => (h = fmix32((h ^ (x >>> 0) ^ Math.floor(x / 0x1_0000_0000)) >>> 0));
    [...f.termIds].sort((a, b) => a - b).forEach(mix);
    f.termFreqs.forEach(mix);
    [...f.unitKeys].sort((a, b) => a - b).forEach(mix);
    f.signature.forEach(mix);
    cached = h;
  }
  return cached;
}
