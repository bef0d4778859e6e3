import { type Engagement, type PostRef, UNKNOWN_AUTHOR_ID } from '@smmkit/core';
import { parseGraphTime } from '@smmkit/graph-api';
import { instagramPostRef } from './post-ref.js';
import type { InstagramComment, InstagramHashtagMedia, InstagramMediaItem } from './schemas.js';

/** Comment fields the adapter asks for (IGComment.json fields). */
export const COMMENT_FIELDS = 'id,text,timestamp,username,from,hidden,parent_id,media';

/** Where an engagement was read. */
export interface EngagementWhere {
  /** The account whose inbox it is. */
  readonly accountId: string;
  /** When it was read, for items without a timestamp. */
  readonly now: Date;
  /** The post it belongs to, when known. */
  readonly postRef?: PostRef | undefined;
}

/**
 * An IG comment as an engagement: `comment` when top-level, `reply` when it has a `parent_id`
 * (or is read from `/{comment-id}/replies`; https://developers.facebook.com/docs/instagram-platform/comment-moderation). The author is `from`
 * (id and username), else the `username`; the whole comment is kept as `raw`.
 *
 * @param comment - the comment as Meta returned it
 * @param where - the account, the read time and the post
 * @param parentId - the comment it answers, when read from its replies
 * @returns the engagement
 *
 * @example
 * ```ts
 * instagramCommentEngagement({ id: '1789', text: 'Nice', username: 'fan' }, { accountId, now: new Date() });
 * ```
 */
export function instagramCommentEngagement(
  comment: InstagramComment,
  where: EngagementWhere,
  parentId?: string | undefined,
): Engagement {
  const parent = comment.parent_id ?? parentId;
  const mediaId = comment.media?.id;
  const postRef =
    where.postRef ?? (mediaId === undefined ? undefined : instagramPostRef(mediaId, where.accountId));
  const handle = comment.from?.username ?? comment.username;
  return {
    platform: 'instagram',
    accountId: where.accountId,
    id: comment.id,
    kind: parent === undefined ? 'comment' : 'reply',
    ...(postRef === undefined ? {} : { postRef }),
    ...(parent === undefined ? {} : { parentId: parent }),
    author: {
      id: comment.from?.id ?? handle ?? UNKNOWN_AUTHOR_ID,
      ...(handle === undefined ? {} : { handle }),
    },
    text: comment.text ?? '',
    createdAt: parseGraphTime(comment.timestamp) ?? where.now,
    ...(comment.hidden === undefined ? {} : { hidden: comment.hidden }),
    raw: comment,
  };
}

/**
 * A media item the account is tagged in (`GET /{ig-user-id}/tags`; https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/tags) as
 * a `mention`: its id is the media id, its text the caption, its author the media's owner.
 *
 * @param media - the media item
 * @param where - the account and the read time
 * @returns the engagement
 *
 * @example
 * ```ts
 * instagramTagEngagement({ id: '1790', caption: 'with @brand', username: 'fan' }, { accountId, now: new Date() });
 * ```
 */
export function instagramTagEngagement(media: InstagramMediaItem, where: EngagementWhere): Engagement {
  const handle = media.username;
  return {
    platform: 'instagram',
    accountId: where.accountId,
    id: media.id,
    kind: 'mention',
    author: {
      id: media.owner?.id ?? handle ?? UNKNOWN_AUTHOR_ID,
      ...(handle === undefined ? {} : { handle }),
    },
    text: media.caption ?? '',
    createdAt: parseGraphTime(media.timestamp) ?? where.now,
    raw: media,
  };
}

/**
 * A public media found by hashtag (`recent_media`) as a `mention` of the account that searched:
 * its id is the media id, its text the caption, its time the `timestamp`, the whole media `raw`
 * (with its `permalink`).
 *
 * Meta names no one: the edge "cannot request the `username` field" and returns no `owner`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag/recent-media),
 * and "Personally identifiable information will not be included in responses"
 * (https://developers.facebook.com/docs/instagram-api/guides/hashtag-search). So the author is
 * `{ id: UNKNOWN_AUTHOR_ID }`, as for every engagement whose author Meta withholds, and there is no
 * `postRef`: a `PostRef` names the account that published the post, and nothing can be done to
 * the media through the API anyway ("You cannot comment on hashtagged media objects discovered
 * through the API").
 *
 * @param media - the media as Meta returned it
 * @param where - the account and the read time
 * @returns the engagement
 *
 * @example
 * ```ts
 * instagramHashtagMediaEngagement({ id: '1791', caption: 'Morning #acmecoffee' }, { accountId, now: new Date() });
 * ```
 */
export function instagramHashtagMediaEngagement(
  media: InstagramHashtagMedia,
  where: EngagementWhere,
): Engagement {
  return {
    platform: 'instagram',
    accountId: where.accountId,
    id: media.id,
    kind: 'mention',
    author: { id: UNKNOWN_AUTHOR_ID },
    text: media.caption ?? '',
    createdAt: parseGraphTime(media.timestamp) ?? where.now,
    raw: media,
  };
}
