import type { Media, PublishProgress } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { photo, useFacebook } from './support/harness.js';

const h = useFacebook();
const PHOTOS = 'POST /:version/:pageId/photos';
const FEED = 'POST /:version/:pageId/feed';

/** A PNG given as bytes. */
function pngBytes(size: number, extra: Partial<Media> = {}): Media {
  return {
    kind: 'image',
    mimeType: 'image/png',
    source: { type: 'bytes', bytes: new Uint8Array(size).fill(7) },
    ...extra,
  } as Media;
}

describe('photos by bytes', () => {
  it('uploads one photo as the multipart `source` of /photos and refers to the post', async () => {
    const progress: PublishProgress[] = [];
    const result = await h
      .adapter()
      .publish(
        { text: 'Fresh from the oven', media: [pngBytes(1234, { altText: 'A loaf' })] },
        h.context({ onProgress: (event) => progress.push(event) }),
      );
    const [sent] = h.facebook.sim.log.bodies(PHOTOS);
    expect(sent).toEqual({
      message: 'Fresh from the oven',
      alt_text_custom: 'A loaf',
      source: '[file image/png 1234 bytes]',
    });
    const stored = h.facebook.sim.posts.get(result.ref.platformPostId);
    expect(stored?.text).toBe('Fresh from the oven');
    // The simulator keeps the photo as Facebook received it: the bytes' size and type.
    expect(stored?.media.map(({ kind, mimeType, sizeBytes }) => ({ kind, mimeType, sizeBytes }))).toEqual([
      { kind: 'image', mimeType: 'image/png', sizeBytes: 1234 },
    ]);
    expect(result.ref.platformPostId).toMatch(new RegExp(`^${h.acme.account.id}_\\d+$`));
    expect(progress).toEqual([
      { stage: 'upload', mediaIndex: 0, bytesSent: 0, bytesTotal: 1234 },
      { stage: 'upload', mediaIndex: 0, bytesSent: 1234, bytesTotal: 1234 },
    ]);
  });

  it('uploads byte and URL photos unpublished, then attaches them all to one feed post', async () => {
    const result = await h
      .adapter()
      .publish({ text: 'Three loaves', media: [pngBytes(10), photo('b'), pngBytes(20)] }, h.context());
    const uploads = h.facebook.sim.log.bodies(PHOTOS);
    expect(uploads.map((body) => body.source ?? body.url)).toEqual([
      '[file image/png 10 bytes]',
      'https://cdn.smmkit.test/b.jpg',
      '[file image/png 20 bytes]',
    ]);
    expect(uploads.every((body) => String(body.published) === 'false')).toBe(true);
    expect(h.facebook.sim.log.forRoute(FEED)).toHaveLength(1);
    expect(h.facebook.sim.posts.get(result.ref.platformPostId)?.media.map((item) => item.sizeBytes)).toEqual([
      10, 0, 20,
    ]);
    // The uploads are used up by the post.
    expect(h.facebook.sim.media.filter(() => true)).toHaveLength(0);
  });

  it('refuses a photo request with neither url nor a source file, as Graph does (324)', async () => {
    const multipart = new FormData();
    multipart.set('message', 'No photo either');
    for (const body of [JSON.stringify({ message: 'No photo' }), multipart]) {
      const response = await fetch(`${h.facebook.baseUrl}/v26.0/${h.acme.account.id}/photos`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${h.acme.accessToken}`,
          ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
        },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: 324, message: '(#324) Requires upload file' },
      });
    }
    expect(h.facebook.sim.posts.filter(() => true)).toHaveLength(0);
  });
});
