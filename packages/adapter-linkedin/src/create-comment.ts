import { AmbiguousOutcomeError, type RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { commentUrnOf } from './comment-urn.js';
import { CommentSchema, type LinkedInComment } from './schemas.js';
import { COMMENT_URN, decodeRestliKey, encodeUrn } from './urn.js';

/** What one new comment holds. */
export interface NewLinkedInComment {
  /** Who comments: the member or organization URN. */
  readonly actor: string;
  /** The post (share, ugcPost) the comment is on. */
  readonly object: string;
  /** The text. */
  readonly text: string;
  /** The comment URN this one replies to, for a nested reply. */
  readonly parentComment?: string | undefined;
}

/** A created comment: LinkedIn's answer and the comment's URN. */
export interface CreatedLinkedInComment {
  /** The comment as LinkedIn returned it. */
  readonly comment: LinkedInComment;
  /** `urn:li:comment:(…,…)`. */
  readonly urn: string;
}

/**
 * Comments on a post, or replies to a comment: `POST /rest/socialActions/{urn}/comments` with
 * `{actor, object, message:{text}, parentComment?}`, where `{urn}` is the post, or the parent
 * comment for a reply (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api).
 * LinkedIn answers 201 with the comment. The text is sent as written: comments carry mentions
 * as attributes, not in the little format of post commentary.
 *
 * Marked as creating a resource: a lost answer is an `AmbiguousOutcomeError`, and so is an
 * answer without a comment URN.
 *
 * @param http - the adapter's HTTP client
 * @param comment - actor, post, text and parent
 * @param context - tokens, signal and clock
 * @param operation - the request's name in errors (`create first comment`, `create reply`)
 * @returns the comment and its URN
 *
 * @example
 * ```ts
 * const { urn } = await createLinkedInComment(http, { actor, object: postUrn, text: 'Link in the first comment' }, ctx, 'create first comment');
 * ```
 */
export async function createLinkedInComment(
  http: HttpClient,
  comment: NewLinkedInComment,
  context: RequestContext,
  operation: string,
): Promise<CreatedLinkedInComment> {
  const on = comment.parentComment ?? comment.object;
  const { data, headers, status } = await http.request({
    method: 'POST',
    path: `/rest/socialActions/${encodeUrn(on)}/comments`,
    operation,
    json: {
      actor: comment.actor,
      object: comment.object,
      message: { text: comment.text },
      ...(comment.parentComment === undefined ? {} : { parentComment: comment.parentComment }),
    },
    schema: CommentSchema,
    context,
    createsResource: true,
  });
  const header = headers.get('x-restli-id');
  const urn = commentUrnOf(data) ?? (header === null ? undefined : decodeRestliKey(header));
  if (urn === undefined || !COMMENT_URN.test(urn)) {
    throw new AmbiguousOutcomeError(
      `${operation} (POST /rest/socialActions/…/comments → ${status}): LinkedIn answered without a comment URN (urn:li:comment:(…,…)); the comment may exist.`,
      { platform: 'linkedin', status, operation },
    );
  }
  return { comment: data, urn };
}
