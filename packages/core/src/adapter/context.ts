import type { TokenProvider } from '../auth/token-provider.js';
import type { Account } from '../models/account.js';
import type { RateLimitInfo } from '../models/rate-limit-info.js';
import type { Clock } from '../time/clock.js';

/**
 * What every adapter call that reaches the platform needs: whose token to use, how to stop, how
 * time passes, and where to report rate-limit state as it arrives.
 *
 * @example
 * ```ts
 * const ctx: RequestContext = {
 *   account: { platform: 'x', accountId: '2244994945', handle: 'XDevelopers' },
 *   tokens: staticTokenProvider(process.env.X_TOKEN ?? ''),
 *   signal: AbortSignal.timeout(60_000),
 * };
 * await adapter.delete?.(ref, ctx);
 * ```
 */
export interface RequestContext {
  /** The account the call acts for (the platform's user, page or organization id). */
  readonly account: Account;
  /** The account's tokens. Adapters never store tokens themselves. */
  readonly tokens: TokenProvider;
  /** Stops the call; work not yet sent is not sent. */
  readonly signal?: AbortSignal | undefined;
  /** The clock used for polling and waiting (default: the system clock). */
  readonly clock?: Clock | undefined;
  /**
   * Called with every rate-limit state a response reports, as it arrives, so that the
   * publisher can slow down before a limit rather than after a 429.
   */
  readonly onRateLimit?: ((info: RateLimitInfo) => void) | undefined;
}

/** Progress of a long publish step, reported through {@link PublishContext.onProgress}. */
export interface PublishProgress {
  /** Which step: uploading bytes, waiting for the platform to process media, publishing. */
  readonly stage: 'upload' | 'processing' | 'publish';
  /** Index of the media item in `post.media` (or in the thread part), when the step concerns one. */
  readonly mediaIndex?: number | undefined;
  /** Bytes sent so far, during uploads. */
  readonly bytesSent?: number | undefined;
  /** Total bytes to send, during uploads, when known. */
  readonly bytesTotal?: number | undefined;
  /** The platform's own progress percentage while it processes media, when it reports one. */
  readonly percent?: number | undefined;
}

/** The context of {@link Adapter.publish}: a {@link RequestContext} plus publish-only hooks. */
export interface PublishContext extends RequestContext {
  /** Receives progress of uploads and processing. */
  readonly onProgress?: ((progress: PublishProgress) => void) | undefined;
  /**
   * A key unique to this publish of this post to this target, stable across retries. Adapters
   * of platforms that accept one send it (Mastodon's `Idempotency-Key`), so a retried create
   * returns the first post instead of making a second.
   */
  readonly idempotencyKey?: string | undefined;
  /**
   * Native scheduling: hand the post to the platform now, to go live at this instant on the
   * platform's own schedule (Facebook's `published=false` + `scheduled_publish_time`). Set only
   * for adapters whose `capabilities.nativeScheduling` is not `false`, and only within its
   * `minLeadSeconds`–`maxLeadSeconds` from now (the publisher checks both before calling). The
   * adapter answers with `PublishResult.scheduledFor` set.
   */
  readonly scheduledFor?: Date | undefined;
}
