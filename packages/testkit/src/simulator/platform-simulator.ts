import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import { FaultInjector, type FaultKind } from './fault-injector.js';
import type { PlatformDialect } from './platform-dialect.js';
import { type RateBudgetRule, type RateDecision, RateLimiter } from './rate-limiter.js';
import { type LoggedRequest, RequestLog } from './request-log.js';
import type { SimClock } from './sim-clock.js';
import { SimulatorState } from './simulator-state.js';
import { withHeaders } from './with-headers.js';

/** HTTP methods a route can answer. */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Settings of {@link PlatformSimulator}. */
export interface PlatformSimulatorOptions {
  /** Platform id (`mastodon`, `x`, …). */
  readonly platform: string;
  /** The platform's base URL; routes are declared relative to it. */
  readonly baseUrl: string;
  /** How the platform says things (auth failures, 429s, 5xx, rate-limit headers). */
  readonly dialect: PlatformDialect;
  /** Budgets per endpoint bucket. */
  readonly budgets?: Readonly<Record<string, RateBudgetRule>> | undefined;
  /** Simulated time (default: `Date.now()`, so fake timers apply). */
  readonly clock?: SimClock | undefined;
  /** Start of every token issued, so leaked tokens are easy to find (default `sim_<platform>`). */
  readonly tokenPrefix?: string | undefined;
  /**
   * What a rate-limit window is counted per: `token` (X counts per user access token, so two
   * apps of one user have separate windows) or `account` (Mastodon counts per account). Default `account`.
   */
  readonly rateLimitKey?: 'token' | 'account' | undefined;
}

/** Options of one route. */
export interface RouteOptions {
  /**
   * The rate-limit bucket requests count against, or several in order (a 15-minute window and a
   * daily cap, say): each counts the request until one refuses it, whose 429 is the answer, and
   * every window counted puts its headers on the answer. None when absent (an injected
   * `rate_limit` then closes the route alone until its reset).
   */
  readonly bucket?: string | readonly string[] | undefined;
  /** Whether the route needs a valid token (default true). */
  readonly auth?: boolean | undefined;
}

/** What a route's resolver receives. */
export interface RouteContext {
  /** The request (its body is unread). */
  readonly request: Request;
  /** Its parsed URL. */
  readonly url: URL;
  /** Path parameters (`:id`). */
  readonly params: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The account the token belongs to (`''` on routes without auth). */
  readonly accountId: string;
  /** The scopes the token was granted (none on routes without auth, or for a token issued without scopes). */
  readonly scopes: readonly string[];
  /** Simulated now. */
  readonly now: number;
}

/**
 * A route's handler: the platform's behaviour once auth, limits and faults have let the request through.
 * It may throw a `Response` instead of returning it (a refusal found by a reader deep in it): a thrown
 * `Response` is the answer, like a returned one.
 */
export type RouteResolver = (context: RouteContext) => Response | Promise<Response>;

/**
 * A simulated platform: the state of {@link SimulatorState} (accounts, tokens, posts, media,
 * engagement) plus rate-limit windows, fault injection and a request log, exposed as MSW handlers. Platform mocks declare their
 * endpoints with {@link PlatformSimulator.route} and describe the platform's error shapes in a
 * {@link PlatformDialect}; every route then gets logging, faults, token checks and rate limits
 * for free.
 *
 * @example
 * ```ts
 * const sim = new PlatformSimulator({ platform: 'acme', baseUrl: 'https://api.acme.test', dialect });
 * sim.route('POST', '/posts', { bucket: 'publish' }, async ({ request, accountId, now }) => {
 *   const body = (await request.json()) as { text: string };
 *   const post = sim.addPost({ accountId, text: body.text, createdAt: now });
 *   return Response.json({ id: post.id }, { status: 201 });
 * });
 * const server = startSimulators(sim);
 * ```
 */
export class PlatformSimulator extends SimulatorState {
  /** Base URL. */
  readonly baseUrl: string;
  /** Rate-limit windows. */
  readonly limiter: RateLimiter;
  /** Fault injection. */
  readonly faults = new FaultInjector();
  /** Every request received. */
  readonly log = new RequestLog();

  readonly #dialect: PlatformDialect;
  readonly #handlers: HttpHandler[] = [];
  readonly #rateLimitKey: 'token' | 'account';

  /** @param options - see {@link PlatformSimulatorOptions} */
  constructor(options: PlatformSimulatorOptions) {
    super(options.platform, options.clock, options.tokenPrefix);
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.limiter = new RateLimiter(this.clock, options.budgets);
    this.#dialect = options.dialect;
    this.#rateLimitKey = options.rateLimitKey ?? 'account';
  }

  /** The MSW handlers of every declared route; pass them to `setupServer` or {@link startSimulators}. */
  get handlers(): readonly HttpHandler[] {
    return this.#handlers;
  }

  /**
   * Declares an endpoint. Each request to it is logged, may get an injected fault, must carry a
   * valid token (unless `auth: false`), counts against its bucket's window, and only then reaches
   * `resolver`. Limited responses carry the dialect's rate-limit headers.
   */
  route(method: RouteMethod, path: string, options: RouteOptions, resolver: RouteResolver): HttpHandler {
    const name = `${method} ${path}`;
    const url = `${this.baseUrl}${path}`;
    const handler = httpMethod(method)(url, async ({ request, params }) => {
      const entry = await this.log.record(request, name);
      const response = await this.#answer(name, request, params, options, resolver, entry);
      entry.status = response.type === 'error' ? undefined : response.status;
      return response;
    });
    this.#handlers.push(handler);
    return handler;
  }

  /**
   * Empties posts, media, engagement and the stores made {@link SimulatorState.resettable} (the
   * platform's own memory), rate-limit windows (budgets go back to those given at construction),
   * faults and the log. Accounts and tokens stay valid: revocations, `tokens.expire` and used
   * refresh tokens are undone.
   */
  override reset(): void {
    super.reset();
    this.limiter.reset();
    this.faults.reset();
    this.log.clear();
  }

  async #answer(
    name: string,
    request: Request,
    params: RouteContext['params'],
    options: RouteOptions,
    resolver: RouteResolver,
    entry: LoggedRequest,
  ): Promise<Response> {
    const dialect = this.#dialect;
    const url = new URL(request.url);
    const token = dialect.extractToken(request, url);
    const fault = this.faults.draw(name);
    entry.fault = fault;
    const before = fault === undefined ? undefined : this.#faultBeforeHandling(fault, name, options, token);
    if (before !== undefined) return before;

    let accountId = '';
    let scopes: readonly string[] = [];
    if (options.auth !== false) {
      const check = this.tokens.check(token);
      if (check.status !== 'valid') return dialect.unauthorized(check.status);
      accountId = check.accountId;
      scopes = check.scopes;
      entry.accountId = accountId;
    }
    const limitKey = this.#limitKey(token, options);
    const decisions: RateDecision[] = [];
    for (const bucket of limitBucketsOf(options, name)) {
      const decision = this.limiter.take(limitKey, bucket);
      if (decision === undefined) continue;
      decisions.push(decision);
      if (!decision.allowed)
        return withHeaders(dialect.rateLimited(decision.window), this.#limitHeaders(decisions));
    }

    let response: Response;
    try {
      response = await resolver({ request, url, params, accountId, scopes, now: this.clock.now() });
    } catch (refusal) {
      // A thrown Response is the answer (see RouteResolver).
      if (!(refusal instanceof Response)) throw refusal;
      response = refusal;
    }
    if (fault === 'accepted_then_lost') return HttpResponse.error();
    if (fault === 'accepted_then_server_error') return dialect.serverError();
    if (fault === 'accepted_then_timeout') {
      await delay('infinite');
    }
    if (fault === 'malformed_body') {
      return new Response('{"id": "', {
        status: response.status,
        headers: { 'content-type': 'application/json' },
      });
    }
    return withHeaders(response, this.#limitHeaders(decisions));
  }

  /**
   * The key a request's rate-limit windows are counted under: its token, or the account the token
   * belongs to on routes that check tokens, or `anonymous`.
   */
  #limitKey(token: string | undefined, options: RouteOptions): string {
    if (this.#rateLimitKey === 'token') return token || 'anonymous';
    if (options.auth === false) return 'anonymous';
    const check = this.tokens.check(token);
    return ('accountId' in check ? check.accountId : '') || 'anonymous';
  }

  /** Faults that stop a request before the platform acts on it. */
  #faultBeforeHandling(
    fault: FaultKind,
    name: string,
    options: RouteOptions,
    token: string | undefined,
  ): Response | undefined {
    const dialect = this.#dialect;
    switch (fault) {
      case 'network_error':
        return HttpResponse.error();
      case 'server_error':
        return dialect.serverError();
      case 'expired_token':
        return dialect.unauthorized('expired');
      case 'revoked_token':
        return dialect.unauthorized('revoked');
      case 'rate_limit': {
        const now = this.clock.now();
        const window = {
          bucket: limitBucketsOf(options, name)[0] ?? name,
          limit: 1,
          remaining: 0,
          resetAt: now + 60_000,
        };
        // The platform keeps the reset it announced: until then, the bucket refuses this caller.
        this.limiter.refuse(this.#limitKey(token, options), window);
        return withHeaders(dialect.rateLimited(window), dialect.rateLimitHeaders?.(window) ?? {});
      }
      default:
        return undefined;
    }
  }

  /** The dialect's headers of every window counted, merged (later windows' names win). */
  #limitHeaders(decisions: readonly RateDecision[]): Readonly<Record<string, string>> {
    return Object.assign(
      {},
      ...decisions.map(({ window }) => this.#dialect.rateLimitHeaders?.(window) ?? {}),
    );
  }
}

/**
 * A route's buckets, in the order it counts against them; a route without one is its own bucket
 * (`name`), which no budget limits but an injected 429 can close.
 */
function limitBucketsOf(options: RouteOptions, name: string): readonly string[] {
  const { bucket } = options;
  const buckets = bucket === undefined ? [] : typeof bucket === 'string' ? [bucket] : bucket;
  return buckets.length > 0 ? buckets : [name];
}

function httpMethod(method: RouteMethod) {
  switch (method) {
    case 'GET':
      return http.get;
    case 'POST':
      return http.post;
    case 'PUT':
      return http.put;
    case 'PATCH':
      return http.patch;
    case 'DELETE':
      return http.delete;
  }
}
