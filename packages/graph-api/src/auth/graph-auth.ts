import type { TokenSet } from '@smmkit/core';
import type { ErrorClassifier, HttpClient, TokenEndpointOptions } from '@smmkit/core/adapter-kit';
import {
  DEFAULT_TOKEN_TIMEOUT_MS,
  fetchSetting,
  httpBaseUrlSetting,
  parseModel,
  positiveIntegerSetting,
  systemClock,
  tokenSetFromResponse,
} from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { createGraphHttpClient } from '../graph-http-client.js';
import { GRAPH_API_ORIGIN, GRAPH_API_VERSION, GraphVersionSetting } from '../graph-version.js';
import { type GraphPlatform, platformName } from '../platform.js';
import { TokenResponseSchema } from '../schemas.js';

/**
 * The transport every Graph auth helper takes: host and version, and the kit's token-call
 * transport (`fetch`, timeout default 15 000, abort signal, clock for `expiresAt`).
 */
export interface GraphAuthOptions extends TokenEndpointOptions {
  /** Graph API version, `vNN.N`; default `v26.0` (`GRAPH_API_VERSION`). */
  readonly graphVersion?: string | undefined;
  /** Replaces the host's origin (simulators, proxies); the version is still appended to it. */
  readonly baseUrl?: string | undefined;
}

/**
 * The rules of the `timeoutMs` (default 15 000) and `fetch` every auth helper takes, for helpers
 * whose endpoint is not a Graph host (Instagram Login's code exchange) to put in their own schema.
 *
 * @example
 * ```ts
 * const Transport = z.object({ tokenUrl: httpBaseUrlSetting(TOKEN_URL, 'settings.token_url'), ...graphAuthTransportShape });
 * ```
 */
export const graphAuthTransportShape = {
  /** Milliseconds before a token call is abandoned. */
  timeoutMs: z._default(positiveIntegerSetting, DEFAULT_TOKEN_TIMEOUT_MS),
  /** A `fetch` to use instead of the global one. */
  fetch: z.optional(fetchSetting),
};

/** The rules of {@link GraphAuthOptions}, in the order their problems are listed. */
const GraphAuthOptionsSchema = z.object({
  graphVersion: z._default(GraphVersionSetting, GRAPH_API_VERSION),
  baseUrl: z.optional(httpBaseUrlSetting(GRAPH_API_ORIGIN)),
  ...graphAuthTransportShape,
});

/** Where an auth helper's calls go, and how their errors read. */
export interface GraphAuthTarget {
  /** The platform errors and problems are reported for. */
  readonly platform: GraphPlatform;
  /** The host (`https://graph.instagram.com`); default {@link GRAPH_API_ORIGIN}. `baseUrl` replaces it. */
  readonly origin?: string | undefined;
  /** A classifier for the endpoint's error bodies, when not the Graph-wide one (code exchanges). */
  readonly classifyError?: ErrorClassifier | undefined;
}

/**
 * Checks an auth helper's transport options as an adapter checks its settings (one
 * `ValidationError` listing every bad value, before any request) and gives back a Graph client
 * on the target's host (or `baseUrl`) with the version appended.
 *
 * @param options - the helper's transport options
 * @param target - platform, host and classifier
 * @returns the HTTP client; requests carry their token themselves (`auth: false`)
 * @throws ValidationError when a transport option is invalid
 *
 * @example
 * ```ts
 * const http = graphAuthClient(options, { platform: 'facebook' });
 * const { data } = await http.request({ method: 'GET', path: '/me/accounts', operation: 'list Pages', auth: false, headers, schema });
 * ```
 */
export function graphAuthClient(options: GraphAuthOptions, target: GraphAuthTarget): HttpClient {
  const transport = parseModel(
    GraphAuthOptionsSchema,
    options,
    `${platformName(target.platform)} auth options`,
    {
      platform: target.platform,
    },
  );
  return createGraphHttpClient({
    platform: target.platform,
    baseUrl: `${transport.baseUrl ?? target.origin ?? GRAPH_API_ORIGIN}/${transport.graphVersion}`,
    fetch: transport.fetch,
    timeoutMs: transport.timeoutMs,
    classifyError: target.classifyError,
  });
}

/** One `GET` to a Graph token endpoint: where, what for, the query and the secrets in it. */
export interface GraphTokenRequest extends GraphAuthTarget {
  /** Path under the versioned Graph URL (`/oauth/access_token`). */
  readonly path: string;
  /** What the call does, for error messages (`exchange for long-lived token`). */
  readonly operation: string;
  /** The query parameters, secrets included. */
  readonly query: Readonly<Record<string, string>>;
  /** Every secret in the query, kept out of every error. */
  readonly secrets: readonly string[];
}

/**
 * Sends a token call and reads Meta's token answer, `{access_token, token_type, expires_in}`
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived), into
 * a token set: `expiresAt` from `expires_in` on the helper's clock; no refresh token.
 *
 * @param options - the helper's transport options, abort signal and clock
 * @param request - platform, host, path, query and secrets
 * @returns the token set
 * @throws ValidationError when a transport option is invalid
 *
 * @example
 * ```ts
 * const tokens = await requestGraphToken(options, {
 *   platform: 'instagram', origin: 'https://graph.instagram.com', path: '/refresh_access_token',
 *   operation: 'refresh Instagram token', query: { grant_type: 'ig_refresh_token', access_token }, secrets: [access_token],
 * });
 * ```
 */
export async function requestGraphToken(
  options: GraphAuthOptions,
  request: GraphTokenRequest,
): Promise<TokenSet> {
  const { data } = await graphAuthClient(options, request).request({
    method: 'GET',
    path: request.path,
    operation: request.operation,
    searchParams: request.query,
    schema: TokenResponseSchema,
    auth: false,
    signal: options.signal,
    secrets: request.secrets,
  });
  // Only the token and its lifetime: Meta's answer has no refresh token, and its other fields are not read.
  return tokenSetFromResponse(
    { access_token: data.access_token, expires_in: data.expires_in },
    (options.clock ?? systemClock).now(),
  );
}
