import { createHttpClient, type HttpClient, type HttpSettings } from '@smmkit/core/adapter-kit';
import { classifyLinkedInError } from './classify-error.js';

/** What the LinkedIn HTTP client needs to know. */
export interface LinkedInHttpOptions extends HttpSettings {
  /** API origin (`https://api.linkedin.com`); request paths start with `/rest`. */
  readonly baseUrl: string;
  /** The `LinkedIn-Version` header (`YYYYMM`). */
  readonly version: string;
  /** How long a 429 pauses, when not until midnight UTC. */
  readonly throttleResetMs?: number | undefined;
}

/**
 * The headers every versioned call sends: `LinkedIn-Version` and `X-Restli-Protocol-Version:
 * 2.0.0` (https://learn.microsoft.com/en-us/linkedin/marketing/versioning;
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version).
 *
 * @param version - the `LinkedIn-Version` (`YYYYMM`)
 * @returns the two headers
 *
 * @example
 * ```ts
 * linkedInHeaders('202610'); // { 'LinkedIn-Version': '202610', 'X-Restli-Protocol-Version': '2.0.0' }
 * ```
 */
export function linkedInHeaders(version: string): Readonly<Record<string, string>> {
  return { 'LinkedIn-Version': version, 'X-Restli-Protocol-Version': '2.0.0' };
}

/**
 * The HTTP client every LinkedIn call goes through: core's client with LinkedIn's headers on
 * every request and LinkedIn's error classifier. LinkedIn sends no rate-limit headers, so there
 * is no parser: the daily budgets are declared in the capabilities instead. Tokens go in
 * `Authorization: Bearer`, core's default. Create one per adapter instance.
 *
 * @param options - base URL, version and transport settings
 * @returns the HTTP client
 *
 * @example
 * ```ts
 * const http = createLinkedInHttpClient({ baseUrl: 'https://api.linkedin.com', version: '202610' });
 * ```
 */
export function createLinkedInHttpClient(options: LinkedInHttpOptions): HttpClient {
  return createHttpClient({
    ...options,
    platform: 'linkedin',
    headers: linkedInHeaders(options.version),
    classifyError: classifyLinkedInError({
      version: options.version,
      throttleResetMs: options.throttleResetMs,
    }),
  });
}
