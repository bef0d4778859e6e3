import ky, { type KyInstance } from 'ky';
import { type core, safeParse } from 'zod/mini';
import type { RequestContext } from '../adapter/context.js';
import type { HttpSettings } from '../adapter/settings-schemas.js';
import { AbortedError } from '../errors/aborted-error.js';
import { AmbiguousOutcomeError } from '../errors/ambiguous-outcome-error.js';
import { AuthError } from '../errors/auth-error.js';
import { SmmkitError } from '../errors/smmkit-error.js';
import { TransientError } from '../errors/transient-error.js';
import type { RateLimitInfo } from '../models/rate-limit-info.js';
import { describeCallbackError, withUnprintedCause } from '../security/callback-error.js';
import { secretRedactor } from '../security/redact.js';
import { redactErrorText } from '../security/redact-error.js';
import { redactValue } from '../security/redact-value.js';
import { classifyByStatus } from './classify-by-status.js';
import type { ErrorClassifier, PlatformResponse, RateLimitParser } from './platform-response.js';
import { readBodyWithin } from './read-body.js';
import { requestSecrets } from './request-secrets.js';
import { parseRetryAfter } from './retry-after.js';
import { tokenRedactors } from './token-redactors.js';
import { transportError } from './transport-error.js';
import { timeoutWithUpload } from './upload-timeout.js';

/** Query or form values; `undefined` entries are left out, arrays repeat the key (`types[]=a&types[]=b`). */
export type QueryValues = Readonly<
  Record<string, string | number | boolean | readonly (string | number | boolean)[] | undefined>
>;

/** Where an access token goes on a request. The default is `Authorization: Bearer <token>`. */
export interface AuthPlacement {
  /** Headers that carry the token. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Query parameters that carry the token (Meta accepts `access_token`; headers are preferred). */
  readonly searchParams?: Readonly<Record<string, string>>;
}

/**
 * Settings of {@link createHttpClient}; one client per adapter instance. The `fetch` and
 * `timeoutMs` are the adapter's {@link HttpSettings}, so an adapter passes its resolved settings
 * as they are: `createHttpClient({ ...settings, platform: 'x', classifyError })`.
 */
export interface HttpClientOptions extends HttpSettings {
  /** Platform id, for errors. */
  readonly platform: string;
  /** Base URL that relative request paths are appended to (`https://api.x.com`). */
  readonly baseUrl: string;
  /** Headers sent with every request (`LinkedIn-Version`, a user agent). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The adapter's reading of its platform's error bodies; {@link classifyByStatus} is the fallback. */
  readonly classifyError?: ErrorClassifier | undefined;
  /** The adapter's reading of its platform's rate-limit headers. */
  readonly parseRateLimit?: RateLimitParser | undefined;
  /** Where the token goes; default `Authorization: Bearer <token>`. */
  readonly authorize?: ((token: string) => AuthPlacement) | undefined;
}

/** One request through {@link HttpClient.request}. */
export interface HttpRequest<T> {
  /** HTTP method. */
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A path relative to the base URL (`/2/tweets`), or an absolute URL (upload URLs handed out by platforms). */
  readonly path: string;
  /** What the request is for, in words, used in error messages (`create post`, `upload media chunk`). */
  readonly operation: string;
  /** Query parameters. */
  readonly searchParams?: QueryValues | undefined;
  /** A JSON body. */
  readonly json?: unknown;
  /** A form body, sent as `application/x-www-form-urlencoded`. */
  readonly form?: QueryValues | undefined;
  /** Any other body (multipart `FormData`, bytes). */
  readonly body?: BodyInit | undefined;
  /** Extra headers for this request. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /**
   * The schema a successful JSON body must match (zod or zod/mini); the parsed value is
   * `data`. Without one, the body is not read as JSON and `data` is `undefined`.
   */
  readonly schema?: core.$ZodType<T> | undefined;
  /** Tokens, abort signal, clock and the rate-limit listener of the calling operation. */
  readonly context?: RequestContext | undefined;
  /** An abort signal for requests made without a context (OAuth code exchange); the context's wins. */
  readonly signal?: AbortSignal | undefined;
  /** Send the context's access token (default `true` when there is a context). */
  readonly auth?: boolean | undefined;
  /**
   * The request creates something (a post, a comment, a container). When its response is lost
   * (timeout, dropped connection, 5xx, unreadable body) the outcome is ambiguous and the
   * request is never repeated: it fails with an {@link AmbiguousOutcomeError}.
   */
  readonly createsResource?: boolean | undefined;
  /**
   * Overrides the client's timeout for this request. Either one grows by a second per 125,000
   * bytes of a `body` whose size is known (bytes, a `Blob`, a `FormData`'s parts), room for a
   * 1 Mbit/s upload.
   */
  readonly timeoutMs?: number | undefined;
  /**
   * Further secrets in this request (client secret, refresh token) to keep out of error text, in
   * every encoding a platform may echo them in. The access token and the credentials of an
   * `Authorization` header set in `headers` are kept out without being listed.
   */
  readonly secrets?: readonly string[] | undefined;
}

/** A successful response. */
export interface HttpResponse<T> {
  /** The body parsed through the request's schema (`undefined` without one). */
  readonly data: T;
  /** HTTP status. */
  readonly status: number;
  /** Response headers (LinkedIn returns the new post's id in `x-restli-id`). */
  readonly headers: Headers;
  /** Rate-limit state the response reported. */
  readonly rateLimit: RateLimitInfo | undefined;
}

/** The HTTP helper adapters make every platform call through. */
export interface HttpClient {
  /**
   * Sends one request and returns its parsed body, or throws a typed {@link SmmkitError}.
   * Never retries, except once after an expired token has been refreshed (a 401 means the
   * platform did nothing). Retrying is the publisher's job.
   */
  request<T = undefined>(request: HttpRequest<T>): Promise<HttpResponse<T>>;
  /**
   * The access token for `context`, read as `request` reads it, for a request that must carry
   * the token its own way (an upload host that takes it in a header of its own; send it with
   * `auth: false` and the token in `secrets`). An abort is an `AbortedError`; anything else the
   * token provider throws becomes a retryable `TransientError` that says nothing was sent, its
   * message (which may quote a token) not copied and its cause left out of printing.
   */
  accessToken(context: RequestContext, operation: string): Promise<string>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Makes the HTTP helper an adapter sends every platform call through: base URL, auth header
 * from the token provider, timeout, JSON parsed through a schema, the adapter's error
 * classifier and rate-limit parser, one refresh after an expired token, redaction of tokens and
 * secrets from every error. Built on ky with its retries off.
 *
 * @example
 * ```ts
 * const http = createHttpClient({ platform: 'mastodon', baseUrl: 'https://mastodon.social' });
 * const { data } = await http.request({
 *   method: 'POST', path: '/api/v1/statuses', operation: 'create status',
 *   json: { status: 'Hello' }, schema: StatusSchema, context: ctx, createsResource: true,
 * });
 * ```
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const kyClient: KyInstance = ky.create({
    retry: 0,
    throwHttpErrors: false,
    timeout: timeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: { ...options.headers } } : {}),
  });
  const authorize =
    options.authorize ?? ((token: string) => ({ headers: { Authorization: `Bearer ${token}` } }));
  // Built once per token: compiling a token's echo pattern costs more than the rest of a request.
  const redactorOf = tokenRedactors();
  const classify = (response: PlatformResponse): SmmkitError =>
    options.classifyError?.(response) ?? classifyByStatus(response);

  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function send<T>(
    request: HttpRequest<T>,
    requestUrl: URL,
    token: string | undefined,
    signal: AbortSignal,
  ): Promise<Response> {
    const auth: AuthPlacement = token === undefined ? {} : authorize(token);
    // The token's own query parameters go on a copy: a refreshed token is sent with the same URL.
    const url =
      auth.searchParams === undefined ? requestUrl : withQuery(new URL(requestUrl), auth.searchParams);
    return kyClient(url, {
      method: request.method,
      headers: { ...request.headers, ...auth.headers },
      ...(request.json === undefined ? {} : { json: request.json }),
      ...(request.form === undefined ? {} : { body: toForm(request.form) }),
      ...(request.body === undefined ? {} : { body: request.body }),
      ...(request.timeoutMs === undefined && request.body === undefined
        ? {}
        : { timeout: timeoutWithUpload(request.timeoutMs ?? timeoutMs, request.body) }),
      signal,
    });
  }

  async function request<T>(request: HttpRequest<T>): Promise<HttpResponse<T>> {
    const { context } = request;
    const signal = context?.signal ?? request.signal;
    const abortable = (pending: Promise<string>) =>
      awaitToken(pending, { signal, platform: options.platform, operation: request.operation });
    const url = withQuery(resolveUrl(baseUrl, request.path), request.searchParams);
    const { pathname: path } = url;
    const createsResource = request.createsResource ?? false;
    const notSent = (): AbortedError =>
      new AbortedError(`${request.operation} was aborted before it was sent.`, {
        platform: options.platform,
      });
    if (signal?.aborted) throw notSent();
    const useAuth = request.auth ?? context !== undefined;
    let token = useAuth
      ? await abortable(tokenFrom(context, options.platform, request.operation))
      : undefined;
    let refreshed = false;

    for (;;) {
      // Aborted while the token was read or refreshed (a provider may finish without looking at
      // the signal): nothing is sent, so this is no ambiguous outcome. (A 401 answered the request
      // before a refresh: that one was not acted on either.)
      if (signal?.aborted) throw notSent();
      const secrets = requestSecrets(token, request.secrets, request.headers);
      let response: Response;
      let text: string;
      try {
        const reading = new AbortController();
        response = await send(
          request,
          url,
          token,
          signal === undefined ? reading.signal : AbortSignal.any([signal, reading.signal]),
        );
        text = await readBodyWithin(response, reading, request.timeoutMs ?? timeoutMs);
      } catch (error) {
        throw transportError(error, {
          platform: options.platform,
          operation: request.operation,
          method: request.method,
          path,
          createsResource,
          signal,
          // The fetch library's message quotes the whole URL, whose query may be a credential (an
          // upload URL's signature or token); smmkit's errors name the path only, so the cause may
          // not quote the query either.
          secrets: [...secrets, ...url.searchParams.values()],
        });
      }
      const now = context?.clock?.now() ?? Date.now();
      const rateLimit = options.parseRateLimit?.(response.headers, now, {
        method: request.method,
        path,
        operation: request.operation,
      });
      if (rateLimit) context?.onRateLimit?.(rateLimit);

      if (response.ok) {
        // A success can quote the token back (X's processing_info.error, a Graph container's
        // status text) and an adapter may copy that into an error, so the bearer token this
        // request sent is redacted from what it returns. Only that token: a token endpoint's
        // answer holds new credentials, which may equal the `secrets` it was sent.
        const body = token === undefined ? text : redactorOf(token)(text);
        const data = parseBody(body, request, {
          platform: options.platform,
          path,
          rateLimit,
          status: response.status,
        });
        return { data, status: response.status, headers: response.headers, rateLimit };
      }

      // Redacted after parsing too: JSON may escape a secret (`\u002d`) that the parsed strings hold in clear.
      const redact = secretRedactor(secrets);
      const classified = classify({
        platform: options.platform,
        operation: request.operation,
        method: request.method,
        path,
        status: response.status,
        headers: response.headers,
        body: redactValue(parseLoosely(redact(text)), redact),
        rateLimit,
        retryAt: parseRetryAfter(response.headers.get('retry-after'), now),
        receivedAt: now,
        createsResource,
      });
      // A classifier may also build text from what no redaction saw (a header, a value it decoded).
      const error = redactErrorText(classified, redact);

      const refresh = context?.tokens.refresh?.bind(context.tokens);
      const canRefresh = AuthError.isInstance(error) && error.code === 'auth_expired' && token !== undefined;
      if (canRefresh && refresh && !refreshed && isReplayable(request)) {
        refreshed = true;
        token = await abortable(refresh(token as string, { signal }));
        continue;
      }
      // Whatever the classifier made of it, a 5xx on a create may have been acted on.
      throw createsResource && response.status >= 500 && !AmbiguousOutcomeError.isInstance(error)
        ? new AmbiguousOutcomeError(`${error.message}; the platform may have acted on it.`, {
            platform: options.platform,
            status: error.status,
            rateLimit: error.rateLimit,
            platformError: error.platformError,
            operation: request.operation,
          })
        : error;
    }
  }

  async function accessToken(context: RequestContext, operation: string): Promise<string> {
    return awaitToken(tokenFrom(context, options.platform, operation), {
      signal: context.signal,
      platform: options.platform,
      operation,
    });
  }

  return { request, accessToken };
}

/**
 * Waiting for a token: an abort reaches the caller as an AbortedError, like any other abort,
 * and anything else the provider (or the app's `persist`/loader behind it) throws becomes a
 * retryable TransientError that says nothing was sent, so a create is never taken for
 * ambiguous because a database hiccupped before it. The provider's message is not copied (a
 * database error may quote a token); its error stays readable, unprinted, as `cause`.
 */
async function awaitToken(
  pending: Promise<string>,
  call: { readonly signal: AbortSignal | undefined; readonly platform: string; readonly operation: string },
): Promise<string> {
  try {
    return await pending;
  } catch (error) {
    if (SmmkitError.isInstance(error)) throw error;
    if (call.signal?.aborted) {
      throw new AbortedError(`${call.operation} was aborted while waiting for a token.`, {
        platform: call.platform,
      });
    }
    throw withUnprintedCause(
      new TransientError(
        'transient',
        `${call.operation} was not sent: the token provider failed (it threw ${describeCallbackError(error)}).`,
        {
          platform: call.platform,
          cause: error,
          hint: "Check the token store behind the TokenProvider (its error is this error's cause); retrying is safe, nothing reached the platform.",
        },
      ),
    );
  }
}

async function tokenFrom(
  context: RequestContext | undefined,
  platform: string,
  operation: string,
): Promise<string> {
  if (!context)
    throw new AuthError(
      'auth_invalid',
      `${operation} needs an access token, but no token provider was given.`,
      { platform },
    );
  return context.tokens.getAccessToken({ signal: context.signal });
}

interface BodyContext {
  readonly platform: string;
  readonly path: string;
  readonly status: number;
  readonly rateLimit: RateLimitInfo | undefined;
}

/** Parses a 2xx body through the request's schema; an unreadable body on a create is ambiguous. */
function parseBody<T>(text: string, request: HttpRequest<T>, body: BodyContext): T {
  if (request.schema === undefined) return undefined as T;
  let json: unknown;
  let problem: string | undefined;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    problem = 'the body is not valid JSON';
  }
  if (problem === undefined) {
    const result = safeParse(request.schema, json);
    if (result.success) return result.data;
    const paths = result.error.issues.map((issue) => issue.path.join('.') || '(root)');
    problem = `the body does not have the expected shape (at ${[...new Set(paths)].slice(0, 5).join(', ')})`;
  }
  const message = `${request.operation} (${request.method} ${body.path} → ${body.status}): ${problem}`;
  const options = { platform: body.platform, status: body.status, rateLimit: body.rateLimit };
  if (request.createsResource) {
    throw new AmbiguousOutcomeError(`${message}; the platform may have acted on it.`, {
      ...options,
      operation: request.operation,
    });
  }
  throw new TransientError('invalid_response', message, options);
}

function parseLoosely(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A streamed body is consumed by the first attempt and cannot be sent again after a refresh. */
function isReplayable(request: HttpRequest<unknown>): boolean {
  return !(request.body instanceof ReadableStream);
}

/** A request path against the base URL (given without trailing slashes); an absolute URL stays as it is. */
function resolveUrl(baseUrl: string, path: string): URL {
  return /^https?:\/\//i.test(path) ? new URL(path) : new URL(`${baseUrl}/${path.replace(/^\/+/, '')}`);
}

/** Adds query values to `url` (left untouched without any) and returns it. */
function withQuery(url: URL, values: QueryValues | undefined): URL {
  if (values !== undefined) appendValues(url.searchParams, values);
  return url;
}

function toForm(values: QueryValues): URLSearchParams {
  const form = new URLSearchParams();
  appendValues(form, values);
  return form;
}

function appendValues(params: URLSearchParams, values: QueryValues | undefined): void {
  for (const [key, value] of Object.entries(values ?? {})) {
    if (value === undefined) continue;
    params.delete(key);
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
}
