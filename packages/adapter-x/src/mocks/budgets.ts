import type { RateBudgetRule } from '@smmkit/testkit/simulator-kit';

const per15 = (limit: number): RateBudgetRule => ({ limit, windowMs: 15 * 60_000, kind: 'fixed' });
const perDay = (limit: number): RateBudgetRule => ({ limit, windowMs: 24 * 60 * 60_000, kind: 'fixed' });

/** The bucket names of {@link X_BUDGETS}. */
export type XBucket =
  | 'tweets-create'
  | 'tweets-create-24h'
  | 'tweets-delete'
  | 'tweets-lookup'
  | 'tweets-lookup-by-id'
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
  | 'dm-conversation-events'
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
 * From https://docs.x.com/x-api/fundamentals/rate-limits, per user: POST /2/tweets 100 per 15 min and
 * 10,000 per 24 h (X counts the daily cap per app; the simulator has no apps, so it ASSUMES the cap per
 * user and reports it in `x-user-limit-24hour-*`, the header seen on live answers); DELETE 50; GET
 * /2/tweets 5,000 and GET /2/tweets/:id 900, each its own; mentions 300; recent search 300; users/me 75;
 * user lookup and GET /2/users/by/username/:username 900 each; a user's posts 900; DM events 15 for
 * each of GET /2/dm_events and GET /2/dm_conversations/with/:participant_id/dm_events; DM send 15 per
 * 15 min and 1,440 per 24 h; hide reply 50; manage likes "50/15min, 1,000/24hrs" for each of POST
 * /2/users/:id/likes and DELETE /2/users/:id/likes/:tweet_id (the daily caps reported in
 * `x-user-limit-24hour-*` like POST /2/tweets'); media initialize/append/finalize 1,875, GET
 * /2/media/upload (status) 1,000 and POST /2/media/metadata 500 (each endpoint its own bucket).
 */
export const X_BUDGETS: Readonly<Record<XBucket, RateBudgetRule>> = {
  'tweets-create': per15(100),
  'tweets-create-24h': perDay(10_000),
  'tweets-delete': per15(50),
  'tweets-lookup': per15(5_000),
  'tweets-lookup-by-id': per15(900),
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
  'dm-events': per15(15),
  'dm-conversation-events': per15(15),
  'dm-send': per15(15),
  'dm-send-24h': perDay(1_440),
  'media-initialize': per15(1_875),
  'media-append': per15(1_875),
  'media-finalize': per15(1_875),
  'media-status': per15(1_000),
  'media-metadata': per15(500),
};
