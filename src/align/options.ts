/**
 * Every tunable of the aligner, with the one set of global defaults users get. The same defaults serve the
 * seed articles, generated cases and the PAN 2013 corpus: nothing here is keyed to a file or a dataset.
 */
export interface AlignOptions {
  /** Sentence pairs below this similarity are not anchors at all. */
  minAnchorSimilarity: number;
  /** A sentence pair's similarity is its tf-idf cosine plus this share of what the cosine leaves, times the
   *  Dice overlap of their word shingles (or that overlap alone, if larger): an obfuscated copy keeps a few
   *  copied phrases in sentences whose other words were replaced, and each signal alone is weak. */
  shingleBoost: number;
  /** Similarity an anchor must beat to add to a chain: `(sim - baseline)` is its raw weight. */
  baseline: number;
  /** An anchor sharing fewer distinct content terms than this is down-weighted proportionally, so short
   *  boilerplate sentences ("All rights reserved.") cannot make a passage on their own. */
  fullWeightTerms: number;
  /** ... and one sharing more is up-weighted, up to this factor: a long sentence sharing many content terms is
   *  stronger evidence than a short one at the same similarity (a one-sentence passage can stand alone). */
  maxTermFactor: number;
  /** Each word shingle two sentences share counts as this many shared terms toward `fullWeightTerms`, never
   *  beyond it: a random rewording replaces content words yet keeps the function-word phrases around them ("if
   *  you do not already have"), which the terms alone count as nothing. Capped, so sentences already rich in
   *  shared terms (same-topic texts sharing a set phrase) gain nothing. */
  shingleTermWeight: number;
  /** Most sentences a chain may skip on either side between two anchors. */
  maxGap: number;
  /** ... except that from one candidate sentence to the same or the next, the chain may jump up to this many
   *  sentences ahead in the source: a summary condenses a long source passage into a few dense sentences. */
  maxSourceJump: number;
  /** A step may go back this many sentences in the source: sentences shuffled inside a passage (a chain still
   *  moves forward in the candidate). */
  maxReorder: number;
  /** ... except between two sentences both at least this similar (copied): each of those stands alone. */
  maxReorderSimilarity: number;
  /** A run of at least this many candidate sentences copied in order (`maxReorderSimilarity`) is a passage of its
   *  own: a chain that takes one of them through a weak anchor elsewhere pays the copy it gives up. Fewer may
   *  be a summary's sentences or a shuffled text's, read out of order, and two in a row happen by chance there.
   *  Likewise two such runs in one passage whose source does not run on from one into the other are two copies
   *  (see `splitCopyRuns`). */
  minCopyRun: number;
  /** A jump costs this, plus, for each source sentence jumped over, its best anchor weight above
   *  `jumpTolerance`: a summary may pass over sentences weakly related to it, not over strong evidence of
   *  reuse elsewhere (and never over a sentence copied somewhere, at least `maxReorderSimilarity`). */
  jumpCost: number;
  jumpTolerance: number;
  /** A passage spanning at least this many times as many source sentences as candidate sentences is a summary:
   *  its source side extends over the free source sentences at least `summaryMatchSimilarity` similar to one of its
   *  sentences (see summary.ts). Counted in content words too: a copied sentence may straddle two source ones. */
  summaryRatio: number;
  /** Low on purpose: a summary draws on its whole source passage, so sharing a single weighted term with one of
   *  its sentences is enough for a free source sentence next to it; it never reaches past another passage. */
  summaryMatchSimilarity: number;
  /** Chains this close (in sentences) in the source, and `mergeCandidateDistance` in the candidate, are joined
   *  into one passage (see `mergeChains`). */
  mergeDistance: number;
  mergeCandidateDistance: number;
  /** Cost of each skipped sentence (on the side that skips more). */
  gapCost: number;
  /** A chain must score at least this to become a passage; lower ones are isolated coincidences. */
  minPassageScore: number;
  /** A paraphrase passage (not verbatim or near-verbatim) needs at least this many words on its source side:
   *  two texts on one topic often word a single fact alike, so less reused material is no evidence. */
  minParaphraseWords: number;
  /** ... and its two sides to share at least this many distinct words not also used outside it in both documents
   *  (see local-words.ts): texts on one subject share its words throughout, a rewrite also the words particular
   *  to what it rewrites. */
  minLocalWords: number;
  /** ... "around it" being this many sentences either side: an article's worth, not a whole compilation. */
  localContext: number;
  /** ... and any other non-verbatim passage at least this many words on both sides: a near-verbatim match of a
   *  dozen words is a shared reference or formula ("Cambridge, MA: Harvard University Press"), not reuse. A
   *  verbatim run this long across a candidate sentence boundary marks its sentences as copied (`copiedAcross`). */
  minNearVerbatimWords: number;
  /** A passage must score at least this per candidate word it spans: a long passage held together by weak,
   *  scattered anchors is two texts on one topic. Per word, not per sentence: lists and headings split web
   *  text into many short sentences. */
  minPassageDensity: number;
  /** Inside a passage, a candidate sentence is paired with its best source sentence if at least this similar. */
  minPairSimilarity: number;
  /** A pair sharing fewer distinct content terms than this, far from a copied neighbour, does not widen the
   *  source side at any similarity (see `pairedSourceSpan`). */
  minPairTerms: number;
  /** A pair below this similarity at a passage's end, more than `maxGap` source sentences from a copied
   *  neighbour (`maxReorderSimilarity`), does not widen the source side (see `pairedSourceSpan`); next to a copy,
   *  one below it never runs on into the copy (see `coreRun` in `pairPassage`). */
  detachedPairSimilarity: number;
  /** Before or after a copy, a pair with an unpaired candidate sentence (host text) between it and the copy
   *  bounds the passage only if at least this similar (see `coreRun`). */
  separatedPairSimilarity: number;
  /** In a passage with two or more pairs at least `detachedPairSimilarity` similar, pairs below this before or
   *  after them that do not run on into them in the source bound neither side (see `coreRun`); and between
   *  two copies they split the passage (see `splitCopyRuns`). A paraphrase's source edge sentence with a pair at
   *  least this similar is kept whole (see `wordEdges`). */
  strayPairSimilarity: number;
  /** Evidence (in nats of log-likelihood ratio) needed to put a passage edge inside a sentence rather than at
   *  its boundary, or at a line break before a capital (see edges.ts). */
  edgeCutCost: number;
  /** A copy's (verbatim or near-verbatim passage's) source edge moves inside its first or last paired sentence
   *  to where the candidate edge's first or last this many words occur (see copy-edges.ts); 0: never. Also the
   *  words a verbatim run needs on either side of a sentence boundary to count as copied on (`copiedAcross`). */
  copyEdgeWords: number;
  /** Word n-gram size of the shingles used to classify passages as verbatim / near-verbatim. */
  shingleSize: number;
  /** A passage whose candidate shingles are at least this contained in the source side is near-verbatim. */
  nearVerbatimContainment: number;
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = {
  minAnchorSimilarity: 0.15,
  shingleBoost: 0.35,
  baseline: 0.15,
  fullWeightTerms: 5,
  maxTermFactor: 3,
  shingleTermWeight: 0.5,
  maxGap: 4,
  maxSourceJump: 60,
  maxReorder: 3,
  maxReorderSimilarity: 0.9,
  minCopyRun: 3,
  jumpCost: 0.1,
  jumpTolerance: 0.15,
  mergeDistance: 10,
  mergeCandidateDistance: 2,
  summaryRatio: 2,
  summaryMatchSimilarity: 0.02,
  gapCost: 0.05,
  minPassageScore: 0.6,
  minParaphraseWords: 30,
  minLocalWords: 5,
  localContext: 50,
  minNearVerbatimWords: 20,
  minPassageDensity: 0.005,
  minPairSimilarity: 0.1,
  minPairTerms: 2,
  detachedPairSimilarity: 0.4,
  separatedPairSimilarity: 0.5,
  strayPairSimilarity: 0.25,
  edgeCutCost: 5,
  copyEdgeWords: 4,
  shingleSize: 3,
  nearVerbatimContainment: 0.5,
};

/** Verdict thresholds, over the candidate's coverage and the passages' similarity. */
export interface VerdictOptions {
  /** `duplicate`: at least this much of the candidate is covered ... */
  duplicateCoverage: number;
  /** ... by passages whose (length-weighted) similarity is at least this. */
  duplicateSimilarity: number;
  /** `paraphrase`: at least this much of the candidate is covered. Below it, any passage is `partial-reuse`. */
  paraphraseCoverage: number;
}

export const DEFAULT_VERDICT_OPTIONS: VerdictOptions = {
  duplicateCoverage: 0.8,
  duplicateSimilarity: 0.8,
  paraphraseCoverage: 0.5,
};
