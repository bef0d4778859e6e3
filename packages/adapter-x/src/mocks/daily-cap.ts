import { bearerToken, type RouteContext } from '@smmkit/testkit';
import type { XBucket } from './budgets.js';
import type { XContext } from './context.js';
import { tooManyRequests, xUserDailyHeaders } from './dialect.js';

/** The verdict of a daily cap on one request. */
export interface DailyCap {
  /** `x-user-limit-24hour-*` to put on the answer, whatever it is. */
  readonly headers: Readonly<Record<string, string>>;
  /** X's 429 when the cap is spent; `undefined` when the request may go on. */
  readonly refused: Response | undefined;
}

/**
 * Counts a request against a 24-hour bucket next to the route's 15-minute one (a route has one
 * bucket in the testkit, so the second is taken here), per user token like every X window.
 */
export function takeDailyCap(
  context: XContext,
  route: RouteContext,
  bucket: Extract<XBucket, 'tweets-create-24h' | 'dm-send-24h' | 'likes-create-24h' | 'likes-delete-24h'>,
): DailyCap {
  const key = bearerToken(route.request) ?? route.accountId;
  const decision = context.sim.limiter.take(key, bucket);
  if (decision === undefined) return { headers: {}, refused: undefined };
  const headers = xUserDailyHeaders(decision.window);
  return { headers, refused: decision.allowed ? undefined : tooManyRequests(context.rateLimitBody) };
}
