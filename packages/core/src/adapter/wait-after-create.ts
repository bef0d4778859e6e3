import { MediaProcessingError } from '../errors/media-processing-error.js';
import { SmmkitError } from '../errors/smmkit-error.js';
import type { PublishContext } from './context.js';
import type { MediaPolling } from './wait-for-media-processing.js';
import { waitForMediaProcessing } from './wait-for-media-processing.js';

/** What {@link waitAfterCreate} waits for: a post the platform has already accepted. */
export interface AfterCreateWait<T> extends MediaPolling {
  /** The adapter's platform id, for progress and errors. */
  readonly platform: string;
  /** The platform's name in messages (`TikTok`). */
  readonly platformName: string;
  /** The post as the platform names it, for messages (`publish v_pub_123`, `video 987`). */
  readonly subject: string;
  /** One status read. Its failures are the read's, not the post's: they never end the publish as failed. */
  read(attempt: number): Promise<T>;
  /**
   * Judges a status read: `true` when the post is done, `false` while the platform is still at
   * work; throws the platform's own verdict that the post failed (it will not go live).
   */
  isDone(status: T): boolean;
  /** The platform's progress percentage after a read that was not done, when it reports one. */
  percent?(status: T): number | undefined;
}

/** How {@link waitAfterCreate} ended. */
export type AfterCreateOutcome<T> =
  | {
      /** The post is done (`isDone` said so). */
      readonly state: 'done';
      /** The status read that said so. */
      readonly last: T;
    }
  | {
      /** The wait stopped before the platform was done: the post was accepted and goes on. */
      readonly state: 'unfinished';
      /**
       * Why: `timeout` (still at work after `timeoutMs`, or every read failed until then),
       * `aborted` (the context's signal), or `unreadable` (a read failed in a way a later read
       * would not fix, such as a revoked token).
       */
      readonly reason: 'timeout' | 'aborted' | 'unreadable';
      /** The last status read, if any succeeded. */
      readonly last: T | undefined;
      /**
       * The message of the read failure that ended the wait (or of the last one before a timeout
       * or an abort), when it is one of smmkit's errors (their messages are free of credentials).
       */
      readonly detail: string | undefined;
    };

/**
 * Waits while a platform finishes a post it has already accepted (TikTok processing a publish,
 * Facebook a reel after its finish call), reading its status at once and then every
 * `intervalMs` on the context's clock, with `onProgress({ stage: 'processing' })` after each
 * read that is not done.
 *
 * Once the create was accepted, only the platform's verdict may fail the publish: a retry would
 * post twice, and a `failed` outcome would let the caller send again. So everything else ends the
 * wait as `unfinished` instead of throwing: a read that failed with a retryable error (a 5xx, a
 * 429, a dropped connection) is only a missed read, tried again at the next interval; an abort,
 * the deadline, or a read that cannot succeed later end the wait with their reason. The adapter
 * then answers with its pending result, which says the post was accepted and how to look it up.
 *
 * @param context - the publish context (clock, signal, progress)
 * @param wait - the post, the status read, its judgement, the interval and the timeout
 * @returns `done` with the last read, or `unfinished` with why
 * @throws what `isDone` throws: the platform's verdict that the post failed
 *
 * @example
 * ```ts
 * const outcome = await waitAfterCreate(ctx, {
 *   platform: 'acme', platformName: 'Acme', subject: `post ${postId}`, intervalMs: 5000, timeoutMs: 600_000,
 *   read: () => getPostStatus(postId),
 *   isDone: (status) => status === 'live',
 * });
 * if (outcome.state === 'unfinished') warnings.push({ code: 'publish_pending', message: `Acme is still at work (${outcome.reason})` });
 * ```
 */
export async function waitAfterCreate<T>(
  context: PublishContext,
  wait: AfterCreateWait<T>,
): Promise<AfterCreateOutcome<T>> {
  let last: T | undefined;
  let readFailure: unknown;
  let verdict: unknown;
  try {
    await waitForMediaProcessing(context, {
      platform: wait.platform,
      platformName: wait.platformName,
      mediaIndex: 0,
      media: wait.subject,
      intervalMs: wait.intervalMs,
      timeoutMs: wait.timeoutMs,
      percent: () => (last === undefined ? undefined : wait.percent?.(last)),
      check: async (attempt) => {
        try {
          last = await wait.read(attempt);
          readFailure = undefined;
        } catch (error) {
          readFailure = error;
          if (context.signal?.aborted || !SmmkitError.isInstance(error) || !error.retryable) throw error;
          return false;
        }
        try {
          return wait.isDone(last);
        } catch (error) {
          verdict = error;
          throw error;
        }
      },
    });
    return { state: 'done', last: last as T };
  } catch (error) {
    if (verdict !== undefined && error === verdict) throw error;
    if (context.signal?.aborted)
      return { state: 'unfinished', reason: 'aborted', last, detail: messageOf(readFailure) };
    if (MediaProcessingError.isInstance(error) && error.code === 'media_processing_timeout')
      return { state: 'unfinished', reason: 'timeout', last, detail: messageOf(readFailure) };
    return { state: 'unfinished', reason: 'unreadable', last, detail: messageOf(readFailure ?? error) };
  }
}

/**
 * The message of smmkit's own errors, which are redacted of credentials; another error's message
 * (an app's token provider, a bug) may hold anything, so it is left out.
 */
function messageOf(error: unknown): string | undefined {
  return SmmkitError.isInstance(error) ? error.message : undefined;
}

/**
 * Says why a wait after the create stopped, for the adapter's pending warning: "Acme was still
 * processing post 7 after 600000 ms", "The wait for Acme to finish post 7 was aborted", or "Acme
 * accepted post 7, but its status could not be read", with the last read failure's message.
 *
 * @param outcome - the unfinished wait
 * @param words - the platform's name, the post as the platform names it, and the wait's timeout
 * @returns the sentence, without a full stop, for the adapter to go on
 *
 * @example
 * ```ts
 * if (outcome.state === 'unfinished')
 *   warnings.push({ code: 'publish_pending', message: `${unfinishedWaitReason(outcome, { platformName: 'Acme', subject: 'post 7', timeoutMs })}; do not send it again.` });
 * ```
 */
export function unfinishedWaitReason(
  outcome: Pick<Extract<AfterCreateOutcome<unknown>, { state: 'unfinished' }>, 'reason' | 'detail'>,
  words: { readonly platformName: string; readonly subject: string; readonly timeoutMs: number },
): string {
  const { platformName, subject, timeoutMs } = words;
  const why = {
    timeout: `${platformName} was still processing ${subject} after ${timeoutMs} ms`,
    aborted: `The wait for ${platformName} to finish ${subject} was aborted`,
    unreadable: `${platformName} accepted ${subject}, but its status could not be read`,
  }[outcome.reason];
  return outcome.detail === undefined ? why : `${why} (last status read: ${outcome.detail})`;
}
