import type { Poll, RateLimitInfo, RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import type { MastodonPostOptions } from './post-options.js';
import { type MastodonStatus, StatusSchema } from './schemas.js';

/** What one new status holds. */
export interface NewStatus {
  /** The text; may be empty when media is attached. */
  readonly text: string;
  /** Ids of uploaded, processed media attachments, in display order. */
  readonly mediaIds?: readonly string[] | undefined;
  /** A poll; Mastodon does not take one together with media. */
  readonly poll?: Poll | undefined;
  /** The status this one replies to (threads, first comments, replies). */
  readonly inReplyToId?: string | undefined;
  /** Visibility, content warning, sensitivity and language. */
  readonly options?: MastodonPostOptions | undefined;
}

/** How to send a new status. */
export interface CreateStatusOptions {
  /** What the request is for, in words, for error messages (`create status`, `create thread part 2`). */
  readonly operation: string;
  /** Tokens, signal and rate-limit listener of the calling operation. */
  readonly context: RequestContext;
  /** Sent as `Idempotency-Key`, so that a retried create returns the first status. */
  readonly idempotencyKey?: string | undefined;
}

/** A created status and the rate-limit state of the response. */
export interface CreatedStatus {
  /** The status as Mastodon returned it. */
  readonly status: MastodonStatus;
  /** Rate-limit state reported with it. */
  readonly rateLimit: RateLimitInfo | undefined;
}

/**
 * Posts one status: `POST /api/v1/statuses` with a JSON body (docs.joinmastodon.org:
 * methods/statuses#create). With an idempotency key, Mastodon remembers the key for up to an
 * hour and answers a repeat with the status it already made. The request is marked as creating
 * a resource, so a lost response is an `AmbiguousOutcomeError`, never retried blindly.
 *
 * @param http - the adapter's HTTP client
 * @param status - what to post
 * @param options - operation name, context and idempotency key
 * @returns the new status
 *
 * @example
 * ```ts
 * const { status } = await createStatus(http, { text: 'Hello' }, { operation: 'create status', context: ctx });
 * ```
 */
export async function createStatus(
  http: HttpClient,
  status: NewStatus,
  options: CreateStatusOptions,
): Promise<CreatedStatus> {
  const { data, rateLimit } = await http.request({
    method: 'POST',
    path: '/api/v1/statuses',
    operation: options.operation,
    json: statusBody(status),
    headers: options.idempotencyKey === undefined ? undefined : { 'Idempotency-Key': options.idempotencyKey },
    schema: StatusSchema,
    context: options.context,
    createsResource: true,
  });
  return { status: data, rateLimit };
}

/** The JSON body of `POST /api/v1/statuses`, with only the fields that are set. */
function statusBody(status: NewStatus): Record<string, unknown> {
  const { options = {} } = status;
  const mediaIds = status.mediaIds ?? [];
  return {
    // `status` is optional when media is attached (methods/statuses#create).
    ...(status.text === '' ? {} : { status: status.text }),
    ...(mediaIds.length === 0 ? {} : { media_ids: mediaIds }),
    // `poll[expires_in]` is in seconds (methods/statuses#create).
    ...(status.poll === undefined
      ? {}
      : { poll: { options: status.poll.options, expires_in: status.poll.durationMinutes * 60 } }),
    ...(status.inReplyToId === undefined ? {} : { in_reply_to_id: status.inReplyToId }),
    ...(options.visibility === undefined ? {} : { visibility: options.visibility }),
    ...(options.spoiler_text === undefined ? {} : { spoiler_text: options.spoiler_text }),
    ...(options.sensitive === undefined ? {} : { sensitive: options.sensitive }),
    ...(options.language === undefined ? {} : { language: options.language }),
  };
}
