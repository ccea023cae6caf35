import type { TextDocument } from '../text/document.js';
import { copiedAcross } from './copy-edges.js';
import type { PairFeatures } from './features.js';
import type { AlignOptions } from './options.js';
import { withCopiedEnds, withCopyCore } from './pair-bounds.js';
import { sentenceVector, type PairedPassage, type SentencePairIndex } from './pairs.js';
import { sparseCosine } from './similarity.js';
import { splitCopyRuns } from './split.js';

/**
 * Paired passages bounded around the copies they hold: split where pasted copies meet, end pairs re-pointed where a
 * copy's words run on into them, and host sentences around a copy left out. Copies are known by their pairs'
 * similarity and, where the sentence splitter cut a pasted copy anywhere, by verbatim runs of words across
 * candidate sentence boundaries (`copiedAcross`). `bestSimilarity[c]` is candidate sentence c's best anchor
 * similarity with any source sentence.
 */
export function boundCopies(
  passages: readonly PairedPassage[],
  source: TextDocument,
  candidate: TextDocument,
  features: PairFeatures,
  bestSimilarity: Float64Array,
  align: AlignOptions,
): PairedPassage[] {
  const runAcross = (p: SentencePairIndex, minWords: number, at?: 'start' | 'end') =>
    copiedAcross(source, candidate, p, align.copyEdgeWords, minWords, at);
  // Two copies with host text between them are two passages; a sentence clearly derived from elsewhere in the
  // source is no host text (an article whose sentences were shuffled). A sentence copied on into the next counts
  // as copied however weakly it pairs.
  const derivedElsewhere = (c: number) => bestSimilarity[c]! >= align.detachedPairSimilarity;
  const evidence = {
    copiedAcross: (p: SentencePairIndex) => runAcross(p, align.minNearVerbatimWords),
    runsOnVerbatim: (p: SentencePairIndex) => runAcross(p, 2 * align.copyEdgeWords, 'end'),
    minCopyRun: align.minCopyRun,
  };
  const split = passages.flatMap((p) =>
    splitCopyRuns(p, align.maxGap, align.maxReorder, align.maxReorderSimilarity, align.strayPairSimilarity, derivedElsewhere, (c) => features.candidate.norm[c]! > 0, evidence),
  );
  // End pairs that a copied neighbour's words run on into come from the source sentence next to the neighbour's.
  const scratch = new Float64Array(features.idf.length);
  const repair = (c: number, s: number): SentencePairIndex => ({
    candidate: c,
    sourceFirst: s,
    sourceLast: s,
    similarity: sparseCosine(sentenceVector(features.source, s), sentenceVector(features.candidate, c), scratch),
  });
  const runsInto = (p: SentencePairIndex, at: 'start' | 'end') => runAcross(p, 2 * align.copyEdgeWords, at);
  const followed = split.map((p) => withCopiedEnds(p, align.maxReorderSimilarity, source.sentences.length, runsInto, repair));
  // Host sentences around a copy that only its words show (cut mid-sentence) bound neither side, as around any copy.
  // A run as long as two of the shortest copies: a translated or edited passage keeps 20-odd words now and then.
  const copiedPair = (p: SentencePairIndex) =>
    p.similarity >= align.maxReorderSimilarity || (p.similarity >= align.strayPairSimilarity && runAcross(p, 2 * align.minNearVerbatimWords));
  return followed.map((p) => withCopyCore(p, copiedPair, align.detachedPairSimilarity, align.maxGap, align.separatedPairSimilarity));
}
