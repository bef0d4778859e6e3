import { PlatformSimulator, realClock } from '@smmkit/testkit';
import type { PlatformSimulatorOptions } from '@smmkit/testkit/simulator-kit';
import type { GraphPlatform } from '../platform.js';
import { graphDialect } from './dialect.js';
import { type FacebookLoginSimulator, registerFacebookLoginRoutes } from './facebook-login.js';
import { type GraphRoute, graphRoutes } from './route.js';
import { GRAPH_APP_BUDGET, type GraphUseCase } from './use-cases.js';

/** Settings of {@link createGraphSimulator}: a simulator's `clock` and `budgets`, and the platform's Graph host. */
export interface GraphSimulatorOptions extends Pick<PlatformSimulatorOptions, 'clock' | 'budgets'> {
  /** The platform the simulator stands for. */
  readonly platform: GraphPlatform;
  /** The Graph host (`https://graph.facebook.com`), without a version. */
  readonly baseUrl: string;
  /**
   * The Business Use Case its calls count against (unless `platformRateLimited` says the token
   * is held to the app budget instead): `GRAPH_USE_CASES.pages` or `GRAPH_USE_CASES.instagram`.
   * `budgets` (merged over `app` = {@link GRAPH_APP_BUDGET} and the use case's) may shrink either
   * to test throttling.
   */
  readonly useCase: GraphUseCase;
  /**
   * Whether calls with the token of `accountId` count against the Platform rate limit (the `app`
   * budget, code 4, `X-App-Usage`) instead of the Business Use Case's. Pages API calls with a user
   * or app token do; calls with a Page or system user token, and every Instagram Platform call,
   * count against the Business Use Case only: "If both Platform and Business Use Case rate limits
   * can be applied to a request, BUC rate limits will be applied"
   * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting). Default: no account.
   */
  readonly platformRateLimited?: ((accountId: string) => boolean) | undefined;
}

/** A Graph simulator base: testkit's simulator with the Graph dialect, a way to declare routes, and Facebook Login. */
export interface GraphSimulator extends FacebookLoginSimulator {
  /** The simulator: accounts, tokens, posts, engagements, faults, log, limiter. */
  readonly sim: PlatformSimulator;
  /** Declares a Graph route on `sim` (version check, parameters, token, budgets, usage headers). */
  readonly route: GraphRoute;
}

/**
 * The base of a Graph platform's simulator: testkit's `PlatformSimulator` speaking the Graph
 * dialect (error bodies, 190 token errors, code 2 for 5xx), with the app (Platform) and Business
 * Use Case budgets, a `route` that declares Graph routes — any `/vNN.N/` version, parameters from the
 * query, a form or JSON, the token from a header, the query or the body, usage headers on every
 * answer, throttling with code 4 or the use case's code
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting) — and Facebook Login's
 * token routes with a consent screen
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow). The
 * platform adds its own routes with `route`; paging, parameters and errors have helpers here too.
 *
 * @example
 * ```ts
 * const graph = createGraphSimulator({ platform: 'facebook', baseUrl: 'https://graph.facebook.com', useCase: GRAPH_USE_CASES.pages, clock });
 * graph.route('GET', '/:version/:id', {}, ({ path, params }) => {
 *   const post = graph.sim.posts.get(path.id ?? '');
 *   return post === undefined ? unsupportedRequest('GET', path.id ?? '') : Response.json(pick({ id: post.id, message: post.text }, fieldNames(params.get('fields'))));
 * });
 * const running = startSimulators(graph.sim);
 * ```
 */
export function createGraphSimulator(options: GraphSimulatorOptions): GraphSimulator {
  const clock = options.clock ?? realClock;
  const sim = new PlatformSimulator({
    platform: options.platform,
    baseUrl: options.baseUrl,
    dialect: graphDialect(clock),
    budgets: { app: GRAPH_APP_BUDGET, [options.useCase.type]: options.useCase.budget, ...options.budgets },
    clock,
  });
  const route = graphRoutes(sim, options.useCase, options.platformRateLimited ?? (() => false));
  // First, so the platform's `/:version/:id` routes cannot shadow `/:version/oauth/access_token`.
  const login = registerFacebookLoginRoutes(sim, route);
  return { sim, route, consent: login.consent, redeemCode: login.redeemCode };
}
