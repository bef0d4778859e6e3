import type { Engagement } from '@smmkit/core';
import { commentUrnOf } from './comment-urn.js';
import type { LinkedInComment, LinkedInReaction } from './schemas.js';

/**
 * A comment as an inbox `Engagement`: its URN as id, `comment` on the post or `reply` to its
 * `parentComment`, the actor as author, LinkedIn's payload as `raw`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api).
 *
 * @param comment - the comment as LinkedIn returned it
 * @param accountId - the account whose inbox it is in
 * @param postUrn - the post it is on, when the comment does not say (`object`)
 * @returns the engagement, or `undefined` when the answer has no URN to name it by
 */
export function commentEngagement(
  comment: LinkedInComment,
  accountId: string,
  postUrn?: string | undefined,
): Engagement | undefined {
  const id = commentUrnOf(comment);
  const actor = comment.actor ?? comment.created?.actor;
  if (id === undefined || actor === undefined) return undefined;
  // The post being read, when known: a comment's `object` may be the post's activity URN
  // (`urn:li:activity:…`, as in the Comments API's examples), not the share or ugcPost URN that
  // publishing gave, and postRef must match that.
  const post = postUrn ?? comment.object;
  return {
    platform: 'linkedin',
    accountId,
    id,
    kind: comment.parentComment === undefined ? 'comment' : 'reply',
    ...(post === undefined ? {} : { postRef: { platform: 'linkedin', accountId, platformPostId: post } }),
    ...(comment.parentComment === undefined ? {} : { parentId: comment.parentComment }),
    author: { id: actor },
    text: comment.message?.text ?? '',
    createdAt: new Date(comment.created?.time ?? 0),
    raw: comment,
  };
}

/**
 * A reaction as an inbox `Engagement` of kind `reaction`, its type (`PRAISE`…) in `reaction`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api).
 * Its id is the reaction URN, or `urn:li:reaction:({actor},{post})` as LinkedIn composes it.
 *
 * @param reaction - the reaction as LinkedIn returned it
 * @param accountId - the account whose inbox it is in
 * @param postUrn - the post it is on
 * @returns the engagement, or `undefined` without an actor
 */
export function reactionEngagement(
  reaction: LinkedInReaction,
  accountId: string,
  postUrn: string,
): Engagement | undefined {
  const actor = reaction.created?.actor;
  if (actor === undefined) return undefined;
  const post = reaction.root ?? postUrn;
  return {
    platform: 'linkedin',
    accountId,
    id: reaction.id ?? `urn:li:reaction:(${actor},${post})`,
    kind: 'reaction',
    postRef: { platform: 'linkedin', accountId, platformPostId: post },
    author: { id: actor },
    text: '',
    ...(reaction.reactionType === undefined ? {} : { reaction: reaction.reactionType }),
    createdAt: new Date(reaction.created?.time ?? 0),
    raw: reaction,
  };
}
