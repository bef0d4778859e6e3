import type { core } from 'zod/mini';
import type { HttpSettings } from '../adapter/settings-schemas.js';
import { TransientError } from '../errors/transient-error.js';
import type { HttpClient, HttpResponse } from '../http/http-client.js';
import { type Clock, systemClock } from '../time/clock.js';
import { type OAuthTokenResponse, tokenSetFromResponse } from './oauth2.js';
import type { TokenSet } from './token-provider.js';

/**
 * The transport and clock of a token-endpoint call, which each platform's token options extend
 * with its app's credentials under the platform's own names (`clientId`, TikTok's `clientKey`,
 * Meta's `appId`) and where its endpoint is.
 *
 * @example
 * ```ts
 * export interface MastodonTokenEndpointOptions extends TokenEndpointOptions {
 *   readonly instanceUrl: string;
 *   readonly clientId: string;
 *   readonly clientSecret: string;
 * }
 * ```
 */
export interface TokenEndpointOptions extends HttpSettings {
  /** Milliseconds before the call is abandoned; default 15 000 (`DEFAULT_TOKEN_TIMEOUT_MS`). */
  readonly timeoutMs?: number | undefined;
  /** Stops the call. */
  readonly signal?: AbortSignal | undefined;
  /** Time source for the expiry instants; default the system clock. */
  readonly clock?: Clock | undefined;
}

/**
 * How long a token call may take by default, in milliseconds. A token call gets its own timeout
 * rather than the publish call's: a shared refresh is never cancelled by one caller (docs/tokens.md).
 */
export const DEFAULT_TOKEN_TIMEOUT_MS = 15_000;

/**
 * A grant sent to a token endpoint: its form fields, the secrets among them, and the operation
 * errors name.
 */
export interface OAuthGrant {
  /** What the call does, for error messages (`exchange authorization code`). */
  readonly operation: string;
  /** The grant's form fields (`grant_type` and what that grant type takes). */
  readonly form: Readonly<Record<string, string>>;
  /** Every secret in `form`, kept out of every error. */
  readonly secrets: readonly string[];
}

/** What {@link authorizationCodeGrant} sends. */
export interface AuthorizationCodeGrantRequest {
  /** The `code` of the redirect. */
  readonly code: string;
  /** The redirect URI the authorization URL was built with. */
  readonly redirectUri: string;
  /** The PKCE verifier, when the authorization URL had a challenge. */
  readonly codeVerifier?: string | undefined;
}

/**
 * The authorization code grant (https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3):
 * `grant_type=authorization_code`, `code`, `redirect_uri`, and with PKCE `code_verifier`
 * (https://www.rfc-editor.org/rfc/rfc7636#section-4.5). The code and the verifier are its secrets.
 *
 * @param request - the code, redirect URI and PKCE verifier
 * @returns the grant, operation `exchange authorization code`
 *
 * @example
 * ```ts
 * requestTokenSet(options, { ...endpoint, grant: authorizationCodeGrant({ code, redirectUri, codeVerifier }) });
 * ```
 */
export function authorizationCodeGrant(request: AuthorizationCodeGrantRequest): OAuthGrant {
  const verifier = request.codeVerifier;
  return {
    operation: 'exchange authorization code',
    form: {
      grant_type: 'authorization_code',
      code: request.code,
      redirect_uri: request.redirectUri,
      ...(verifier === undefined ? {} : { code_verifier: verifier }),
    },
    secrets: verifier === undefined ? [request.code] : [request.code, verifier],
  };
}

/**
 * The refresh grant (https://www.rfc-editor.org/rfc/rfc6749#section-6):
 * `grant_type=refresh_token` and the `refresh_token`, its secret.
 *
 * @param refreshToken - the current refresh token
 * @returns the grant, operation `refresh access token`
 *
 * @example
 * ```ts
 * requestTokenSet(options, { ...endpoint, grant: refreshTokenGrant(refreshToken) });
 * ```
 */
export function refreshTokenGrant(refreshToken: string): OAuthGrant {
  return {
    operation: 'refresh access token',
    form: { grant_type: 'refresh_token', refresh_token: refreshToken },
    secrets: [refreshToken],
  };
}

/**
 * The token options of a confidential client posting its secret to a token endpoint at a URL
 * (https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1): the secret, the endpoint when not the
 * platform's, and the transport. A platform's options add the client id under its own name.
 *
 * @example
 * ```ts
 * export interface TikTokTokenEndpointOptions extends ConfidentialClientTokenOptions {
 *   readonly clientKey: string;
 * }
 * ```
 */
export interface ConfidentialClientTokenOptions extends TokenEndpointOptions {
  /** The app's client secret; kept out of every error. */
  readonly clientSecret: string;
  /** The token endpoint, when not the platform's (tests point it at a simulator). */
  readonly tokenUrl?: string | undefined;
}

/**
 * How an app authenticates at a token endpoint
 * (https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1): its form fields (`client_id` and
 * `client_secret`, TikTok's `client_key`), any headers (HTTP Basic), and the secrets among them.
 */
export interface OAuthClientAuthentication {
  /** The client's form fields, sent after the grant's. */
  readonly form: Readonly<Record<string, string>>;
  /** Headers, such as `Authorization: Basic …`. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The client secret and anything made from it; `undefined` and empty entries are ignored. */
  readonly secrets: readonly (string | undefined)[];
}

/** Where the transport settings of {@link TokenEndpointRequest.createClient} come from. */
export interface TokenEndpointTransport {
  /** The token endpoint's origin. */
  readonly baseUrl: string;
  /** The caller's `fetch`. */
  readonly fetch: typeof globalThis.fetch | undefined;
  /** The caller's timeout, or {@link DEFAULT_TOKEN_TIMEOUT_MS}. */
  readonly timeoutMs: number;
}

/** One form `POST` to a token endpoint: where, with what client and grant, read with what schema. */
export interface TokenEndpointRequest<T> {
  /** The token endpoint's URL; the client is made on its origin and posts to its path. */
  readonly tokenUrl: string;
  /** Makes the platform's HTTP client (its error classifier, headers) for the transport given. */
  readonly createClient: (transport: TokenEndpointTransport) => HttpClient;
  /** How the app authenticates. */
  readonly client: OAuthClientAuthentication;
  /** The grant. */
  readonly grant: OAuthGrant;
  /** The schema of the endpoint's answer. */
  readonly schema: core.$ZodType<T>;
}

/** A token endpoint's answer, with the secrets of the request for redacting what the caller reads. */
export interface TokenEndpointResponse<T> extends HttpResponse<T> {
  /** Every secret the request held (client's and grant's), non-empty. */
  readonly secrets: readonly string[];
}

/**
 * Posts a grant to a token endpoint, form-encoded, without a user token (`auth: false`): the
 * client's HTTP client on the endpoint's origin with the caller's `fetch` and timeout (default
 * {@link DEFAULT_TOKEN_TIMEOUT_MS}), the grant's fields then the client's, the client's headers,
 * the caller's abort signal, and every secret of both kept out of every error. For a platform that
 * reads its answer its own way (OAuth errors in 2xx answers); {@link requestTokenSet} reads a
 * standard one.
 *
 * @param options - the caller's transport and abort signal
 * @param request - endpoint, client factory, client authentication, grant and answer schema
 * @returns the parsed answer, its status and headers, and the request's secrets
 *
 * @example
 * ```ts
 * const { data, secrets } = await postTokenRequest(options, {
 *   tokenUrl, createClient: createTikTokHttpClient, schema: TokenAnswerSchema, grant: refreshTokenGrant(refreshToken),
 *   client: { form: { client_key: clientKey, client_secret: clientSecret }, secrets: [clientSecret] },
 * });
 * ```
 */
export async function postTokenRequest<T>(
  options: TokenEndpointOptions,
  request: TokenEndpointRequest<T>,
): Promise<TokenEndpointResponse<T>> {
  const tokenUrl = new URL(request.tokenUrl);
  const http = request.createClient({
    baseUrl: tokenUrl.origin,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS,
  });
  const secrets = [...request.client.secrets, ...request.grant.secrets].filter(
    (secret): secret is string => secret !== undefined && secret !== '',
  );
  try {
    const response = await http.request({
      method: 'POST',
      path: tokenUrl.pathname,
      operation: request.grant.operation,
      form: { ...request.grant.form, ...request.client.form },
      headers: request.client.headers,
      schema: request.schema,
      auth: false,
      signal: options.signal,
      secrets,
    });
    return { ...response, secrets };
  } catch (error) {
    throw withTokenEndpointHint(error);
  }
}

/**
 * A token endpoint that answered with a body it could not read, or that did not answer in time,
 * may have acted all the same: a refresh token is single-use where the platform rotates them
 * (X, TikTok), and an authorization code always is. The retry stays allowed (it succeeds where
 * nothing happened, and where something did the old token or code is refused either way), but
 * the hint no longer says the platform did not act.
 */
function withTokenEndpointHint(error: unknown): unknown {
  if (!TransientError.isInstance(error) || (error.code !== 'invalid_response' && error.code !== 'timeout')) {
    return error;
  }
  const rephrased = new TransientError(error.code, error.message, {
    platform: error.platform,
    status: error.status,
    rateLimit: error.rateLimit,
    platformError: error.platformError,
    retryAt: error.retryAt,
    cause: error.cause,
    hint: 'Try again: the token endpoint may have acted on the request anyway. If the platform rotates refresh tokens (or the grant was an authorization code), the one sent may be spent, and the retry is then refused: ask the user to re-authorize.',
  });
  // How the error prints (withUnprintedCause keeps a cause out of logs) goes with it.
  const inspect = Object.getOwnPropertyDescriptor(error, INSPECT);
  if (inspect !== undefined) Object.defineProperty(rephrased, INSPECT, inspect);
  return rephrased;
}

/** Node's `util.inspect.custom`, by its registry name. */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Posts a grant to a token endpoint ({@link postTokenRequest}) and reads its standard answer
 * (https://www.rfc-editor.org/rfc/rfc6749#section-5.1) into a token set
 * ({@link tokenSetFromResponse}), the expiry instants counted from when it arrived on the
 * caller's clock (default the system clock).
 *
 * @param options - the caller's transport, abort signal and clock
 * @param request - endpoint, client factory, client authentication, grant and answer schema
 * @returns the token set
 *
 * @example
 * ```ts
 * const tokens = await requestTokenSet(options, {
 *   tokenUrl: options.tokenUrl ?? LINKEDIN_TOKEN_URL, createClient, schema: TokenResponseSchema,
 *   grant: refreshTokenGrant(options.refreshToken),
 *   client: { form: { client_id: options.clientId, client_secret: options.clientSecret }, secrets: [options.clientSecret] },
 * });
 * ```
 */
export async function requestTokenSet<T extends OAuthTokenResponse>(
  options: TokenEndpointOptions,
  request: TokenEndpointRequest<T>,
): Promise<TokenSet> {
  const { data } = await postTokenRequest(options, request);
  return tokenSetFromResponse(data, (options.clock ?? systemClock).now());
}
