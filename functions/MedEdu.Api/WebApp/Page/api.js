// @ts-check
import { language } from './i18n.js';
/** The MedEdu HTTP API as the page uses it: JSON in and out, problem+json errors as exceptions. */

/** An error answered by the API (RFC 7807 problem), with its status and detail. */
export class ApiError extends Error {
  /** @param {number} status @param {string} title @param {string} detail */
  constructor(status, title, detail) {
    super(detail || title);
    this.status = status;
    this.title = title;
  }
}

/** Base of the API, next to the page's own path (/api/app/ → /api/). */
export const apiBase = new URL('../', window.location.href).pathname;

/**
 * Calls the API.
 * @param {string} path relative to /api/
 * @param {{method?: string, body?: unknown, token?: string, key?: string, accept?: string}} [options]
 * @returns {Promise<any>}
 */
export async function call(path, options = {}) {
  /** @type {Record<string, string>} */
  // The server answers its words (errors' detail) in the page's language.
  const headers = { accept: options.accept ?? 'application/json', 'accept-language': language() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.key) headers['x-functions-key'] = options.key;
  const response = await fetch(apiBase + path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    if (type.includes('json')) {
      const problem = await response.json();
      throw new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? '');
    }
    throw new ApiError(response.status, response.statusText, await response.text());
  }
  return type.includes('json') ? response.json() : response.text();
}

/**
 * What a highlighted drawing explains: shared Morgan environments with a query, logP or TPSA
 * contributions, or structural alerts.
 * @typedef {{ kind: 'similarity', query: string } | { kind: 'logp' | 'tpsa' | 'alerts' | 'pains' }} Highlight
 */

/**
 * URL of a compound's drawing for the class's dataset version.
 * @param {string} compoundId
 * @param {number | undefined} version
 * @param {number} width image width in pixels (large molecules shrink to fit; small ones keep their bond length)
 * @param {number} height
 * @param {Highlight} [highlight] atoms to colour, with a legend in the drawing
 */
export function depictionUrl(compoundId, version, width, height, highlight) {
  const query = new URLSearchParams({ width: String(width), height: String(height) });
  if (version) query.set('version', String(version));
  if (highlight) {
    query.set('highlight', highlight.kind);
    if (highlight.kind === 'similarity') query.set('query', highlight.query);
    // The legend is drawn in the reader's language.
    if (language() !== 'en') query.set('lang', language());
  }
  return `${apiBase}compounds/${encodeURIComponent(compoundId)}/depiction.svg?${query}`;
}
