import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_COUNT, MIN_CHUNK_BYTES, tiktokChunkPlan } from '../src/index.js';

describe('tiktokChunkPlan (TikTok media transfer guide)', () => {
  it('sends a file smaller than a chunk whole, its own size as chunk_size', () => {
    expect(tiktokChunkPlan(3_000_000, 10_000_000)).toEqual({
      videoSize: 3_000_000,
      chunkSize: 3_000_000,
      totalChunkCount: 1,
      chunks: [{ index: 0, first: 0, last: 2_999_999, contentRange: 'bytes 0-2999999/3000000' }],
    });
  });

  it('declares floor(size / chunk) chunks, the last carrying the trailing bytes', () => {
    const plan = tiktokChunkPlan(25_000_000, 10_000_000);
    expect(plan.totalChunkCount).toBe(2);
    expect(plan.chunks.map((chunk) => chunk.contentRange)).toEqual([
      'bytes 0-9999999/25000000',
      'bytes 10000000-24999999/25000000',
    ]);
  });

  it('grows the chunk when 1 000 chunks would not hold the file', () => {
    const size = 4 * 1024 ** 3;
    const plan = tiktokChunkPlan(size, MIN_CHUNK_BYTES);
    expect(plan.totalChunkCount).toBeLessThanOrEqual(MAX_CHUNK_COUNT);
    expect(plan.chunkSize * plan.totalChunkCount).toBeLessThanOrEqual(size);
    expect(plan.chunks.at(-1)?.last).toBe(size - 1);
  });

  it('sends a file over 64 MB in two chunks at least, whatever the chunk size', () => {
    const plan = tiktokChunkPlan(70_000_000, 40_000_000);
    expect(plan).toMatchObject({ chunkSize: 35_000_000, totalChunkCount: 2 });
    expect(plan.chunks.map((chunk) => chunk.contentRange)).toEqual([
      'bytes 0-34999999/70000000',
      'bytes 35000000-69999999/70000000',
    ]);
  });

  it('keeps every chunk within TikTok bounds, for files and chunk sizes across the range', () => {
    // The guide's bounds, in the stricter reading of its undefined "MB": chunks of 5 MiB to
    // 64,000,000 bytes, the last up to 128,000,000; a file over 64 MB in two chunks at least.
    const MB = 1_000_000;
    const [smallest, largest, largestFinal] = [5 * 1024 * 1024, 64 * MB, 128 * MB];
    const sizes = [
      1,
      5 * MB,
      63 * MB,
      64 * MB,
      64 * MB + 1,
      70 * MB,
      100 * MB,
      127 * MB,
      129 * MB,
      1_000 * MB,
    ];
    const chunkSizes = [smallest, 10 * MB, 32 * MB, 33 * MB, 40 * MB, 63 * MB, largest];
    for (const size of sizes)
      for (const preferred of chunkSizes) {
        const plan = tiktokChunkPlan(size, preferred);
        const lengths = plan.chunks.map((chunk) => chunk.last - chunk.first + 1);
        const label = `${size} bytes in chunks of ${preferred}`;
        if (size > largest) expect(plan.totalChunkCount, label).toBeGreaterThanOrEqual(2);
        if (plan.totalChunkCount > 1)
          for (const length of lengths.slice(0, -1)) {
            expect(length, label).toBeGreaterThanOrEqual(smallest);
            expect(length, label).toBeLessThanOrEqual(largest);
          }
        expect(lengths.at(-1), label).toBeLessThanOrEqual(largestFinal);
      }
  });

  it('refuses a chunk size outside TikTok bounds and an empty file', () => {
    expect(() => tiktokChunkPlan(10, 1024)).toThrow(RangeError);
    expect(() => tiktokChunkPlan(0, MIN_CHUNK_BYTES)).toThrow(RangeError);
  });
});
