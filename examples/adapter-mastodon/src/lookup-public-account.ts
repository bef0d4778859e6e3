import {
  PlatformError,
  type PublicAccount,
  type PublicAccountQuery,
  type RequestContext,
  ValidationError,
} from '@smmkit/core';
import { clampPageSize, collectPublicAccount, type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { htmlToPlainText } from './html-to-text.js';
import { nextMaxId } from './link-header.js';
import { accountSamples, statusSamples } from './metrics.js';
import { AccountWithCountsSchema, StatusListSchema } from './schemas.js';
import { statusUrl } from './status-ref.js';

/**
 * A handle: a username, optionally `@domain` for an account on another server. Usernames are
 * letters, digits and `_`, with `.` or `-` only between them (`USERNAME_RE` in
 * github.com/mastodon/mastodon app/models/account.rb).
 */
const ACCT = /^[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d+)?)?$/;
/** Statuses read when the query does not say. */
const DEFAULT_LIMIT = 100;
/** Statuses per request: "Defaults to 20 statuses. Max 40 statuses." (https://docs.joinmastodon.org/methods/accounts/#statuses). */
const PAGE_SIZE = 40;

/**
 * Another account's public figures and recent statuses, by handle (competitors, influencers):
 * `GET /api/v1/accounts/lookup?acct=` (https://docs.joinmastodon.org/methods/accounts/#lookup),
 * then its statuses with
 * `GET /api/v1/accounts/:id/statuses?exclude_replies=true&exclude_reblogs=true&limit=40`
 * (https://docs.joinmastodon.org/methods/accounts/#statuses), newest first, paged by the `Link`
 * header's `rel="next"` `max_id` (https://docs.joinmastodon.org/api/guidelines/#pagination) until
 * `limit` statuses (default 100), a status older than `since` (Mastodon filters statuses by id,
 * not time) or the end.
 *
 * The figures are samples of the looked-up account (its `accountId`): followers, following and
 * posts_count from the Account, and likes, shares and comments of each status
 * (`favourites_count`, `reblogs_count`, `replies_count`; https://docs.joinmastodon.org/entities/Status/),
 * mapped as the adapter maps the account's own. A remote account (`user@other.server`) is the
 * copy this server knows: its counts and statuses as they reached it. Every request counts
 * against the 300 per 5 minutes of `/api/*` (https://docs.joinmastodon.org/api/rate-limits/).
 *
 * @param http - the adapter's HTTP client
 * @param query - the handle (`user`, `user@domain`, with or without a leading `@`), since and limit
 * @param context - tokens, signal, clock (for `observedAt`) and rate-limit listener
 * @returns the account, its samples and its statuses, newest first
 * @throws ValidationError (`research.handle`) before any request when the handle cannot be an account's
 * @throws PlatformError `not_found` when the server knows no such account (404 "Record not found")
 *
 * @example
 * ```ts
 * const rival = await lookupMastodonPublicAccount(http, { handle: '@rivalcoffee@mastodon.social' }, ctx);
 * ```
 */
export async function lookupMastodonPublicAccount(
  http: HttpClient,
  query: PublicAccountQuery,
  context: RequestContext,
): Promise<PublicAccount> {
  const acct = mastodonAcct(query.handle);
  const limit = clampPageSize(query.limit, DEFAULT_LIMIT, Number.MAX_SAFE_INTEGER);
  const clock = context.clock ?? systemClock;

  const account = await lookUp(http, acct, context);
  const observedAt = new Date(clock.now());
  return collectPublicAccount<string>({
    profile: {
      platform: 'mastodon',
      accountId: account.id,
      handle: account.acct,
      name: account.display_name || undefined,
      samples: accountSamples(account, account.id, observedAt),
    },
    since: query.since,
    limit,
    observedAt,
    readPage: async (maxId, wanted) => {
      const size = Math.min(wanted, PAGE_SIZE);
      const { data, headers } = await http.request({
        method: 'GET',
        path: `/api/v1/accounts/${encodeURIComponent(account.id)}/statuses`,
        operation: 'list public statuses',
        searchParams: { exclude_replies: true, exclude_reblogs: true, limit: size, max_id: maxId },
        schema: StatusListSchema,
        context,
      });
      const posts = data
        .filter((status) => status.reblog == null)
        .map((status) => ({
          post: {
            platformPostId: status.id,
            createdAt: new Date(status.created_at),
            text: htmlToPlainText(status.content),
            url: statusUrl(status),
          },
          samples: statusSamples(status, account.id, observedAt),
        }));
      // As for the account's own statuses, a next link follows every full page: a short one is the last.
      return { posts, next: data.length < size ? undefined : nextMaxId(headers.get('link')) };
    },
  });
}

/** The account with `acct`; Mastodon's 404 "Record not found" names the handle. */
async function lookUp(http: HttpClient, acct: string, context: RequestContext) {
  try {
    const { data } = await http.request({
      method: 'GET',
      path: '/api/v1/accounts/lookup',
      operation: 'look up public account',
      searchParams: { acct },
      schema: AccountWithCountsSchema,
      context,
    });
    return data;
  } catch (error) {
    if (!PlatformError.isInstance(error) || error.code !== 'not_found') throw error;
    throw new PlatformError('not_found', `${error.message} (no account @${acct} on this server)`, {
      platform: error.platform,
      status: error.status,
      rateLimit: error.rateLimit,
      platformError: error.platformError,
      cause: error,
    });
  }
}

/** The `acct` of a handle (`@ana@mastodon.social` → `ana@mastodon.social`), or a `ValidationError`. */
function mastodonAcct(handle: string): string {
  const acct = handle.trim().replace(/^@/, '');
  if (ACCT.test(acct)) return acct;
  throw new ValidationError(
    [
      {
        path: ['handle'],
        rule: 'research.handle',
        message:
          'is not a Mastodon handle: a username (letters, digits, _), optionally @ and its server, with or without a leading @',
      },
    ],
    'public account lookup',
    { platform: 'mastodon' },
  );
}
