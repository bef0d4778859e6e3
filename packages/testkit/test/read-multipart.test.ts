import { describe, expect, it } from 'vitest';
import { readMultipart } from '../src/simulator/read-multipart.js';

const BOUNDARY = 'smmkit-raw-boundary';

/** A POST whose multipart body is written byte by byte, each part with exactly the headers given. */
function request(
  parts: readonly { headers: readonly string[]; content: Uint8Array | string }[],
  close = true,
) {
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  for (const part of parts) {
    pieces.push(encoder.encode(`--${BOUNDARY}\r\n${part.headers.join('\r\n')}\r\n\r\n`));
    pieces.push(typeof part.content === 'string' ? encoder.encode(part.content) : part.content);
    pieces.push(encoder.encode('\r\n'));
  }
  if (close) pieces.push(encoder.encode(`--${BOUNDARY}--\r\n`));
  return new Request('https://api.acme.test/upload', {
    method: 'POST',
    body: new Blob(pieces as BlobPart[]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  });
}

describe('readMultipart', () => {
  it('keeps the raw bytes of a binary part without a filename, and each part headers', async () => {
    // Every byte value: not valid UTF-8, which Request.formData() would have mangled.
    const chunk = Uint8Array.from({ length: 512 }, (_, index) => (index * 37) % 256);
    const parts = await readMultipart(
      request([
        { headers: ['Content-Disposition: form-data; name="media"'], content: chunk },
        {
          headers: [
            'Content-Disposition: form-data; name="file"; filename="a \\"b\\".png"',
            'Content-Type: IMAGE/PNG',
          ],
          content: 'png',
        },
      ]),
    );
    expect(parts?.map(({ name, filename, contentType }) => ({ name, filename, contentType }))).toEqual([
      { name: 'media', filename: undefined, contentType: undefined },
      { name: 'file', filename: 'a "b".png', contentType: 'image/png' },
    ]);
    expect(parts?.[0]?.bytes).toEqual(chunk);
  });

  it('answers undefined for a body that is not well-formed multipart', async () => {
    const part = { headers: ['Content-Disposition: form-data; name="media"'], content: 'x' };
    expect(await readMultipart(request([part], false))).toBeUndefined();
    expect(
      await readMultipart(request([{ headers: ['Content-Type: text/plain'], content: 'x' }])),
    ).toBeUndefined();
    const json = new Request('https://api.acme.test/upload', { method: 'POST', body: '{}' });
    expect(await readMultipart(json)).toBeUndefined();
  });
});
