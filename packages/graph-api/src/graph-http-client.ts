import { createHttpClient, type ErrorClassifier, type HttpClient } from '@smmkit/core/adapter-kit';
import { classifyGraphError } from './classify-graph-error.js';
import { parseGraphUsage } from './parse-graph-usage.js';
import type { GraphPlatform } from './platform.js';

/** What {@link createGraphHttpClient} needs. */
export interface GraphHttpOptions {
  /** The platform errors are stamped with. */
  readonly platform: GraphPlatform;
  /** Origin and version (`https://graph.facebook.com/v26.0`); relative paths go under it. */
  readonly baseUrl: string;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Request timeout in milliseconds (core's default when left out). */
  readonly timeoutMs?: number | undefined;
  /** The platform's classifier (`classifyGraphError(override)`); default the Graph-wide one. */
  readonly classifyError?: ErrorClassifier | undefined;
}

/** The Graph-wide classifier, made once. */
const classifyGraphWide = classifyGraphError();

/**
 * The HTTP client Graph calls go through: core's client with a Graph error classifier and the
 * usage-header parser {@link parseGraphUsage}. The token goes in `Authorization: Bearer`, core's
 * default: Meta takes `access_token` in the query or body or a Bearer header
 * (https://developers.facebook.com/docs/graph-api/overview), and the header keeps it out of URLs
 * and logs. Make one per adapter instance.
 *
 * @param options - platform, base URL, transport and classifier
 * @returns the HTTP client
 *
 * @example
 * ```ts
 * const http = createGraphHttpClient({ platform: 'facebook', baseUrl: 'https://graph.facebook.com/v26.0' });
 * const { data } = await http.request({ method: 'GET', path: `/${pageId}`, operation: 'read Page', context });
 * ```
 */
export function createGraphHttpClient(options: GraphHttpOptions): HttpClient {
  return createHttpClient({
    platform: options.platform,
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    classifyError: options.classifyError ?? classifyGraphWide,
    parseRateLimit: parseGraphUsage,
  });
}
