import * as z from 'zod/mini';
import { MediaSourceSchema } from './media-source.js';

/** The kinds of media a post can carry. */
export const MEDIA_KINDS = ['image', 'video', 'gif', 'document'] as const satisfies MediaKind[];

/**
 * What a media item is. `gif` is its own kind because platforms treat it apart (X allows one GIF
 * per post, 15 MB, versus four images of 5 MB; shared platform facts: docs.x.com media upload),
 * and `document` covers LinkedIn's PDF/PPT/DOC posts (learn.microsoft.com/linkedin Documents API).
 */
export const MediaKindSchema = /* @__PURE__ */ z.enum(MEDIA_KINDS);

/** What a media item is: `image`, `video`, `gif` (a kind of its own on X) or `document` (LinkedIn). */
export type MediaKind = 'image' | 'video' | 'gif' | 'document';

/** `type/subtype` as in RFC 6838 (`image/jpeg`, `video/mp4`, `application/pdf`). */
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/** A stream source needs `sizeBytes`; reads defensively because it also runs on half-parsed input. */
function streamHasSize(media: {
  readonly source?: { readonly type?: unknown };
  readonly sizeBytes?: unknown;
}): boolean {
  return media.source?.type !== 'stream' || media.sizeBytes !== undefined;
}

/**
 * One image, video, GIF or document attached to a post, with what platforms need to know before
 * uploading it. Platform limits (counts, sizes, durations, formats) are checked by each adapter's
 * `validate`, not here.
 *
 * A `stream` source requires `sizeBytes` (reported at `['sizeBytes']` of the item).
 *
 * @example
 * ```ts
 * const media: Media = {
 *   kind: 'image',
 *   source: { type: 'url', url: 'https://cdn.example.com/launch.jpg' },
 *   mimeType: 'image/jpeg',
 *   altText: 'Our new office at sunrise',
 * };
 * ```
 */
export const MediaSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      /** What the item is. */
      kind: MediaKindSchema,
      /** Where the bytes come from. */
      source: MediaSourceSchema,
      /** MIME type (`image/jpeg`, `video/mp4`, …); platforms accept different sets. */
      mimeType: z.string().check(z.regex(MIME_TYPE, { error: 'must be a MIME type such as "image/jpeg"' })),
      /** Total size in bytes; required for `stream` sources, ignored for `bytes` (their length counts). */
      sizeBytes: z.optional(z.int().check(z.nonnegative())),
      /** Alt text for screen readers (X, LinkedIn, Instagram `alt_text`, Mastodon `description`). */
      altText: z.optional(z.string()),
      /** Video or GIF length in seconds (X video 0.5–140 s, Reels 3 s–15 min; shared platform facts). */
      durationSec: z.optional(z.number().check(z.positive())),
      /** Width in pixels. */
      width: z.optional(z.int().check(z.positive())),
      /** Height in pixels. */
      height: z.optional(z.int().check(z.positive())),
      /** Video frame rate (X ≤ 60 fps, TikTok 23–60 fps; shared platform facts). */
      fps: z.optional(z.number().check(z.positive())),
      /** A title for the item where the platform shows one (LinkedIn documents and media, Facebook videos). */
      title: z.optional(z.string()),
    })
    .check(
      z.refine(streamHasSize, {
        error: 'a stream source needs sizeBytes: chunked uploads must declare the total size up front',
        path: ['sizeBytes'],
        // Also run when other fields of the item are broken, so every problem is reported at once.
        when: (payload) => typeof payload.value === 'object' && payload.value !== null,
      }),
    ))();

/** A media item as parsed. */
export interface Media extends z.output<typeof MediaSchema> {}

/**
 * The media's size in bytes when known: the length of in-memory bytes, else the declared
 * `sizeBytes`.
 *
 * @example
 * ```ts
 * mediaSize({ kind: 'image', mimeType: 'image/png', source: { type: 'bytes', bytes: new Uint8Array(3) } }); // 3
 * ```
 */
export function mediaSize(media: Pick<Media, 'source' | 'sizeBytes'>): number | undefined {
  return media.source.type === 'bytes' ? media.source.bytes.byteLength : media.sizeBytes;
}
