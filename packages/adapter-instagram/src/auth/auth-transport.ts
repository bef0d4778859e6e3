import type { Clock, TokenSet } from '@smmkit/core';
import {
  type ErrorClassifier,
  fetchSetting,
  type HttpClient,
  httpBaseUrlSetting,
  parseModel,
  positiveIntegerSetting,
  systemClock,
} from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { createInstagramHttpClient } from '../http-client.js';
import { TokenResponseSchema } from '../schemas.js';
import {
  GraphVersionSetting,
  INSTAGRAM_DEFAULTS,
  INSTAGRAM_HOSTS,
  type InstagramHost,
  type InstagramSettings,
} from '../settings.js';

/** A token call gets its own timeout: a shared refresh is never cancelled. */
const DEFAULT_TOKEN_TIMEOUT_MS = 15_000;

/** Transport shared by the auth helpers: the Graph host and version, `fetch`, timeout, clock. */
export interface InstagramAuthOptions extends Pick<InstagramSettings, 'graphVersion' | 'baseUrl' | 'fetch'> {
  /** Stops the call. */
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds before the call is abandoned; default 15 000. */
  readonly timeoutMs?: number | undefined;
  /** Time source for `expiresAt`; default the system clock. */
  readonly clock?: Clock | undefined;
}

/** The rules of the `fetch` and timeout every auth helper takes, with the adapter settings' pieces. */
export const AUTH_TRANSPORT_SHAPE = {
  timeoutMs: z._default(positiveIntegerSetting, DEFAULT_TOKEN_TIMEOUT_MS),
  fetch: z.optional(fetchSetting),
};

/** The rules of {@link InstagramAuthOptions}, in the order their problems are listed. */
const GraphAuthOptionsSchema = z.object({
  graphVersion: z._default(GraphVersionSetting, INSTAGRAM_DEFAULTS.graphVersion),
  baseUrl: z.optional(httpBaseUrlSetting(INSTAGRAM_HOSTS.facebook)),
  ...AUTH_TRANSPORT_SHAPE,
});

/**
 * Checks `options` as the adapter checks its settings (one `ValidationError` listing every bad
 * value) and gives back what a helper sends its requests with.
 *
 * @param schema - the rules of the transport options
 * @param options - the helper's options as given
 * @returns the checked options, defaults applied
 * @throws ValidationError when a transport option is invalid
 */
export function parseAuthOptions<S extends z.core.$ZodType>(schema: S, options: unknown): z.output<S> {
  return parseModel(schema, options, 'Instagram auth options', { platform: 'instagram' });
}

/**
 * A Graph client for the auth helpers on `host` (`baseUrl` replaces its origin), with the
 * version appended. `classifyError` replaces the Graph classifier (code exchanges).
 *
 * @param options - the helper's transport options
 * @param host - the host the helper's endpoint lives on
 * @param classifyError - a classifier for the endpoint's error bodies, when not Graph's
 * @returns the HTTP client
 * @throws ValidationError when a transport option is invalid
 */
export function graphAuthClient(
  options: InstagramAuthOptions,
  host: InstagramHost,
  classifyError?: ErrorClassifier,
): HttpClient {
  const transport = parseAuthOptions(GraphAuthOptionsSchema, options);
  return createInstagramHttpClient({
    baseUrl: `${transport.baseUrl ?? INSTAGRAM_HOSTS[host]}/${transport.graphVersion}`,
    fetch: transport.fetch,
    timeoutMs: transport.timeoutMs,
    classifyError,
  });
}

/** One `GET` to a token endpoint: where, what for, the query and the secrets in it. */
export interface TokenCall {
  /** The host the endpoint lives on. */
  readonly host: InstagramHost;
  /** Path under the versioned Graph URL (`/oauth/access_token`). */
  readonly path: string;
  /** What the call does, for error messages (`exchange for long-lived token`). */
  readonly operation: string;
  /** The query parameters, secrets included. */
  readonly query: Readonly<Record<string, string>>;
  /** Every secret in the query, kept out of every error. */
  readonly secrets: readonly string[];
  /** Whether the token is refreshed with itself (Instagram Login): then it is also the `refreshToken`. */
  readonly selfRefreshing: boolean;
  /** A classifier for the endpoint's error bodies, when not Graph's (code exchanges). */
  readonly classifyError?: ErrorClassifier | undefined;
}

/**
 * Sends a token call and reads Meta's token answer, `{access_token, token_type, expires_in}`,
 * into a token set: `expiresAt` from `expires_in` on the helper's clock.
 *
 * @param options - the helper's transport options, abort signal and clock
 * @param call - the endpoint, query, secrets and kind of token
 * @returns the token set
 * @throws ValidationError when a transport option is invalid
 */
export async function requestTokenSet(options: InstagramAuthOptions, call: TokenCall): Promise<TokenSet> {
  const { data } = await graphAuthClient(options, call.host, call.classifyError).request({
    method: 'GET',
    path: call.path,
    operation: call.operation,
    searchParams: call.query,
    schema: TokenResponseSchema,
    auth: false,
    signal: options.signal,
    secrets: call.secrets,
  });
  const clock = options.clock ?? systemClock;
  return {
    accessToken: data.access_token,
    ...(data.expires_in === undefined ? {} : { expiresAt: new Date(clock.now() + data.expires_in * 1000) }),
    ...(call.selfRefreshing ? { refreshToken: data.access_token } : {}),
  };
}
