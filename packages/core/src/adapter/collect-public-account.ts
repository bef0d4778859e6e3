import { TransientError } from '../errors/transient-error.js';
import type { MetricSample } from '../models/metric-sample.js';
import type { PublicAccount } from '../models/public-account.js';

/** A looked-up account as its profile answered: who it is and its account figures. */
export interface PublicAccountProfile {
  /** Platform id. */
  readonly platform: string;
  /** The platform's id for the account. */
  readonly accountId: string;
  /** Its handle, without `@`. */
  readonly handle: string;
  /** Its display name; absent (or `undefined`) when the platform gives none. */
  readonly name?: string | undefined;
  /** Its account figures (`followers`, `following`, `posts_count`), as samples of the account. */
  readonly samples: readonly MetricSample[];
}

/** One of the account's posts as a page gave it, with its public metrics as samples. */
export interface PublicPostRead {
  /** The post. */
  readonly post: PublicAccount['posts'][number];
  /** Its public metrics, as post samples of the account. */
  readonly samples: readonly MetricSample[];
}

/** One page of the account's posts, newest first, and where the next page starts. */
export interface PublicPostsPage<Cursor> {
  /** The page's posts, newest first. */
  readonly posts: readonly PublicPostRead[];
  /** The next page's cursor; `undefined` when this page is the last. */
  readonly next: Cursor | undefined;
}

/** What {@link collectPublicAccount} collects, and how it reads the posts. */
export interface CollectPublicAccountOptions<Cursor> {
  /** The account, from the platform's profile lookup. */
  readonly profile: PublicAccountProfile;
  /**
   * Reads one page of posts: the first with `cursor` `undefined`, later ones with the previous
   * page's `next`. `wanted` is how many posts are still wanted (at least 1), for the page size.
   */
  readonly readPage: (cursor: Cursor | undefined, wanted: number) => Promise<PublicPostsPage<Cursor>>;
  /** The oldest post wanted; the first older post ends the reading. */
  readonly since?: Date | undefined;
  /** The most posts to collect (the adapter clamps it to what the platform reaches). */
  readonly limit: number;
  /** When the platform answered: the result's `observedAt`. */
  readonly observedAt: Date;
}

/**
 * The {@link PublicAccount} of an adapter's `lookupPublicAccount`: the profile's account and
 * figures, then its posts read page by page, newest first, until `limit` posts, the first post
 * older than `since`, or the last page. A post a page repeats (by `platformPostId`) is kept once;
 * the samples are the profile's, then each kept post's.
 *
 * @param options - the profile, the page reader, `since`, `limit` and `observedAt`
 * @returns the account with its samples and posts
 * @throws TransientError (`invalid_response`) when a page's `next` is a cursor already read
 *   (the platform's paging would never end); whatever `readPage` throws
 *
 * @example
 * ```ts
 * const user = await lookUpUser(http, handle, context);
 * const observedAt = new Date((context.clock ?? systemClock).now());
 * return collectPublicAccount({
 *   profile: { platform: 'mastodon', accountId: user.id, handle: user.acct, samples: accountSamples(user) },
 *   since: query.since,
 *   limit: clampPageSize(query.limit, 100, 1000),
 *   observedAt,
 *   readPage: async (maxId, wanted) => {
 *     const page = await readStatuses(http, user.id, { maxId, limit: Math.min(wanted, 40) }, context);
 *     return { posts: page.statuses.map((status) => toPublicPost(status, observedAt)), next: page.nextMaxId };
 *   },
 * });
 * ```
 */
export async function collectPublicAccount<Cursor>(
  options: CollectPublicAccountOptions<Cursor>,
): Promise<PublicAccount> {
  const { profile, readPage, since, limit, observedAt } = options;
  const samples = [...profile.samples];
  const posts: PublicAccount['posts'] = [];
  const seen = new Set<string>();
  // A cursor that comes back would be read forever (the same page over and over).
  const cursors = new Set<Cursor>();
  let cursor: Cursor | undefined;
  reading: while (posts.length < limit) {
    const page = await readPage(cursor, limit - posts.length);
    for (const read of page.posts) {
      // Newest first: every later post is older too.
      if (since !== undefined && read.post.createdAt < since) break reading;
      if (posts.length >= limit) break reading;
      if (seen.has(read.post.platformPostId)) continue;
      seen.add(read.post.platformPostId);
      posts.push(read.post);
      samples.push(...read.samples);
    }
    if (page.next === undefined) break;
    if (cursors.has(page.next) || page.next === cursor) {
      throw new TransientError(
        'invalid_response',
        `look up ${profile.platform} account ${profile.handle}: the platform handed out a paging cursor again, so its posts would be read forever.`,
        { platform: profile.platform, hint: 'Retry the lookup later, or ask for fewer posts.' },
      );
    }
    cursors.add(page.next);
    cursor = page.next;
  }
  return {
    platform: profile.platform,
    accountId: profile.accountId,
    handle: profile.handle,
    ...(profile.name === undefined ? {} : { name: profile.name }),
    observedAt,
    samples,
    posts,
  };
}
