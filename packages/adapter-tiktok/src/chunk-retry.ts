import { AmbiguousOutcomeError, type PublishContext, TransientError } from '@smmkit/core';
import { sleepInContext } from '@smmkit/core/adapter-kit';

/**
 * How many times one chunk is sent at most: once, then up to three resends. The media transfer
 * guide (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide, "Response")
 * says of a 5xx to a chunk "You should retry submitting this chunk" but gives no count.
 * ASSUMED: three resends ride out a brief upload-host hiccup without holding a failing publish
 * for long; past that, a new publish (new init, new upload URL) is the better bet.
 */
export const CHUNK_ATTEMPTS = 4;

/**
 * The wait before the first resend of a chunk, doubled before each next one (1 s, 2 s, 4 s).
 * ASSUMED: TikTok gives no backoff for the upload host; a short exponential one is enough for a
 * transient 5xx and keeps the whole retry under 10 s, well inside the upload URL's hour.
 */
export const CHUNK_RETRY_BASE_MS = 1000;

/** The chunk a {@link sendChunkWithRetries} call sends, for messages. */
export interface ChunkBeingSent {
  /** `chunk 2 of 5`. */
  readonly label: string;
  /** The init's `publish_id`. */
  readonly publishId: string;
  /**
   * The upload's last chunk: its `PUT` completes the file, so an attempt whose answer was lost,
   * or was a 5xx, may have completed it (the HTTP client makes that an `AmbiguousOutcomeError`).
   */
  readonly last: boolean;
}

/**
 * Sends one chunk with `send`, and sends it again, after a backoff on the context's clock, when
 * the upload host failed it: the media transfer guide
 * (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide, "Response")
 * answers a 5xx to a chunk, whichever it is, with "You should retry submitting this chunk". A
 * failure is resent when it is a 5xx or got no answer (the connection failed or timed out): a
 * `TransientError`, or for the last chunk the `AmbiguousOutcomeError` the HTTP client makes of
 * it, unless the publish was aborted. Every other error is thrown at once: the upload host's
 * refusals (403 expired URL, 404, 416), an abort, an unreadable answer.
 *
 * Resending the last chunk cannot post twice: the upload URL belongs to the one publish its init
 * made, and an upload TikTok already completed is not taken again (the guide answers 404 when
 * there is no upload task at the URL, 416 for a range that is not where the upload stands). So
 * once an attempt at the last chunk may have reached TikTok, what ends the retries without a
 * 201 (a refusal, the last failed attempt, an abort during a backoff) is an
 * `AmbiguousOutcomeError`: the publish then reads its status to learn whether TikTok has the
 * whole file. An abort during a backoff ends the wait at once.
 *
 * @param send - one attempt at the chunk
 * @param chunk - which chunk, and its publish, for messages
 * @param context - clock and abort signal of the publish
 * @returns what the successful attempt returned
 * @throws TransientError when the chunk failed {@link CHUNK_ATTEMPTS} times, none of which can
 *   have completed the upload: the last failure, saying so, with a hint to publish again
 * @throws AmbiguousOutcomeError when the retries of the last chunk end without a 201 after an
 *   attempt that may have completed the upload
 * @throws AbortedError when the publish is aborted during a backoff, before any such attempt
 *
 * @example
 * ```ts
 * const { status } = await sendChunkWithRetries(() => http.request(put), { label: 'chunk 1 of 3', publishId, last: false }, ctx);
 * ```
 */
export async function sendChunkWithRetries<T>(
  send: () => Promise<T>,
  chunk: ChunkBeingSent,
  context: PublishContext,
): Promise<T> {
  // The first attempt at the last chunk that may have completed the upload.
  let mayHaveArrived: AmbiguousOutcomeError | undefined;
  for (let attempt = 1; ; attempt += 1) {
    let failure: unknown;
    try {
      return await send();
    } catch (error) {
      failure = error;
    }
    const resendable = isResendable(failure, chunk, context);
    if (mayHaveArrived === undefined && AmbiguousOutcomeError.isInstance(failure) && resendable)
      mayHaveArrived = failure;
    const unsettled = (ended: unknown) =>
      mayHaveArrived === undefined ? undefined : lastChunkUnsettled(mayHaveArrived, ended, chunk);
    if (!resendable) throw unsettled(failure) ?? failure;
    if (attempt >= CHUNK_ATTEMPTS)
      throw unsettled(failure) ?? (TransientError.isInstance(failure) ? gaveUp(failure, chunk) : failure);
    try {
      await sleepInContext(
        context,
        CHUNK_RETRY_BASE_MS * 2 ** (attempt - 1),
        `waiting to resend ${chunk.label} of TikTok publish ${chunk.publishId} (nothing was published)`,
      );
    } catch (error) {
      throw unsettled(error) ?? error;
    }
  }
}

/**
 * A failure to send again: a 5xx, or no answer at all, of any chunk; for the last chunk the HTTP
 * client reports those as an `AmbiguousOutcomeError` (with the 5xx status, or none), which is
 * resent too unless the publish was aborted (an answer it got but could not read is not).
 */
function isResendable(
  error: unknown,
  chunk: ChunkBeingSent,
  context: PublishContext,
): error is TransientError | AmbiguousOutcomeError {
  const unanswered = (status: number | undefined) => status === undefined || status >= 500;
  if (TransientError.isInstance(error)) return unanswered(error.status);
  return (
    chunk.last &&
    AmbiguousOutcomeError.isInstance(error) &&
    unanswered(error.status) &&
    context.signal?.aborted !== true
  );
}

/**
 * The error that ends the retries of a last chunk after an attempt that may have completed the
 * upload (`first`): whatever ended them (`ended`), TikTok may have the whole file, so it is an
 * `AmbiguousOutcomeError`, which the publish settles by reading the publish status.
 */
function lastChunkUnsettled(
  first: AmbiguousOutcomeError,
  ended: unknown,
  chunk: ChunkBeingSent,
): AmbiguousOutcomeError {
  const why = ended instanceof Error && ended !== first ? ` The retries then ended: ${ended.message}` : '';
  return new AmbiguousOutcomeError(
    `${first.message} The adapter resent ${chunk.label}, the last, of TikTok publish ${chunk.publishId} without getting 201 Created, so TikTok may or may not have the whole file.${why}`,
    {
      platform: 'tiktok',
      operation: first.operation,
      ...(first.status === undefined ? {} : { status: first.status }),
      cause: ended,
    },
  );
}

/** The error for a chunk the upload host failed every time, none of which can have completed the upload. */
function gaveUp(error: TransientError, chunk: ChunkBeingSent): TransientError {
  return new TransientError(
    error.code,
    `${error.message} TikTok's upload host failed ${chunk.label} ${CHUNK_ATTEMPTS} times in a row, so the upload stopped; TikTok does not have the whole file, so nothing was published for ${chunk.publishId}.`,
    {
      platform: 'tiktok',
      status: error.status,
      platformError: error.platformError,
      retryAt: error.retryAt,
      cause: error,
      hint: 'Publish the post again later: a new publish gets a new upload URL and sends the whole file.',
    },
  );
}
