import { graphInstant, invalidParameter } from '@smmkit/graph-api/mocks';
import type { SimulatedPost } from '@smmkit/testkit';

/**
 * `scheduled_publish_time` must lie between 10 minutes and 30 days after the request
 * (https://developers.facebook.com/docs/pages-api/posts, Schedule a post).
 */
const MIN_LEAD_MS = 10 * 60_000;
const MAX_LEAD_MS = 30 * 24 * 60 * 60_000;

/** When a created post goes live, as the simulator stores it in `extra`. */
export interface Publication {
  /** `published=false` was sent: the post is scheduled (with a time) or a draft (without). */
  readonly unpublished: boolean;
  /** The scheduled go-live instant, simulated ms, when one was given. */
  readonly scheduledAt: number | undefined;
}

/**
 * Reads `published` and `scheduled_publish_time` (Unix seconds or ISO 8601) of a creating call,
 * and throws Graph's refusal (inside a route, which answers it) when the time is unreadable, outside 10 minutes–30 days from `now`
 * — "(#100) The specified scheduled publish time is invalid." — or given on a post that is
 * published now (ASSUMED wording) (https://developers.facebook.com/docs/pages-api/posts).
 *
 * @param published - the `published` parameter as sent
 * @param scheduled - the `scheduled_publish_time` parameter as sent
 * @param now - simulated now
 * @returns the publication
 * @throws the refusal, a `Response`
 *
 * @example
 * ```ts
 * const publication = readPublication(params.get('published'), params.get('scheduled_publish_time'), now);
 * ```
 */
export function readPublication(
  published: string | undefined,
  scheduled: string | undefined,
  now: number,
): Publication {
  const unpublished = published === 'false' || published === '0';
  if (scheduled === undefined) return { unpublished, scheduledAt: undefined };
  if (!unpublished)
    throw invalidParameter(
      'A scheduled post must be unpublished: send published=false with scheduled_publish_time',
    );
  const at = graphInstant(scheduled);
  if (Number.isNaN(at) || at - now < MIN_LEAD_MS || at - now > MAX_LEAD_MS)
    throw invalidParameter('The specified scheduled publish time is invalid.');
  return { unpublished, scheduledAt: at };
}

/**
 * The `extra` fields a post made with `publication` keeps, and its `createdAt`: a scheduled post
 * is created at its go-live time, so the Page's feed leaves it out until then, and keeps when it
 * was scheduled as `scheduledOn` (its `created_time` in `/scheduled_posts`).
 *
 * @param publication - as {@link readPublication} read it
 * @param now - simulated now
 * @returns `createdAt` and the extras to store
 *
 * @example
 * ```ts
 * const { createdAt, extra } = publicationFields(publication, now);
 * sim.addPost({ accountId, text, createdAt, extra: { ...extra, link } });
 * ```
 */
export function publicationFields(
  publication: Publication,
  now: number,
): { readonly createdAt: number; readonly extra: Readonly<Record<string, unknown>> } {
  return {
    createdAt: publication.scheduledAt ?? now,
    extra: {
      ...(publication.unpublished ? { unpublished: true } : {}),
      ...(publication.scheduledAt === undefined
        ? {}
        : { scheduledAt: publication.scheduledAt, scheduledOn: now }),
    },
  };
}

/**
 * Whether a stored post is in the Page's public feed at `now`: not a comment the Page wrote
 * (stored as a post with `inReplyToId`), created (a scheduled post is created at its go-live
 * time; a video once processed), not a draft (`published=false` without a time) and not a video
 * whose processing failed.
 *
 * @param post - the stored post
 * @param now - simulated now
 * @returns `true` when `GET /{page-id}/posts` lists it
 *
 * @example
 * ```ts
 * const visible = sim.posts.filter((post) => post.accountId === pageId && isLive(post, now));
 * ```
 */
export function isLive(post: SimulatedPost, now: number): boolean {
  const { extra } = post;
  if (post.inReplyToId !== undefined || post.createdAt > now || extra.failure !== undefined) return false;
  return extra.unpublished !== true || typeof extra.scheduledAt === 'number';
}
