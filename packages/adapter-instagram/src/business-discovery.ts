import {
  PlatformError,
  type PublicAccount,
  type PublicAccountQuery,
  type RequestContext,
  ValidationError,
} from '@smmkit/core';
import {
  clampPageSize,
  collectPublicAccount,
  countSamples,
  type HttpClient,
  type PublicPostsPage,
  systemClock,
} from '@smmkit/core/adapter-kit';
import { parseGraphTime } from '@smmkit/graph-api';
import { NOT_PROFESSIONAL_SUBCODE } from './classify-error.js';
import { instagramPostRef } from './post-ref.js';
import { BusinessDiscoverySchema } from './schemas.js';

// Business discovery: "get basic metadata and metrics about other Instagram professional
// accounts", Facebook Login only
// (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/business-discovery,
// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/business_discovery).

/** The account fields read: the public IG User fields a competitor table needs. */
const ACCOUNT_FIELDS = 'id,username,name,followers_count,follows_count,media_count';
/** The media fields read: public IG Media fields, with the two public counts. */
const MEDIA_FIELDS = 'id,caption,timestamp,like_count,comments_count,permalink,media_type';
/** Posts read when the query does not say. */
const DEFAULT_POSTS = 25;
/** The most posts read in one lookup, whatever the query asks. */
const MAX_POSTS = 200;
/** Media asked for per page (Graph edges take up to 100; ASSUMED for this nested edge, so 50). */
const PAGE_SIZE = 50;

/**
 * Instagram usernames are letters, digits, periods and underscores, at most 30 characters
 * (ASSUMED from Instagram's sign-up rules; Meta's API pages do not say). Anything else cannot be
 * a username, and would change the meaning of the `fields` expression it is written into.
 */
const USERNAME = /^[A-Za-z0-9._]{1,30}$/;

/** What the account fields and counts become (IGUser.json fields). */
const ACCOUNT_COUNTS = [
  ['followers_count', 'followers'],
  ['follows_count', 'following'],
  ['media_count', 'posts_count'],
] as const;
/** What a media's public counts become. */
const MEDIA_COUNTS = [
  ['like_count', 'likes'],
  ['comments_count', 'comments'],
] as const;

/**
 * Another Instagram Business or Creator account's public figures and its recent media, by
 * username, through business discovery:
 * `GET /{ig-user-id}?fields=business_discovery.username({handle}){id,username,name,followers_count,follows_count,media_count,media.limit(n){id,caption,timestamp,like_count,comments_count,permalink,media_type}}`,
 * asked of the context's own account, then `media.after({cursor}).limit(n)` for further pages
 * while Graph gives a `next` page
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/business_discovery).
 *
 * Its followers, follows and media counts are `account` samples and each media's `like_count`
 * and `comments_count` are `post` samples, all of the looked-up account (its IG user id), so the
 * analytics compare it with the app's own accounts; a count Meta leaves out (likes the owner
 * hides) is no sample. Media come newest first, at most `query.limit` (default 25, at most 200),
 * and stop at the first one older than `query.since` (no time limit by default).
 *
 * @param http - the adapter's HTTP client
 * @param query - the username (with or without `@`), since and limit
 * @param context - the account asking (its IG user id), tokens, signal and clock
 * @returns the account, its samples and its recent media
 * @throws ValidationError (`handle.invalid`) for a handle that cannot be an Instagram username, before any request
 * @throws PlatformError (`not_found`) when no Business or Creator account has the username: Meta
 *   answers a personal account, an age-gated one and an unknown username alike
 *
 * @example
 * ```ts
 * const rival = await lookupInstagramAccount(http, { handle: '@rivalcoffee', limit: 10 }, ctx);
 * ```
 */
export async function lookupInstagramAccount(
  http: HttpClient,
  query: PublicAccountQuery,
  context: RequestContext,
): Promise<PublicAccount> {
  const handle = query.handle.trim().replace(/^@/, '');
  if (!USERNAME.test(handle)) {
    throw new ValidationError(
      [
        {
          path: ['handle'],
          rule: 'handle.invalid',
          message: 'must be an Instagram username: 1 to 30 letters, digits, periods or underscores',
        },
      ],
      'Instagram account lookup',
      { platform: 'instagram' },
    );
  }
  const limit = clampPageSize(query.limit, DEFAULT_POSTS, MAX_POSTS);
  const observedAt = new Date((context.clock ?? systemClock).now());
  const read = async (media: string, account: boolean) => {
    const fields = `business_discovery.username(${handle}){${account ? `${ACCOUNT_FIELDS},` : ''}${media}{${MEDIA_FIELDS}}}`;
    try {
      const { data } = await http.request({
        method: 'GET',
        path: `/${encodeURIComponent(context.account.accountId)}`,
        operation: 'look up public account',
        searchParams: { fields },
        schema: BusinessDiscoverySchema,
        context,
      });
      return data.business_discovery;
    } catch (error) {
      throw notProfessional(error, handle) ?? error;
    }
  };

  // The account and the first page of its media come in one answer.
  const first = await read(`media.limit(${Math.min(limit, PAGE_SIZE)})`, true);
  const accountId = first.id;
  const where = { platform: 'instagram', accountId, observedAt };
  const mediaPage = (page: typeof first.media): PublicPostsPage<string> => {
    const items = page?.data ?? [];
    const posts = items.map((item) => {
      const url = instagramPostRef(item.id, accountId, item.permalink).url;
      return {
        post: {
          platformPostId: item.id,
          createdAt: parseGraphTime(item.timestamp) ?? observedAt,
          text: item.caption ?? '',
          ...(url === undefined ? {} : { url }),
        },
        samples: countSamples(item, MEDIA_COUNTS, { ...where, platformPostId: item.id }),
      };
    });
    const next =
      page?.paging?.next === undefined || items.length === 0 ? undefined : page.paging.cursors?.after;
    return { posts, next };
  };
  return collectPublicAccount<string>({
    profile: {
      platform: 'instagram',
      accountId,
      handle: first.username ?? handle,
      name: first.name,
      samples: countSamples(first, ACCOUNT_COUNTS, where),
    },
    since: query.since,
    limit,
    observedAt,
    readPage: async (after, wanted) =>
      mediaPage(
        after === undefined
          ? first.media
          : (await read(`media.after(${after}).limit(${Math.min(wanted, PAGE_SIZE)})`, false)).media,
      ),
  });
}

/**
 * The error for a username no professional account has: Meta answers 110 / 2207013 ("Invalid
 * user id", observed; the error-codes page does not list it) for a personal account, an
 * age-gated one ("Data about age-gated Instagram Business IG Users will not be returned") and an
 * unknown username alike. `undefined` for any other error.
 */
function notProfessional(error: unknown, handle: string): PlatformError | undefined {
  if (!PlatformError.isInstance(error) || error.platformError?.subcode !== NOT_PROFESSIONAL_SUBCODE)
    return undefined;
  return new PlatformError(
    'not_found',
    `look up Instagram account @${handle}: no Instagram Business or Creator account can be read under this username (Meta answers a personal account, an age-gated one and an unknown username alike; code 110/${NOT_PROFESSIONAL_SUBCODE}).`,
    {
      platform: 'instagram',
      status: error.status,
      platformError: error.platformError,
      hint: 'Check the username; business discovery reads only Instagram Business and Creator accounts (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/business_discovery).',
      cause: error,
    },
  );
}
