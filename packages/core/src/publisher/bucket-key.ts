import type { Capabilities, RateLimitOperations } from '../adapter/capabilities.js';
import type { Post } from '../models/post.js';

/** An operation whose buckets capabilities can declare; see `RateLimitOperations`. */
export type RateLimitOperation = keyof RateLimitOperations;

/** Where a bucket's budget lives: one account's bucket on one platform. */
export interface BucketId {
  /** Platform id. */
  readonly platform: string;
  /** The account. */
  readonly accountId: string;
  /** The bucket name. */
  readonly bucket: string;
}

/**
 * The map key of a bucket. `/` cannot be confused because bucket names come last.
 *
 * @param id - platform, account and bucket
 * @returns `platform/accountId/bucket`
 */
export function bucketKey(id: BucketId): string {
  return `${id.platform}/${id.accountId}/${id.bucket}`;
}

/**
 * The buckets an operation consumes, main bucket first: as `capabilities.rateLimits.operations`
 * declares them, or one bucket named after the operation when it declares none.
 *
 * @param capabilities - the adapter's capabilities
 * @param operation - the operation
 * @returns bucket names, never empty
 */
export function operationBuckets(
  capabilities: Capabilities,
  operation: RateLimitOperation,
): readonly string[] {
  const declared = capabilities.rateLimits.operations?.[operation];
  return declared !== undefined && declared.length > 0 ? declared : [operation];
}

/**
 * The buckets a publish of `post` consumes: `publish`, plus `upload` when it has media (in the
 * post or any thread part).
 *
 * @param capabilities - the adapter's capabilities
 * @param post - the post as it will be sent
 * @returns bucket names, main bucket first, without repeats
 */
export function publishBuckets(capabilities: Capabilities, post: Post): readonly string[] {
  const hasMedia =
    (post.media?.length ?? 0) > 0 || (post.thread ?? []).some((part) => (part.media?.length ?? 0) > 0);
  const buckets = [
    ...operationBuckets(capabilities, 'publish'),
    ...(hasMedia ? operationBuckets(capabilities, 'upload') : []),
  ];
  return [...new Set(buckets)];
}
