import {
  type PostRef,
  type ReplyTarget,
  type RequestContext,
  UnsupportedCapabilityError,
} from '@smmkit/core';
import { type HttpClient, isEngagementTarget } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import type { GraphPlatform } from '../platform.js';
import { GraphIdSchema } from '../schemas.js';

/** `{id}` of the comment a reply created. */
const CreatedCommentSchema = z.looseObject({ id: GraphIdSchema });

/** The comment {@link postGraphReply} created, and where it stands. */
export interface GraphReply {
  /** The new comment's id. */
  readonly id: string;
  /** The top-level comment it was posted under; absent for a comment on a post. */
  readonly parentId?: string | undefined;
  /** The post it is on, when known (a target engagement may not say). */
  readonly postRef: PostRef | undefined;
}

/**
 * Answers a comment, a reply or a post with a comment, as the account, on the Graph node Meta
 * puts answers on:
 *
 * - to a comment: a reply under it — Facebook `POST /{comment-id}/comments {message}`
 *   (https://developers.facebook.com/docs/graph-api/reference/object/comments/), Instagram
 *   `POST /{ig-comment-id}/replies {message}`
 *   (https://developers.facebook.com/docs/instagram-platform/comment-moderation; IGComment
 *   `POST replies`);
 * - to a reply: a reply under its top-level comment (its `parentId`): Instagram takes replies
 *   under top-level comments only, and the Facebook app shows answers to replies there;
 * - to a post (a `PostRef`): a comment on it, `POST /{post-id}/comments {message}` (Instagram
 *   IGMedia `POST comments`).
 *
 * Mentions cannot be answered this way: `UnsupportedCapabilityError`, before any request. The
 * request creates a comment (`createsResource`), so a lost answer is an `AmbiguousOutcomeError`.
 *
 * @param http - the adapter's Graph HTTP client
 * @param platform - whose dialect the request speaks
 * @param to - the comment, reply or post to answer
 * @param text - the answer's text
 * @param context - the account, its token, signal and rate-limit listener
 * @returns the new comment's id, the comment it is under and its post
 * @throws UnsupportedCapabilityError for an engagement that is not a comment or a reply
 *
 * @example
 * ```ts
 * const { id, parentId } = await postGraphReply(http, 'instagram', comment, 'Thank you!', ctx);
 * ```
 */
export async function postGraphReply(
  http: HttpClient,
  platform: GraphPlatform,
  to: ReplyTarget,
  text: string,
  context: RequestContext,
): Promise<GraphReply> {
  let path: string;
  let parentId: string | undefined;
  let postRef: PostRef | undefined;
  if (isEngagementTarget(to)) {
    if (to.kind !== 'comment' && to.kind !== 'reply') {
      throw new UnsupportedCapabilityError(`engagement.reply for ${to.kind} engagements`, { platform });
    }
    parentId = to.kind === 'reply' && to.parentId !== undefined ? to.parentId : to.id;
    path = `/${encodeURIComponent(parentId)}/${platform === 'instagram' ? 'replies' : 'comments'}`;
    postRef = to.postRef;
  } else {
    path = `/${encodeURIComponent(to.platformPostId)}/comments`;
    postRef = to;
  }
  const { data } = await http.request({
    method: 'POST',
    path,
    operation: parentId === undefined ? 'create comment' : 'create reply',
    json: { message: text },
    schema: CreatedCommentSchema,
    context,
    createsResource: true,
  });
  return { id: data.id, ...(parentId === undefined ? {} : { parentId }), postRef };
}
