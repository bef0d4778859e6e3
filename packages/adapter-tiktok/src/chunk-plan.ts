// TikTok's chunk rules for a FILE_UPLOAD
// (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide, "Chunk restrictions"):
// chunks of 5 MB to 64 MB except the last, which takes the trailing bytes (up to 128 MB); a file
// under 5 MB goes whole, and one over 64 MB "must be uploaded in multiple chunks"; 1 to 1 000
// chunks; total_chunk_count = floor(video_size / chunk_size).
// "MB" is not defined there, so the bounds are the stricter reading of each: 5 MiB at least,
// 64 000 000 bytes at most.

/** Smallest chunk TikTok takes (5 MiB), except a file sent whole. */
export const MIN_CHUNK_BYTES = 5 * 1024 * 1024;

/** Largest chunk TikTok takes, except the last (64 MB). */
export const MAX_CHUNK_BYTES = 64_000_000;

/** Largest last chunk, which carries the trailing bytes (128 MB). */
export const MAX_FINAL_CHUNK_BYTES = 128_000_000;

/** Most chunks in one upload. */
export const MAX_CHUNK_COUNT = 1000;

/** One chunk of an upload: its bytes `first`..`last` (inclusive) of `total`. */
export interface TikTokChunk {
  /** Index of the chunk, from 0. */
  readonly index: number;
  /** First byte, from 0. */
  readonly first: number;
  /** Last byte, inclusive. */
  readonly last: number;
  /** The `Content-Range` to send: `bytes {first}-{last}/{total}`. */
  readonly contentRange: string;
}

/** How a file is cut: what the init declares and the chunks to PUT, in order. */
export interface TikTokChunkPlan {
  /** `source_info.video_size`. */
  readonly videoSize: number;
  /** `source_info.chunk_size`. */
  readonly chunkSize: number;
  /** `source_info.total_chunk_count`. */
  readonly totalChunkCount: number;
  /** The chunks; the last one runs to the end of the file. */
  readonly chunks: readonly TikTokChunk[];
}

/**
 * Cuts a file of `videoSize` bytes into the chunks TikTok takes: a file no larger than
 * `preferredChunkSize` is one chunk of its own size; a larger one is `floor(size / chunkSize)`
 * chunks of `chunkSize` bytes, the last carrying the trailing bytes as well. The chunk size grows
 * when 1 000 chunks would not hold the file, and shrinks to half the file when a file over 64 MB
 * would otherwise go as one chunk (a 70 MB file with 40 MB chunks goes as two of 35 MB).
 *
 * @param videoSize - the file's size in bytes (at least 1)
 * @param preferredChunkSize - the chunk size to use, 5 MiB to 64 MB (the adapter's `chunkSizeBytes`)
 * @returns what to declare and the byte ranges to send
 * @throws RangeError for an empty file or a chunk size outside TikTok's bounds
 *
 * @example
 * ```ts
 * tiktokChunkPlan(25_000_000, 10_000_000);
 * // { videoSize: 25000000, chunkSize: 10000000, totalChunkCount: 2,
 * //   chunks: [{ contentRange: 'bytes 0-9999999/25000000', … }, { contentRange: 'bytes 10000000-24999999/25000000', … }] }
 * ```
 */
export function tiktokChunkPlan(videoSize: number, preferredChunkSize: number): TikTokChunkPlan {
  if (!Number.isInteger(videoSize) || videoSize < 1)
    throw new RangeError('tiktokChunkPlan: the video must have at least one byte');
  if (preferredChunkSize < MIN_CHUNK_BYTES || preferredChunkSize > MAX_CHUNK_BYTES)
    throw new RangeError(
      `tiktokChunkPlan: the chunk size must be ${MIN_CHUNK_BYTES} to ${MAX_CHUNK_BYTES} bytes`,
    );
  let chunkSize =
    videoSize <= preferredChunkSize
      ? videoSize
      : Math.max(preferredChunkSize, Math.ceil(videoSize / MAX_CHUNK_COUNT));
  // Over 64 MB a file takes two chunks at least, so no chunk of it is over 64 MB (the last one,
  // under twice the chunk size, stays within 128 MB).
  if (videoSize > MAX_CHUNK_BYTES && videoSize < 2 * chunkSize) chunkSize = Math.floor(videoSize / 2);
  const totalChunkCount = Math.floor(videoSize / chunkSize);
  const chunks = Array.from({ length: totalChunkCount }, (_, index): TikTokChunk => {
    const first = index * chunkSize;
    const last = index === totalChunkCount - 1 ? videoSize - 1 : first + chunkSize - 1;
    return { index, first, last, contentRange: `bytes ${first}-${last}/${videoSize}` };
  });
  return { videoSize, chunkSize, totalChunkCount, chunks };
}
