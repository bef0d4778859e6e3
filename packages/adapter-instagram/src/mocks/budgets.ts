import type { RateBudgetRule } from '@smmkit/testkit';
import { DAY_MS, HOUR_MS } from './limits.js';

/** The bucket names of {@link INSTAGRAM_BUDGETS}. */
export type InstagramBucket = 'app' | 'instagram';

/**
 * The budgets behind the usage headers and throttling
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting):
 * - `app`: the Platform rate limit reported in `X-App-Usage` ("200 × users per hour"); the
 *   simulator counts it per account, so 200 calls per hour per account (ASSUMED: one user each);
 * - `instagram`: the Business Use Case limit reported in `X-Business-Use-Case-Usage` per IG user
 *   ("4800 × impressions per 24 h"); ASSUMED 4800 calls per 24 h per account (impressions = 1).
 *
 * Both windows are fixed. Pass smaller `budgets` to `createInstagramSimulator` to test throttling.
 */
export const INSTAGRAM_BUDGETS: Readonly<Record<InstagramBucket, RateBudgetRule>> = {
  app: { limit: 200, windowMs: HOUR_MS, kind: 'fixed' },
  instagram: { limit: 4_800, windowMs: DAY_MS, kind: 'fixed' },
};
