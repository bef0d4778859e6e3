import type { LinkedInComment } from './schemas.js';

/**
 * A comment's URN, `urn:li:comment:({post},{id})`: the `commentUrn` LinkedIn returns, `$URN` in
 * older answers, else made from `object` and `id` the way LinkedIn composes it
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api).
 *
 * @param comment - the comment as LinkedIn returned it
 * @returns its URN, or `undefined` when the answer has none and too little to make one
 *
 * @example
 * ```ts
 * commentUrnOf({ id: '6636062862760562688', object: 'urn:li:activity:6631349431612559360' });
 * // 'urn:li:comment:(urn:li:activity:6631349431612559360,6636062862760562688)'
 * ```
 */
export function commentUrnOf(comment: LinkedInComment): string | undefined {
  if (comment.commentUrn !== undefined && comment.commentUrn !== '') return comment.commentUrn;
  if (comment.$URN !== undefined && comment.$URN !== '') return comment.$URN;
  if (comment.id === undefined || comment.object === undefined) return undefined;
  return `urn:li:comment:(${comment.object},${comment.id})`;
}
