/**
 * The slowest upload a request's timeout makes room for: 1 Mbit/s, 125,000 bytes a second. A
 * video chunk of 20 MB (TikTok's last chunk) takes 160 s at that rate, far past a 30-second
 * timeout meant for waiting on an answer.
 */
const SLOWEST_UPLOAD_BYTES_PER_SECOND = 125_000;

/**
 * The timeout of one request: the client's (or the request's own), plus the time its body takes
 * to send at {@link SLOWEST_UPLOAD_BYTES_PER_SECOND} when its size is known without reading it
 * (bytes, a `Blob`, the parts of a `FormData`). A body of unknown size (a stream) gets none.
 *
 * @param timeoutMs - how long to wait for the answer
 * @param body - the request's body
 * @returns the timeout in ms
 */
export function timeoutWithUpload(timeoutMs: number, body: BodyInit | undefined): number {
  const bytes = knownBytes(body);
  return bytes === 0 ? timeoutMs : timeoutMs + Math.ceil((bytes / SLOWEST_UPLOAD_BYTES_PER_SECOND) * 1000);
}

function knownBytes(body: BodyInit | FormDataEntryValue | undefined): number {
  if (body === undefined || body === null || typeof body === 'string') return 0;
  if (body instanceof Blob) return body.size;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body.byteLength;
  if (body instanceof FormData) {
    let bytes = 0;
    for (const [, value] of body) bytes += knownBytes(value);
    return bytes;
  }
  return 0;
}
