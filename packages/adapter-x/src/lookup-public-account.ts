import {
  PlatformError,
  type PublicAccount,
  type PublicAccountQuery,
  type RequestContext,
  ValidationError,
} from '@smmkit/core';
import { clampPageSize, collectPublicAccount, type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { xErrorDetails } from './classify-error.js';
import { xAccountSamples, xPostSamples } from './metrics.js';
import { xPostUrl } from './post-ref.js';
import { X_NOTE_FIELD, xPostText } from './post-text.js';
import { PostListResponseSchema, UserLookupResponseSchema, type XProblem } from './schemas.js';
import { createdTime, xTimestamp } from './x-time.js';

/** An X username: `^[A-Za-z0-9_]{1,15}$` (`getUsersByUsername` in https://api.x.com/2/openapi.json). */
const USERNAME = /^[A-Za-z0-9_]{1,15}$/;
/** Posts read when the query does not say: a full page of X's user timeline. */
const DEFAULT_LIMIT = 100;
/**
 * The user timeline reaches the newest 3,200 posts, but read without replies (`exclude=replies`, as here)
 * only the newest 800: "When the exclude=replies parameter is used for any value, only the most recent 800
 * Tweets are available"
 * (https://developer.x.com/en/docs/twitter-api/tweets/timelines/api-reference/get-users-id-tweets).
 */
const MAX_LIMIT = 800;
/** `max_results` of GET /2/users/:id/tweets is 5–100 (`getUsersPosts` in https://api.x.com/2/openapi.json). */
const MIN_RESULTS = 5;
const MAX_RESULTS = 100;

/**
 * Another account's public figures and recent posts, by username (competitors, influencers):
 * `GET /2/users/by/username/:username?user.fields=public_metrics,created_at,name`
 * (https://docs.x.com/x-api/users/lookup/introduction), then its posts with
 * `GET /2/users/:id/tweets?tweet.fields=created_at,public_metrics,note_tweet&exclude=retweets,replies`
 * (https://docs.x.com/x-api/posts/timelines/introduction), newest first, paged with
 * `pagination_token` until `limit` posts (default 100, at most the 800 X serves without replies)
 * or the end. `since` becomes `start_time`, which X takes to the second: the few posts before
 * `since` in that second are dropped here.
 *
 * The figures are samples of the looked-up account (its `accountId`): followers, following and
 * posts_count from `public_metrics`, and each post's public metrics mapped as the adapter maps the
 * account's own (`public_metrics` only: X shows other accounts' posts no other metrics). Each of
 * the two endpoints allows 900 requests per 15 minutes per user
 * (https://docs.x.com/x-api/fundamentals/rate-limits).
 *
 * @param http - the adapter's HTTP client
 * @param query - the handle (with or without `@`), since and limit
 * @param context - tokens, signal, clock (for `observedAt`) and rate-limit listener
 * @returns the account, its samples and its posts, newest first
 * @throws ValidationError (`research.handle`) before any request when the handle is no X username
 * @throws PlatformError `not_found` when X has no such user (X answers a 200 carrying only a
 *   "Not Found Error" problem), `platform_refused` for any other problem without a user
 *
 * @example
 * ```ts
 * const rival = await lookupXPublicAccount(http, { handle: '@rivalcoffee', limit: 50 }, ctx);
 * ```
 */
export async function lookupXPublicAccount(
  http: HttpClient,
  query: PublicAccountQuery,
  context: RequestContext,
): Promise<PublicAccount> {
  const username = xUsername(query.handle);
  const limit = clampPageSize(query.limit, DEFAULT_LIMIT, MAX_LIMIT);
  const { since } = query;
  const clock = context.clock ?? systemClock;

  const found = await http.request({
    method: 'GET',
    path: `/2/users/by/username/${encodeURIComponent(username)}`,
    operation: 'look up public account',
    searchParams: { 'user.fields': 'public_metrics,created_at,name' },
    schema: UserLookupResponseSchema,
    context,
  });
  const user = found.data.data;
  if (user === undefined) throw noSuchUser(username, found.data.errors ?? [], found.status);

  const observedAt = new Date(clock.now());
  const handle = user.username ?? username;
  return collectPublicAccount<string>({
    profile: {
      platform: 'x',
      accountId: user.id,
      handle,
      name: user.name,
      samples: xAccountSamples(user, user.id, observedAt),
    },
    since,
    limit,
    observedAt,
    readPage: async (token, wanted) => {
      const { data: page } = await http.request({
        method: 'GET',
        path: `/2/users/${encodeURIComponent(user.id)}/tweets`,
        operation: 'list public posts',
        searchParams: {
          'tweet.fields': `created_at,public_metrics,${X_NOTE_FIELD}`,
          max_results: Math.min(Math.max(wanted, MIN_RESULTS), MAX_RESULTS),
          start_time: since === undefined ? undefined : xTimestamp(since),
          exclude: 'retweets,replies',
          pagination_token: token,
        },
        schema: PostListResponseSchema,
        context,
      });
      const posts = (page.data ?? []).map((post) => ({
        post: {
          platformPostId: post.id,
          createdAt: createdTime(post.created_at, post.id, observedAt),
          text: xPostText(post) ?? '',
          url: xPostUrl(post.id, handle),
        },
        samples: xPostSamples({ ...page, data: [post] }, user.id, observedAt),
      }));
      return { posts, next: page.meta?.next_token };
    },
  });
}

/** The username in a handle (`@rivalcoffee` → `rivalcoffee`), or a `ValidationError` for one X cannot have. */
function xUsername(handle: string): string {
  const username = handle.trim().replace(/^@/, '');
  if (USERNAME.test(username)) return username;
  throw new ValidationError(
    [
      {
        path: ['handle'],
        rule: 'research.handle',
        message: 'is not an X username: 1 to 15 letters, digits or underscores, with or without @',
        limit: 15,
      },
    ],
    'public account lookup',
    { platform: 'x' },
  );
}

/**
 * The error for a lookup that found no user: X answers 200 with only `errors[]`, a "Not Found
 * Error" (`…/problems/resource-not-found`) for an unknown username
 * (https://docs.x.com/x-api/fundamentals/response-codes-and-errors), the same type titled
 * otherwise for a suspended one.
 */
function noSuchUser(username: string, errors: readonly XProblem[], status: number): PlatformError {
  const platformError = xErrorDetails({ errors });
  const first = errors[0];
  const notFound =
    first === undefined ||
    first.title === 'Not Found Error' ||
    (first.type ?? '').endsWith('/resource-not-found');
  const reason = platformError?.message === undefined ? '' : `: ${platformError.message}`;
  return new PlatformError(
    notFound ? 'not_found' : 'platform_refused',
    `look up public account failed: ${notFound ? 'X has no user' : 'X refused the lookup of'} @${username}${reason}`,
    { platform: 'x', status, platformError },
  );
}
