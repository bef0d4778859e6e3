/**
 * Failures a platform reports inside a 2xx answer, with the echo in the failure's text: the
 * answer the simulator gave, rewritten. No HTTP error is involved, so nothing in core's error path
 * sees the text; the adapter builds its error from it. The registry of the sweep's 2xx probes: an
 * adapter whose platform reports failures this way adds an entry.
 */

/** Where {@link AnswerEcho.rewrite} puts the echo; replaced in the JSON text, so escapes stay as written. */
export const ANSWER_ECHO = '@@answer-echo@@';

/** One kind of 2xx failure. */
export interface AnswerEcho {
  /** The platform id. */
  readonly platform: string;
  /** The simulator route whose answers are rewritten (`GET /2/media/upload`). */
  readonly route: string;
  /** What the rewritten answer says, for the report. */
  readonly name: string;
  /** The simulator's answer, rewritten to report the failure with {@link ANSWER_ECHO} in its text. */
  rewrite(answer: unknown): unknown;
}

/**
 * X's failed media processing: `processing_info.state: failed` with `error: {code, name, message}`
 * (https://docs.x.com/x-api/media/quickstart/media-upload-chunked, STATUS step; the failed example
 * of https://developer.x.com/en/docs/media/upload-media/api-reference/get-media-upload-status).
 */
function xProcessingFailed(answer: unknown): unknown {
  const data = (answer as { data?: object } | undefined)?.data ?? {};
  return {
    ...(answer as object),
    data: {
      ...data,
      processing_info: {
        state: 'failed',
        progress_percent: 100,
        error: { code: 1, name: 'InvalidMedia', message: `Unsupported media for ${ANSWER_ECHO}` },
      },
    },
  };
}

/** Every 2xx failure the sweep tries. */
export const ANSWER_ECHOES: readonly AnswerEcho[] = [
  {
    platform: 'x',
    route: 'POST /2/media/upload/:id/finalize',
    name: 'processing failed',
    rewrite: xProcessingFailed,
  },
  { platform: 'x', route: 'GET /2/media/upload', name: 'processing failed', rewrite: xProcessingFailed },
  {
    platform: 'instagram',
    route: 'GET /:version/:id',
    // https://developers.facebook.com/docs/instagram-platform/reference/ig-container: `status_code`
    // ERROR with the reason in `status`.
    name: 'container status ERROR',
    rewrite: (answer) => ({
      ...(answer as object),
      status_code: 'ERROR',
      status: `Error: Media upload has failed with error code 2207026 (${ANSWER_ECHO})`,
    }),
  },
];
