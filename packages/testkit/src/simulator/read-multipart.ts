// A multipart/form-data body read byte for byte (RFC 7578). The WHATWG `Request.formData()`
// turns a part without a filename into a string decoded as UTF-8, which loses the bytes of a
// binary chunk; a simulator counting an upload's bytes needs each part's raw bytes and headers.

/**
 * One part of a multipart/form-data body, as {@link readMultipart} reads it.
 *
 * @example
 * ```ts
 * const size = (part: MultipartPart) => part.bytes.byteLength;
 * ```
 */
export interface MultipartPart {
  /** The `name` of its Content-Disposition. */
  readonly name: string;
  /** The `filename` of its Content-Disposition, when it has one. */
  readonly filename: string | undefined;
  /** Its Content-Type header, lower-cased, when it has one. */
  readonly contentType: string | undefined;
  /** Its content, exactly as sent. */
  readonly bytes: Uint8Array;
}

const CRLF = [13, 10] as const;
const HEADER_END = new Uint8Array([13, 10, 13, 10]);

/**
 * The parts of a multipart/form-data request (RFC 7578) with each part's raw bytes, or
 * `undefined` when the body is not well-formed multipart (no boundary, no closing delimiter, a
 * part without headers or a name). Unlike `Request.formData()`, a binary part without a filename
 * keeps its bytes: for upload routes that count or check what was sent.
 *
 * @example
 * ```ts
 * const parts = await readMultipart(request);
 * const media = parts?.find((part) => part.name === 'media');
 * ```
 */
export async function readMultipart(request: Request): Promise<MultipartPart[] | undefined> {
  const boundary = boundaryOf(request.headers.get('content-type') ?? '');
  if (boundary === undefined) return undefined;
  const body = new Uint8Array(await request.arrayBuffer());
  const encoder = new TextEncoder();
  const first = encoder.encode(`--${boundary}`);
  // RFC 2046 §5.1.1: every delimiter but the first is preceded by CRLF, which belongs to it.
  const next = encoder.encode(`\r\n--${boundary}`);
  let at = indexOf(body, first, 0);
  if (at < 0) return undefined;
  at += first.length;
  const parts: MultipartPart[] = [];
  for (;;) {
    if (body[at] === 45 && body[at + 1] === 45) return parts; // `--`: the closing delimiter
    if (body[at] !== CRLF[0] || body[at + 1] !== CRLF[1]) return undefined;
    const headersEnd = indexOf(body, HEADER_END, at);
    const end = indexOf(body, next, at);
    if (headersEnd < 0 || end < 0 || headersEnd > end) return undefined;
    const part = partOf(
      new TextDecoder().decode(body.subarray(at + 2, headersEnd)),
      body.subarray(headersEnd + 4, end),
    );
    if (part === undefined) return undefined;
    parts.push(part);
    at = end + next.length;
  }
}

function partOf(headerText: string, bytes: Uint8Array): MultipartPart | undefined {
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') disposition = value;
    if (name === 'content-type') contentType = value.toLowerCase();
  }
  if (disposition === undefined) return undefined;
  const name = parameterOf(disposition, 'name');
  if (name === undefined) return undefined;
  return { name, filename: parameterOf(disposition, 'filename'), contentType, bytes };
}

/** A `key=value` or `key="value"` parameter of a header value (`name` does not match `filename`). */
function parameterOf(header: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(header);
  if (match === null) return undefined;
  return match[1] === undefined ? match[2] : match[1].replace(/\\(.)/g, '$1');
}

function boundaryOf(contentType: string): string | undefined {
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return undefined;
  const boundary = parameterOf(contentType, 'boundary');
  return boundary === undefined || boundary === '' ? undefined : boundary;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const last = haystack.length - needle.length;
  outer: for (let start = from; start <= last; start += 1) {
    for (let offset = 0; offset < needle.length; offset += 1) {
      if (haystack[start + offset] !== needle[offset]) continue outer;
    }
    return start;
  }
  return -1;
}
