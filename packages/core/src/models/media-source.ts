import * as z from 'zod/mini';
import { HttpUrlSchema } from './http-url.js';
import { NonEmptyStringSchema } from './ids.js';

/**
 * Opens the media's bytes afresh on every call. A factory rather than a stream, because a
 * stream can be read once only and a retried upload must read the bytes again.
 */
export type MediaStreamFactory = () => ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** Media at a public `http(s)` URL; platforms that pull from URLs (Instagram, TikTok) use it as is. */
export const UrlMediaSourceSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Discriminator. */
    type: z.literal('url'),
    /** Where the platform (or the adapter) downloads the media from. */
    url: HttpUrlSchema,
  }))();

/** Media held in memory. */
export const BytesMediaSourceSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Discriminator. */
    type: z.literal('bytes'),
    /** The whole file (a Node `Buffer` is a `Uint8Array` too). */
    // Typed as plain `Uint8Array` (any backing buffer) so a Node `Buffer` or a view on a shared
    // buffer is accepted; `z.instanceof` would narrow it to `Uint8Array<ArrayBuffer>`.
    bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'expected a Uint8Array' }),
  }))();

/** Media in a local file, read by the adapter when it uploads (Node only). */
export const FileMediaSourceSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Discriminator. */
    type: z.literal('file'),
    /** Path of the file on the local disk. */
    path: NonEmptyStringSchema,
  }))();

/**
 * Media produced by a stream factory (see {@link MediaStreamFactory}). The media's `sizeBytes`
 * is then required: chunked uploads declare the total up front (X `total_bytes`, LinkedIn
 * `fileSizeBytes`, TikTok `video_size`; shared platform facts).
 */
export const StreamMediaSourceSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Discriminator. */
    type: z.literal('stream'),
    /** Returns a new stream of the media's bytes each time it is called. */
    stream: z.custom<MediaStreamFactory>((value) => typeof value === 'function', {
      error: 'expected a function that returns a ReadableStream or an AsyncIterable of bytes',
    }),
  }))();

/**
 * Where a media item's bytes come from: a URL, bytes in memory, a local file or a stream
 * factory. Discriminated by `type`.
 *
 * @example
 * ```ts
 * const source: MediaSource = { type: 'url', url: 'https://cdn.example.com/launch.jpg' };
 * ```
 */
export const MediaSourceSchema = /* @__PURE__ */ z.discriminatedUnion('type', [
  UrlMediaSourceSchema,
  BytesMediaSourceSchema,
  FileMediaSourceSchema,
  StreamMediaSourceSchema,
]);

/**
 * Where a media item's bytes come from, discriminated by `type`: a public URL the platform pulls
 * (Instagram, TikTok), bytes in memory (a Node `Buffer` is a `Uint8Array`), a local file read at
 * upload time (Node only), or a stream factory called afresh for every (re)upload (the media's
 * `sizeBytes` is then required: chunked uploads declare the total up front).
 *
 * @example
 * ```ts
 * const source: MediaSource = { type: 'url', url: 'https://cdn.example.com/launch.jpg' };
 * ```
 */
export type MediaSource =
  | {
      /** Discriminator: a public `http(s)` URL. */
      readonly type: 'url';
      /** Where the platform (or the adapter) downloads the media from. */
      readonly url: string;
    }
  | {
      /** Discriminator: bytes in memory. */
      readonly type: 'bytes';
      /** The whole file. */
      readonly bytes: Uint8Array;
    }
  | {
      /** Discriminator: a local file. */
      readonly type: 'file';
      /** Path of the file on the local disk. */
      readonly path: string;
    }
  | {
      /** Discriminator: a stream factory. */
      readonly type: 'stream';
      /** Returns a new stream of the media's bytes each time it is called. */
      readonly stream: MediaStreamFactory;
    };

// The hand-written type and the schema must describe the same values.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mediaSourceMatchesSchema: Same<MediaSource, Readonly<z.output<typeof MediaSourceSchema>>> = true;
void mediaSourceMatchesSchema;
