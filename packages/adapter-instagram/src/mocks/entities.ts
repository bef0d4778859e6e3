import { graphTime } from '@smmkit/graph-api/mocks';
import type { SimulatedAccount, SimulatedEngagement, SimulatedPost } from '@smmkit/testkit';
import { growingCount } from '@smmkit/testkit/simulator-kit';
import { type InstagramContext, postExtra } from './context.js';

/** Likes per hour of a fresh media, before the square-root slow-down (see testkit `growingCount`). */
const LIKES_PER_HOUR = 40;

/** Simulated growth per hour of each media insight. */
export const INSIGHTS_PER_HOUR: Readonly<Record<string, number>> = {
  reach: 300,
  views: 500,
  likes: LIKES_PER_HOUR,
  shares: 5,
  saved: 8,
};

/**
 * Stores a published IG Media in `sim.posts` (`extra.kind = 'media'`, a shortcode, and the
 * permalink Instagram gives it: `/reel/`, `/stories/` or `/p/` by product type), and the cap on
 * its audience when `viewers` is given. Shortcodes are base64url-like; the simulator writes the
 * id in base 36.
 */
export function storeMedia(
  context: InstagramContext,
  media: Pick<SimulatedPost, 'accountId' | 'text' | 'createdAt'> &
    Partial<Pick<SimulatedPost, 'id' | 'media'>> & {
      readonly mediaType: string;
      readonly productType: 'FEED' | 'REELS' | 'STORY';
      readonly containerId?: string | undefined;
      readonly viewers?: number | undefined;
    },
): SimulatedPost {
  const { mediaType, productType, containerId, viewers, ...post } = media;
  const id = post.id ?? context.sim.nextId();
  const shortcode = BigInt(id).toString(36).toUpperCase();
  const section = productType === 'REELS' ? 'reel' : productType === 'STORY' ? 'stories' : 'p';
  const permalink = `https://www.instagram.com/${section}/${shortcode}/`;
  const container = containerId === undefined ? {} : { containerId };
  const audience = viewers === undefined ? {} : { viewers };
  const extra = { kind: 'media', mediaType, productType, permalink, shortcode, ...container, ...audience };
  return context.sim.addPost({ ...post, id, extra });
}

/** Whether `post` is a published IG Media (not a comment stored as a post). */
export function isMedia(post: SimulatedPost | undefined): post is SimulatedPost {
  return post !== undefined && postExtra(post.extra).kind === 'media';
}

/** Whether `post` is a published story. */
export function isStory(post: SimulatedPost): boolean {
  return isMedia(post) && postExtra(post.extra).productType === 'STORY';
}

/**
 * The public fields of an IG Media (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media),
 * what business discovery returns on another account's media; any other is a 100 (ASSUMED).
 */
export const PUBLIC_MEDIA_FIELDS: ReadonlySet<string> = new Set([
  'caption',
  'children',
  'comments_count',
  'id',
  'like_count',
  'media_product_type',
  'media_type',
  'media_url',
  'permalink',
  'timestamp',
  'username',
]);

/** Every field the simulator knows of an IG Media (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media), for `fields=`. */
export function mediaJson(
  context: InstagramContext,
  post: SimulatedPost,
  now: number,
): Record<string, unknown> {
  const extra = postExtra(post.extra);
  const owner = context.sim.accounts.get(post.accountId);
  const age = now - post.createdAt;
  const children = post.media.length > 1 ? post.media.map((media) => ({ id: media.id })) : undefined;
  return {
    id: post.id,
    caption: post.text,
    media_type: extra.mediaType,
    media_product_type: extra.productType,
    media_url: `https://scontent.cdninstagram.test/${post.id}.${extra.mediaType === 'VIDEO' ? 'mp4' : 'jpg'}`,
    permalink: extra.permalink,
    shortcode: extra.shortcode,
    timestamp: graphTime(post.createdAt),
    like_count: growingCount(post.id, 'likes', age, LIKES_PER_HOUR),
    comments_count: context.comments.on(post.id).length,
    is_comment_enabled: !extra.commentsDisabled,
    username: owner?.handle,
    owner: { id: post.accountId },
    ...(children === undefined ? {} : { children: { data: children } }),
  };
}

/** Every field of an IG Comment (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment). */
export function commentJson(
  context: InstagramContext,
  comment: SimulatedEngagement,
  now: number,
): Record<string, unknown> {
  const parent = context.comments.parentOf(comment.id);
  const replies = context.comments.repliesTo(comment.id);
  return {
    id: comment.id,
    text: comment.text,
    timestamp: graphTime(comment.createdAt),
    username: comment.authorHandle,
    from: { id: comment.authorId, username: comment.authorHandle },
    hidden: comment.hidden,
    like_count: growingCount(comment.id, 'likes', now - comment.createdAt, 2),
    media: { id: comment.postId },
    ...(parent === undefined ? {} : { parent_id: parent }),
    ...(replies.length === 0 ? {} : { replies: { data: replies.map((reply) => ({ id: reply.id })) } }),
  };
}

/** Every field of an IG User the simulator knows (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user). */
export function userJson(context: InstagramContext, account: SimulatedAccount): Record<string, unknown> {
  const media = context.sim.posts.filter((post) => post.accountId === account.id && isMedia(post));
  return {
    id: account.id,
    ig_id: Number(BigInt(account.id) % 1_000_000_000n),
    username: account.handle,
    name: account.displayName,
    followers_count: account.followers,
    follows_count: account.following,
    media_count: media.length,
    biography: '',
    website: '',
    profile_picture_url: `https://scontent.cdninstagram.test/profile/${account.id}.jpg`,
  };
}
