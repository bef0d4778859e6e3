import type { RateBudgetRule } from '@smmkit/testkit/simulator-kit';
import { graphError } from './errors.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The Platform rate limit reported in `X-App-Usage`: "200 × users per hour"
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting), for the calls a
 * simulator's `platformRateLimited` picks (user tokens on the Pages API; Page tokens and Instagram
 * calls count against their Business Use Case instead). The simulator counts it per account, so
 * 200 calls per hour per account (ASSUMED: one user each), over "a rolling one hour window" as
 * the page says.
 *
 * @example
 * ```ts
 * createGraphSimulator({ platform: 'facebook', baseUrl, useCase: GRAPH_USE_CASES.pages, budgets: { app: { ...GRAPH_APP_BUDGET, limit: 4 } } });
 * ```
 */
export const GRAPH_APP_BUDGET: RateBudgetRule = { limit: 200, windowMs: HOUR_MS, kind: 'sliding' };

/** A Business Use Case: its budget, how `X-Business-Use-Case-Usage` names it, and its throttling error. */
export interface GraphUseCase {
  /** `type` in `X-Business-Use-Case-Usage`, and the simulator's name for the budget (a key of `budgets`). */
  readonly type: string;
  /** Calls per window for each account. */
  readonly budget: RateBudgetRule;
  /** Graph `code` of the throttling error. */
  readonly code: number;
  /** `message` of the throttling error. */
  readonly message: string;
}

/**
 * The Business Use Cases of the Graph platforms
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting; throttling codes
 * 80000–80014 on https://developers.facebook.com/docs/graph-api/guides/error-handling):
 * - `pages`: "4800 × engaged users per 24 h", code 80001; ASSUMED 4800 calls per 24 h per Page
 *   (engaged users = 1);
 * - `instagram`: "4800 × impressions per 24 h", code 80002; ASSUMED 4800 calls per 24 h per
 *   account (impressions = 1).
 *
 * Windows are fixed; the messages are the observed wordings (ASSUMED).
 *
 * @example
 * ```ts
 * const graph = createGraphSimulator({ platform: 'instagram', baseUrl, useCase: GRAPH_USE_CASES.instagram });
 * ```
 */
export const GRAPH_USE_CASES: {
  /** Facebook Pages (code 80001). */
  readonly pages: GraphUseCase;
  /** Instagram accounts (code 80002). */
  readonly instagram: GraphUseCase;
} = {
  pages: {
    type: 'pages',
    budget: { limit: 4_800, windowMs: DAY_MS, kind: 'fixed' },
    code: 80001,
    message: '(#80001) There have been too many calls to this Page account. Wait a bit and try again.',
  },
  instagram: {
    type: 'instagram',
    budget: { limit: 4_800, windowMs: DAY_MS, kind: 'fixed' },
    code: 80002,
    message: '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.',
  },
};

/** App-level throttling: code 4 (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
const APP_THROTTLE = { code: 4, message: '(#4) Application request limit reached' } as const;

/**
 * A throttled request, for the app budget or a use case: Graph answers throttling with HTTP 400
 * (not 429), the throttle code and `is_transient: true` (ASSUMED: the error-handling page lists
 * the codes, not the HTTP status; Graph sends most errors with 400).
 */
export function throttled(useCase?: GraphUseCase): Response {
  const { code, message } = useCase ?? APP_THROTTLE;
  return graphError({ message, code, isTransient: true });
}
