import { readFileSync } from 'node:fs';
import { FAIL_ON } from '../archive/check.js';

/**
 * Request and response schemas of the API. Fastify validates requests against them; @fastify/swagger
 * publishes them as the OpenAPI document at /openapi.json. The result schemas are the committed files in
 * schema/, so the API and the CLI share one definition.
 */


/** schema/<name>, read at start-up: two folders up from both src/serve and dist/serve. */
function committedSchema(file: string, id: string): Record<string, unknown> {
  const schema = JSON.parse(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
  // Fastify's validator is draft-07 Ajv: the 2020-12 meta-schema URL is unknown to it, and the features used are common to both.
  const { $schema: _draft, ...rest } = schema;
  return { ...rest, $id: id };
}

export const SHARED_SCHEMAS = [
  committedSchema('compare-result.schema.json', 'CompareResult'),
  committedSchema('check-result.schema.json', 'CheckResult'),
  {
    $id: 'Error',
    type: 'object',
    description: 'Every error: the HTTP status again, a stable code, and one readable line.',
    required: ['error'],
    additionalProperties: false,
    properties: {
      error: {
        type: 'object',
        required: ['status', 'code', 'message'],
        additionalProperties: false,
        properties: {
          status: { type: 'integer' },
          code: {
            enum: ['bad-json', 'bad-request', 'unauthorized', 'not-found', 'method-not-allowed', 'too-large', 'unsupported-media-type', 'overloaded', 'timeout', 'shutting-down', 'unavailable', 'internal'],
          },
          message: { type: 'string' },
        },
      },
    },
  },
  {
    $id: 'Document',
    type: 'object',
    description: 'An archived document (without its text).',
    required: ['id', 'path', 'title', 'hash', 'length', 'added', 'meta'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^[0-9a-f]{12}$', description: 'First 12 hex digits of sha256 of the absolute path.' },
      path: { type: 'string' },
      title: { type: 'string' },
      hash: { type: 'string', description: 'sha256 of the text, hex.' },
      length: { type: 'integer', minimum: 0 },
      added: { type: 'string', description: 'ISO time the current text was added.' },
      meta: { type: 'object', additionalProperties: { type: 'string' } },
    },
  },
  {
    $id: 'NewDocument',
    type: 'object',
    required: ['path', 'text'],
    additionalProperties: false,
    properties: {
      path: { type: 'string', minLength: 1, maxLength: 4096, description: 'Where the document belongs (resolved against the server folder); its id derives from it, re-adding the same path replaces the text.' },
      text: { $ref: 'Text#' },
      meta: { type: 'object', additionalProperties: { type: 'string', maxLength: 4096 }, maxProperties: 64, description: 'key=value pairs stored with the document.' },
    },
  },
  { $id: 'Text', type: 'string', minLength: 1, pattern: '\\S', description: 'Article text (not only whitespace).' },
];

const ref = (id: string): { $ref: string } => ({ $ref: `${id}#` });
const errors = { '4xx': ref('Error'), '5xx': ref('Error') };
const docId = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[0-9a-f]{12}$', description: 'Document id (12 hex digits).' } },
};
const title = { type: 'string', maxLength: 4096 };
const html = { description: 'The self-contained side-by-side HTML report (as `--format html`)', content: { 'text/html': { schema: { type: 'string' } } } };

export const checkBody = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: ref('Text'),
    title: { ...title, description: 'A name for the article, reported as candidate.path; an archived document at this path is not its own match.' },
    top: { type: 'integer', minimum: 1, maximum: 100, default: 10, description: 'Report at most this many matches.' },
    failOn: { enum: [...FAIL_ON], default: 'paraphrase', description: 'Parascope-Gate is `fail` when any match is at least this (the CLI exits 1).' },
  },
};

export const ROUTE_SCHEMAS = {
  check: {
    summary: 'Check an article against the archive',
    body: checkBody,
    response: {
      200: {
        description: 'The check result, as `parascope check --format json` prints it.',
        headers: { 'parascope-gate': { type: 'string', enum: ['pass', 'fail'], description: '`fail` when a match is at or above failOn.' } },
        ...ref('CheckResult'),
      },
      ...errors,
    },
  },
  checkReport: {
    summary: 'Side-by-side report of one match of a check',
    body: {
      ...checkBody,
      required: ['text', 'document'],
      properties: { text: ref('Text'), title: checkBody.properties.title, document: { ...docId.properties.id, description: 'The matched document (a match of this text).' } },
    },
    response: { 200: html, ...errors },
  },
  compare: {
    summary: 'Compare two texts',
    body: {
      type: 'object',
      required: ['source', 'candidate'],
      additionalProperties: false,
      properties: {
        source: { ...ref('Text') },
        candidate: { ...ref('Text') },
        sourceTitle: { ...title, description: 'Reported as source.path.' },
        candidateTitle: { ...title, description: 'Reported as candidate.path.' },
      },
    },
    response: { 200: { description: 'The compare result, as `parascope compare --format json` prints it.', ...ref('CompareResult') }, ...errors },
  },
  addDocuments: {
    summary: 'Add one document or many',
    body: { oneOf: [ref('NewDocument'), { type: 'array', minItems: 1, maxItems: 1000, items: ref('NewDocument') }] },
    response: {
      200: {
        description: 'What happened to each document, in request order.',
        type: 'object',
        required: ['documents'],
        additionalProperties: false,
        properties: {
          documents: {
            type: 'array',
            items: {
              type: 'object',
              required: ['outcome', 'document'],
              additionalProperties: false,
              properties: { outcome: { enum: ['added', 'replaced', 'unchanged'] }, document: ref('Document') },
            },
          },
        },
      },
      ...errors,
    },
  },
  getDocument: {
    summary: 'One archived document with its text',
    params: docId,
    response: {
      200: { type: 'object', required: ['document', 'text'], additionalProperties: false, properties: { document: ref('Document'), text: { type: 'string' } } },
      ...errors,
    },
  },
  deleteDocument: {
    summary: 'Remove a document from the archive',
    params: docId,
    response: { 200: { type: 'object', required: ['removed'], additionalProperties: false, properties: { removed: ref('Document') } }, ...errors },
  },
  stats: {
    summary: 'Archive statistics (as `parascope index stats`)',
    response: {
      200: {
        type: 'object',
        required: ['path', 'schemaVersion', 'documents', 'terms', 'postings', 'boilerplateUnits', 'sizeBytes'],
        additionalProperties: false,
        properties: {
          path: { type: 'string' },
          schemaVersion: { type: 'integer' },
          documents: { type: 'integer', minimum: 0 },
          terms: { type: 'integer', minimum: 0 },
          postings: { type: 'integer', minimum: 0 },
          boilerplateUnits: { type: 'integer', minimum: 0 },
          sizeBytes: { type: 'integer', minimum: 0 },
        },
      },
      ...errors,
    },
  },
  health: {
    summary: 'Liveness and load (no authentication)',
    security: [],
    response: {
      200: {
        type: 'object',
        required: ['status', 'running', 'queued', 'workers'],
        additionalProperties: false,
        properties: { status: { const: 'ok' }, running: { type: 'integer' }, queued: { type: 'integer' }, workers: { type: 'integer' } },
      },
      ...errors,
    },
  },
};
