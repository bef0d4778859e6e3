import { type PublishContext, TransientError } from '@smmkit/core';
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
}

/**
 * Sends one chunk with `send`, and sends it again, after a backoff on the context's clock, when
 * the upload host failed it in a way that left nothing behind: a `TransientError` with no HTTP
 * status (the connection failed or timed out before any answer) or with a 5xx, which the media
 * transfer guide (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide)
 * answers with "You should retry submitting this chunk". Every other error is thrown at once:
 * the upload host's refusals (403 expired URL, 404, 416), and the `AmbiguousOutcomeError` the
 * HTTP client makes of a lost answer or a 5xx to the last chunk, whose outcome the publish
 * settles by reading the status (resending it could not tell "TikTok has it" from "it is
 * missing"). An abort during a backoff ends the wait at once with an `AbortedError`.
 *
 * @param send - one attempt at the chunk
 * @param chunk - which chunk, and its publish, for messages
 * @param context - clock and abort signal of the publish
 * @returns what the successful attempt returned
 * @throws TransientError when the chunk failed {@link CHUNK_ATTEMPTS} times: the last failure,
 *   saying so, with a hint to publish again
 *
 * @example
 * ```ts
 * const { status } = await sendChunkWithRetries(() => http.request(put), { label: 'chunk 1 of 3', publishId }, ctx);
 * ```
 */
export async function sendChunkWithRetries<T>(
  send: () => Promise<T>,
  chunk: ChunkBeingSent,
  context: PublishContext,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!isResendable(error)) throw error;
      if (attempt >= CHUNK_ATTEMPTS) throw gaveUp(error, chunk);
      await sleepInContext(
        context,
        CHUNK_RETRY_BASE_MS * 2 ** (attempt - 1),
        `waiting to resend ${chunk.label} of TikTok publish ${chunk.publishId} (nothing was published)`,
      );
    }
  }
}

/** A failure that left nothing on the upload host: no answer at all, or a 5xx. */
function isResendable(error: unknown): error is TransientError {
  return TransientError.isInstance(error) && (error.status === undefined || error.status >= 500);
}

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
