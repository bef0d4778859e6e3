import type { RateBudgetRule } from '@smmkit/testkit/simulator-kit';

const per15 = (limit: number): RateBudgetRule => ({ limit, windowMs: 15 * 60_000, kind: 'fixed' });
const perDay = (limit: number): RateBudgetRule => ({ limit, windowMs: 24 * 60 * 60_000, kind: 'fixed' });

/** The bucket names of {@link X_BUDGETS}. */
export type XBucket =
  | 'tweets-create'
  | 'tweets-create-24h'
  | 'tweets-delete'
  | 'tweets-lookup'
  | 'tweets-hide'
  | 'likes-create'
  | 'likes-create-24h'
  | 'likes-delete'
  | 'likes-delete-24h'
  | 'users-me'
  | 'users-lookup'
  | 'users-by-username'
  | 'users-tweets'
  | 'users-mentions'
  | 'search-recent'
  | 'dm-events'
  | 'dm-send'
  | 'dm-send-24h'
  | 'media-initialize'
  | 'media-append'
  | 'media-finalize'
  | 'media-status'
  | 'media-metadata';

/**
 * X's rate limits per user token, one bucket per endpoint. X windows are fixed: they start with
 * the first request and reset 15 minutes (or 24 hours) later, as `x-rate-limit-reset` tells.
 *
 * From https://docs.x.com/x-api/fundamentals/rate-limits: POST /2/tweets 100 per 15 min per user and 10,000
 * per 24 h (X counts the daily cap per app; the simulator has no apps, so it ASSUMES the cap per user and
 * reports it in `x-user-limit-24hour-*`, the header seen on live answers); DELETE 50; mentions 300; DM send
 * 15 per 15 min and 1,440 per 24 h; hide reply 50; media initialize/append/finalize 1,875 (each endpoint its
 * own bucket).
 *
 * From https://docs.x.com/x-api/fundamentals/rate-limits (per user): manage likes, "50/15min,
 * 1,000/24hrs" for each of POST /2/users/:id/likes and DELETE /2/users/:id/likes/:tweet_id (the
 * daily caps reported in `x-user-limit-24hour-*` like POST /2/tweets'); recent search 300/15min;
 * GET /2/users/by/username/:username 900/15min, its own window.
 *
 * ASSUMED from the historic developer.twitter.com v2 rate-limit table (per user, 15 min): tweets
 * lookup 900, users/me 75, user lookup 900, user timeline 900 (the GET /2/users/:id/tweets page
 * says "900 requests per 15-minute window (user auth)"), DM events 300, media STATUS and
 * metadata 1,875 like the other media endpoints.
 */
export const X_BUDGETS: Readonly<Record<XBucket, RateBudgetRule>> = {
  'tweets-create': per15(100),
  'tweets-create-24h': perDay(10_000),
  'tweets-delete': per15(50),
  'tweets-lookup': per15(900),
  'tweets-hide': per15(50),
  'likes-create': per15(50),
  'likes-create-24h': perDay(1_000),
  'likes-delete': per15(50),
  'likes-delete-24h': perDay(1_000),
  'users-me': per15(75),
  'users-lookup': per15(900),
  'users-by-username': per15(900),
  'users-tweets': per15(900),
  'users-mentions': per15(300),
  'search-recent': per15(300),
  'dm-events': per15(300),
  'dm-send': per15(15),
  'dm-send-24h': perDay(1_440),
  'media-initialize': per15(1_875),
  'media-append': per15(1_875),
  'media-finalize': per15(1_875),
  'media-status': per15(1_875),
  'media-metadata': per15(1_875),
};
