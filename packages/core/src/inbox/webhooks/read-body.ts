/**
 * A request's body as bytes, read no further than `maxBytes`: `undefined` when it is longer. A
 * declared `Content-Length` over the limit is refused before reading; a body that streams past
 * it is cancelled there, so an unauthenticated sender cannot make the app buffer megabytes
 * before the signature is even checked.
 *
 * @param request - the incoming request
 * @param maxBytes - the largest body accepted
 * @returns the bytes, or `undefined` when the body is over the limit
 *
 * @example
 * ```ts
 * const body = await readBodyWithin(request, 1_048_576);
 * if (body === undefined) return new Response(null, { status: 413 });
 * ```
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return undefined;
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
