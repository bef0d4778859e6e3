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
 * declares them, or, when it declares none, those of the operation it falls back to (`hide`
 * spends `reply`'s), else one bucket named after the operation.
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
  if (declared !== undefined && declared.length > 0) return declared;
  const fallback = FALLBACK_OPERATION[operation];
  return fallback === undefined ? [operation] : operationBuckets(capabilities, fallback);
}

/** Operations that spend another's buckets when an adapter declares none of their own. */
const FALLBACK_OPERATION: Partial<Record<RateLimitOperation, RateLimitOperation>> = { hide: 'reply' };

/** A bucket and how many requests to book on it at once (default 1). */
export interface BucketBooking extends BucketId {
  /** Requests to book (default 1). */
  readonly units?: number | undefined;
}

/** How many requests an operation will send to one bucket. */
export interface BucketDemand {
  /** The bucket name. */
  readonly bucket: string;
  /** Requests it will send there (at least 1). */
  readonly units: number;
}

/**
 * What a publish of `post` will spend, bucket by bucket, main bucket first: every part of a
 * thread is a create on the `publish` buckets, every media item (in the post or any part) a
 * round of requests on the `upload` buckets, and a first comment a request on the `reply`
 * buckets. A bucket named by more than one of these adds them up. The publisher books all of it
 * before the first request, so a thread of five never finds its window full at part three.
 *
 * @param capabilities - the adapter's capabilities
 * @param post - the post as it will be sent
 * @returns one entry per bucket, main bucket first
 *
 * @example
 * ```ts
 * publishDemand(xCapabilities, { text: 'a', thread: [{ text: 'b' }], firstComment: 'c' });
 * // [{ bucket: 'POST /2/tweets', units: 3 }]  (X replies are creates too)
 * ```
 */
export function publishDemand(capabilities: Capabilities, post: Post): readonly BucketDemand[] {
  const parts = [post, ...(post.thread ?? [])];
  const mediaItems = parts.reduce((count, part) => count + (part.media?.length ?? 0), 0);
  const units = new Map<string, number>();
  const spend = (operation: RateLimitOperation, count: number): void => {
    if (count === 0) return;
    for (const bucket of operationBuckets(capabilities, operation)) {
      units.set(bucket, (units.get(bucket) ?? 0) + count);
    }
  };
  spend('publish', parts.length);
  spend('upload', mediaItems);
  spend('reply', post.firstComment === undefined ? 0 : 1);
  return [...units].map(([bucket, count]) => ({ bucket, units: count }));
}
