/**
 * Reads `response`'s body as text within `timeoutMs`. The request's timeout (ky's `timeout`) ends
 * when the headers arrive, so a server or proxy that sends headers and then stalls would hold the
 * request, and the account's queue behind it, until the connection drops (undici's own body
 * timeout is 5 minutes; a custom `fetch` may have none). Past `timeoutMs`, `reading` is aborted,
 * which cancels the body where the runtime's `fetch` took that signal, and the read rejects with a
 * `TimeoutError`, which the client maps like a timeout before the headers.
 *
 * @param response - the answer whose headers arrived
 * @param reading - the controller whose signal the request was sent with
 * @param timeoutMs - how long the body may take
 * @returns the body as text
 */
export async function readBodyWithin(
  response: Response,
  reading: AbortController,
  timeoutMs: number,
): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const timeout = new DOMException(
        `The response body did not arrive within ${timeoutMs} ms.`,
        'TimeoutError',
      );
      reading.abort(timeout);
      reject(timeout);
    }, timeoutMs);
  });
  try {
    return await Promise.race([response.text(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}
