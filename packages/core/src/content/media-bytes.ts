import type { Media } from '../models/media.js';

/**
 * The whole of a media item's bytes as a `Blob` typed with its MIME type, ready for a multipart
 * upload. Reads `bytes` as they are, a `file` from disk (Node 22.3+ only: see below), a `stream`
 * by draining it. A `url` source cannot be read here:
 * platforms that take URLs fetch them themselves, so adapters pass the URL on instead.
 *
 * @example
 * ```ts
 * const form = new FormData();
 * form.set('file', await readMediaBlob(post.media[0]), 'upload');
 * ```
 */
export async function readMediaBlob(media: Media): Promise<Blob> {
  const { source } = media;
  switch (source.type) {
    case 'bytes':
      return new Blob([source.bytes as Uint8Array<ArrayBuffer>], { type: media.mimeType });
    case 'file':
      return openFileAsBlob(source.path, media.mimeType);
    case 'stream': {
      const parts: Uint8Array<ArrayBuffer>[] = [];
      for await (const chunk of iterate(source.stream())) parts.push(chunk as Uint8Array<ArrayBuffer>);
      return new Blob(parts, { type: media.mimeType });
    }
    case 'url':
      throw new TypeError('readMediaBlob: a url source is fetched by the platform; pass the URL on instead.');
  }
}

/**
 * A media item's bytes in chunks of exactly `chunkSize` bytes (the last may be shorter), for
 * chunked uploads (X's append, TikTok's and LinkedIn's ranged PUTs). Streams are re-chunked
 * as they arrive, so a large file is never held in memory whole.
 *
 * @example
 * ```ts
 * let index = 0;
 * for await (const chunk of readMediaChunks(video, 1024 * 1024)) await append(index++, chunk);
 * ```
 */
export async function* readMediaChunks(media: Media, chunkSize: number): AsyncGenerator<Uint8Array> {
  if (!Number.isInteger(chunkSize) || chunkSize <= 0)
    throw new RangeError('chunkSize must be a positive integer');
  const { source } = media;
  if (source.type === 'bytes') {
    for (let offset = 0; offset < source.bytes.byteLength; offset += chunkSize) {
      yield source.bytes.subarray(offset, offset + chunkSize);
    }
    return;
  }
  const input =
    source.type === 'stream' ? iterate(source.stream()) : iterate((await readMediaBlob(media)).stream());
  let buffer = new Uint8Array(chunkSize);
  let filled = 0;
  for await (const piece of input) {
    let offset = 0;
    while (offset < piece.byteLength) {
      const take = Math.min(chunkSize - filled, piece.byteLength - offset);
      buffer.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === chunkSize) {
        yield buffer;
        buffer = new Uint8Array(chunkSize);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield buffer.subarray(0, filled);
}

/**
 * A file on disk as a Blob, with `node:fs` reached through `process.getBuiltinModule`
 * (https://nodejs.org/api/process.html#processgetbuiltinmoduleid, Node 22.3+) only when a `file`
 * source is read. Not an `import`: a bundler for edge workers or browsers (esbuild
 * `--platform=neutral`) then finds no Node built-in on the publish path, and a runtime without
 * Node's file system gets this error instead of a failed import.
 */
function openFileAsBlob(path: string, type: string): Promise<Blob> {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs');
  if (fs === undefined)
    throw new TypeError(
      'readMediaBlob: a file source needs Node 22.3 or later; pass bytes or a stream instead.',
    );
  return fs.openAsBlob(path, { type });
}

function iterate(stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  if (Symbol.asyncIterator in stream) return stream as AsyncIterable<Uint8Array>;
  const reader = (stream as ReadableStream<Uint8Array>).getReader();
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
}
