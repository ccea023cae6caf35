/** parascope's library API: everything the CLI does is available from here, without the CLI. */
export { compare, compareDocuments, type CompareOptions } from './compare.js';
export * from './result.js';
export { InputError } from './errors.js';
export { DEFAULT_ALIGN_OPTIONS, DEFAULT_VERDICT_OPTIONS, type AlignOptions, type VerdictOptions } from './align/options.js';
export { analyze, DEFAULT_SEGMENT_OPTIONS, type SegmentOptions } from './text/tokenize.js';
export type { TextDocument, Token, Sentence, TokenKind } from './text/document.js';
export { decodeText, type DecodedText, type Encoding } from './text/decode.js';
export { readArticle, DEFAULT_MAX_BYTES } from './text/read.js';
export { minhash, estimateJaccard, estimateContainment, type Signature } from './fingerprint/minhash.js';
export { wordShingles, shingleSet, type Shingle } from './fingerprint/shingles.js';
export { renderCompare, COMPARE_FORMATS, type CompareFormat } from './report/render.js';
export type { Range } from './util/range.js';
export { renderPan, panFileName, type PanReferences } from './report/pan.js';
export { comparePairs, type BatchPair, type BatchOptions, type PairOutcome, type PairError, type BatchSummary } from './batch/pool.js';
export { parsePairs, type PairSpec } from './batch/pairs.js';
