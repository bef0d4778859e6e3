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

  it('refuses a chunk size outside TikTok bounds and an empty file', () => {
    expect(() => tiktokChunkPlan(10, 1024)).toThrow(RangeError);
    expect(() => tiktokChunkPlan(0, MIN_CHUNK_BYTES)).toThrow(RangeError);
  });
});
