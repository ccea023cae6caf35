import { bestCandidateSimilarity, findAnchors } from './align/anchors.js';
import { chainCosts, extractChains, hull, joinChains, mergeChains, type Chain, type SentenceSpan } from './align/chain.js';
import { wordEdges } from './align/edges.js';
import { pairFeatures } from './align/features.js';
import { DEFAULT_ALIGN_OPTIONS, DEFAULT_VERDICT_OPTIONS, type AlignOptions, type VerdictOptions } from './align/options.js';
import { boundCopies } from './align/copy-bounds.js';
import { copyEdges, passageEdges } from './align/copy-edges.js';
import { disjointPassages } from './align/disjoint.js';
import { localSharedWords, reusedTokens } from './align/local-words.js';
import { withoutCutEnds } from './align/pair-bounds.js';
import { pairPassage } from './align/pairs.js';
import { condenses, joinSummaries, summarySourceSpans } from './align/summary.js';
import { coverage, passageKind, verdictOf } from './align/score.js';
import { documentSignature } from './fingerprint/document-signature.js';
import { estimateContainment, estimateJaccard } from './fingerprint/minhash.js';
import { SCHEMA_VERSION, type CompareResult, type Passage } from './result.js';
import { firstTokenAt, type TextDocument } from './text/document.js';
import type { Range } from './util/range.js';
import { analyze, DEFAULT_SEGMENT_OPTIONS, type SegmentOptions } from './text/tokenize.js';

export interface CompareOptions {
  align?: Partial<AlignOptions>;
  verdict?: Partial<VerdictOptions>;
  segment?: Partial<SegmentOptions>;
  /** MinHash permutations for the whole-document resemblance estimate. */
  permutations?: number;
  /** Include the sentence similarity grid (`map`) in the result, for the HTML report's alignment map. */
  alignmentMap?: boolean;
  /**
   * Keys (`sentenceKey`) of sentences known to be boilerplate, e.g. learned from an archive. They never count
   * as reuse and are listed in the result's `boilerplate` field.
   */
  boilerplate?: ReadonlySet<number>;
  /** Recorded in the result's `source.path` / `candidate.path`. */
  sourcePath?: string;
  candidatePath?: string;
}

/** Find the passages of `candidateText` taken from `sourceText`. Pure: no I/O, same input → same result. */
export function compare(sourceText: string, candidateText: string, options: CompareOptions = {}): CompareResult {
  const segment = { ...DEFAULT_SEGMENT_OPTIONS, ...options.segment };
  return compareDocuments(analyze(sourceText, segment), analyze(candidateText, segment), options);
}

/** `compare` over already analyzed documents (lets callers reuse one analysis against many partners). */
export function compareDocuments(source: TextDocument, candidate: TextDocument, options: CompareOptions = {}): CompareResult {
  const align = { ...DEFAULT_ALIGN_OPTIONS, ...options.align };
  const verdictOptions = { ...DEFAULT_VERDICT_OPTIONS, ...options.verdict };
  const features = pairFeatures(source, candidate, align.shingleSize, options.boilerplate);
  const anchors = findAnchors(features.source, features.candidate, align);
  // Chains joined into passages, less those too sparse for their length.
  const passageChains = (chains: readonly Chain[]) =>
    mergeChains(chains, align.mergeDistance, align.mergeCandidateDistance).filter(
      (c) =>
        c.score >=
        align.minPassageDensity *
          wordCount(candidate, { start: candidate.sentences[c.candidate.first]!.start, end: candidate.sentences[c.candidate.last]!.end }),
    );
  const withPairs = (chain: Chain) => pairPassage(chain, features.source, features.candidate, features.idf, align);
  const costs = chainCosts(anchors, align);
  let chains = passageChains(extractChains(anchors, align, [], costs));
  let paired = chains.map(withPairs);
  // Sentences a chain's edge anchors claimed but no pair kept are free again: a passage copied from there was
  // blocked by the claim, so the search runs once more around the passages found, and what it finds is joined
  // with them (often the rest of the same passage).
  const narrower = (a: SentenceSpan, b: SentenceSpan) => a.first > b.first || a.last < b.last;
  if (paired.some((p, k) => narrower(p.source, chains[k]!.source) || narrower(p.candidate, chains[k]!.candidate))) {
    const narrowed = paired.map((p) => ({ ...p.chain, source: p.source }));
    chains = passageChains([...narrowed, ...extractChains(anchors, align, paired, costs)]);
    paired = chains.map(withPairs);
  }
  // Passages bounded around their copies: split where pasted copies meet, host text around a copy left out.
  paired = boundCopies(paired, source, candidate, features, bestCandidateSimilarity(anchors, candidate.sentences.length), align);
  const summarySpans = summarySourceSpans(paired, features.source, features.candidate, features.idf, align.summaryRatio, align.summaryMatchSimilarity);
  // Each passage's sentence spans (`source`, `candidate`) from here on: the source side extended for summaries,
  // and summaries joined with the passage next to them.
  const initialSpans = joinSummaries(
    paired.map((s, k) => ({ ...s, source: summarySpans[k]! })).sort((a, b) => a.candidate.first - b.candidate.first),
    (s) => condenses(s, features.source, features.candidate, align.summaryRatio),
    (a, b) => ({ chain: joinChains(a.chain, b.chain), sentencePairs: [...a.sentencePairs, ...b.sentencePairs], source: hull(a.source, b.source), candidate: hull(a.candidate, b.candidate) }),
  );
  // Word-level edges of each passage, and its kind.
  const bound = (spans: typeof initialSpans) => {
    const edges = wordEdges(source, candidate, spans, align.shingleSize, align.edgeCutCost, align.strayPairSimilarity);
    const kinds = spans.map((s) => passageKind(source, s.source, candidate, s.chain.candidate, align.shingleSize, align.nearVerbatimContainment));
    const finalEdges = passageEdges(
      source,
      candidate,
      edges,
      (k) => kinds[k] !== 'paraphrase',
      (k) => copyEdges(source, candidate, edges[k]!, spans[k]!.sentencePairs, spans[k]!.source, align.copyEdgeWords),
    );
    return { kinds, finalEdges };
  };
  // No stretch of text is credited to two passages (pairs and summaries may reach into another passage's sentences).
  let spans = disjointPassages(initialSpans);
  let { kinds, finalEdges } = bound(spans);
  // An end pair whose candidate sentence the edges cut away entirely is no reuse, so it no longer bounds the
  // source side either, and the edges are found again.
  const trimmed = spans.map((s, k) => {
    const edge = finalEdges[k]!.candidate;
    return withoutCutEnds(s, (c) => candidate.sentences[c]!.end > edge.start && candidate.sentences[c]!.start < edge.end);
  });
  if (trimmed.some((t, k) => t !== spans[k])) {
    spans = trimmed;
    ({ kinds, finalEdges } = bound(spans));
  }

  const drafted: Passage[] = spans.map(({ chain, sentencePairs }, index) => {
    const kind = kinds[index]!;
    const edge = finalEdges[index]!;
    // Pairs are whole sentences, clipped to the passage's word-level edges; a pair cut away entirely goes.
    const pairs = sentencePairs
      .map((p) => ({
        source: clip({ start: source.sentences[p.sourceFirst]!.start, end: source.sentences[p.sourceLast]!.end }, edge.source),
        candidate: clip({ start: candidate.sentences[p.candidate]!.start, end: candidate.sentences[p.candidate]!.end }, edge.candidate),
        similarity: round(p.similarity),
      }))
      .filter((p) => p.source.end > p.source.start && p.candidate.end > p.candidate.start);
    const pairLength = pairs.reduce((n, p) => n + p.candidate.end - p.candidate.start, 0);
    const similarity = pairs.reduce((sum, p) => sum + p.similarity * (p.candidate.end - p.candidate.start), 0) / (pairLength || 1);
    return {
      source: edge.source,
      candidate: edge.candidate,
      similarity: round(similarity),
      kind,
      score: round(chain.score),
      pairs,
    };
  });
  // A short paraphrase is too little evidence on its own: two texts on one topic often word one fact alike.
  // Short passages stand only when copied nearly word for word, and even then not a mere dozen words.
  // A paraphrase matched only on words both texts use throughout is a shared subject, not reuse.
  let reused: { source: Uint8Array; candidate: Uint8Array } | undefined;
  const localWords = (p: Passage) => {
    reused ??= { source: reusedTokens(source, drafted.map((d) => d.source)), candidate: reusedTokens(candidate, drafted.map((d) => d.candidate)) };
    return localSharedWords(source, p.source, reused.source, candidate, p.candidate, reused.candidate, align.localContext);
  };
  const passages = drafted.filter(
    (p) =>
      p.source.end > p.source.start &&
      p.candidate.end > p.candidate.start &&
      (p.kind === 'verbatim' ||
        (p.kind === 'paraphrase'
          ? wordCount(source, p.source) >= align.minParaphraseWords && localWords(p) >= align.minLocalWords
          : Math.min(wordCount(source, p.source), wordCount(candidate, p.candidate)) >= align.minNearVerbatimWords)),
  );
  passages.sort((a, b) => a.candidate.start - b.candidate.start);

  const candidateCoverage = coverage(candidate.text, passages.map((p) => p.candidate));
  const sourceCoverage = coverage(source.text, passages.map((p) => p.source));
  const totalLength = passages.reduce((n, p) => n + p.candidate.end - p.candidate.start, 0);
  const similarity = passages.reduce((s, p) => s + p.similarity * (p.candidate.end - p.candidate.start), 0) / (totalLength || 1);

  const sourceSig = documentSignature(source, align.shingleSize, options.permutations);
  const candidateSig = documentSignature(candidate, align.shingleSize, options.permutations);

  const result: CompareResult = {
    schemaVersion: SCHEMA_VERSION,
    source: { path: options.sourcePath ?? null, length: source.text.length, sentences: source.sentences.length },
    candidate: { path: options.candidatePath ?? null, length: candidate.text.length, sentences: candidate.sentences.length },
    verdict: verdictOf(passages.length, candidateCoverage, similarity, verdictOptions),
    coverage: { candidate: round(candidateCoverage), source: round(sourceCoverage) },
    similarity: round(similarity),
    resemblance: {
      jaccard: round(estimateJaccard(candidateSig, sourceSig)),
      containment: round(estimateContainment(candidateSig, sourceSig)),
    },
    passages,
  };
  if (options.boilerplate && options.boilerplate.size > 0) {
    const ranges = (doc: TextDocument, flags: boolean[]) =>
      doc.sentences.filter((_, i) => flags[i]).map(({ start, end }) => ({ start, end }));
    result.boilerplate = { source: ranges(source, features.source.boilerplate), candidate: ranges(candidate, features.candidate.boilerplate) };
  }
  if (options.alignmentMap) {
    // Cells down to the pair-similarity floor, weighted or not: the map shows the evidence, not the verdict.
    const cells = findAnchors(features.source, features.candidate, { ...align, minAnchorSimilarity: align.minPairSimilarity, baseline: 0 });
    result.map = {
      sourceSentences: source.sentences.map(({ start, end }) => ({ start, end })),
      candidateSentences: candidate.sentences.map(({ start, end }) => ({ start, end })),
      cells: Array.from({ length: cells.length }, (_, k) => ({ source: cells.source[k]!, candidate: cells.candidate[k]!, similarity: round(cells.similarity[k]!) })),
    };
  }
  return result;
}

/** Words (and numbers) of `doc` inside the character range. */
function wordCount(doc: TextDocument, range: Range): number {
  const lo = firstTokenAt(doc, range.start);
  let n = 0;
  for (let i = lo; i < doc.tokens.length && doc.tokens[i]!.end <= range.end; i++) {
    const kind = doc.tokens[i]!.kind;
    if (kind === 'word' || kind === 'number') n++;
  }
  return n;
}

function clip(r: Range, to: Range): Range {
  return { start: Math.max(r.start, to.start), end: Math.min(r.end, to.end) };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
