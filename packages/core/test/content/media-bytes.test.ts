import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readMediaBlob, readMediaChunks } from '../../src/content/media-bytes.js';
import type { Media } from '../../src/models/media.js';

const bytes = Uint8Array.from({ length: 10 }, (_, i) => i);
const image = (source: Media['source']): Media => ({ kind: 'image', mimeType: 'image/png', source });

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const chunk of chunks) out.push([...chunk]);
  return out;
}

describe('reading media bytes', () => {
  it('reads bytes, files and streams into a typed Blob', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smmkit-'));
    const path = join(dir, 'a.png');
    await writeFile(path, bytes);
    const stream = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.subarray(0, 3));
          controller.enqueue(bytes.subarray(3));
          controller.close();
        },
      });
    for (const source of [
      { type: 'bytes', bytes },
      { type: 'file', path },
      { type: 'stream', stream },
    ] as const) {
      const blob = await readMediaBlob(image(source));
      expect(blob.type).toBe('image/png');
      expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([...bytes]);
    }
  });

  it('refuses a file source on a runtime without Node file access (an edge worker), naming the way out', async () => {
    const getBuiltinModule = vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined);
    try {
      await expect(readMediaBlob(image({ type: 'file', path: '/tmp/a.png' }))).rejects.toThrow(
        /file source needs Node 22\.3 or later; pass bytes or a stream/,
      );
    } finally {
      getBuiltinModule.mockRestore();
    }
  });

  it('refuses a url source, which the platform fetches itself', async () => {
    await expect(readMediaBlob(image({ type: 'url', url: 'https://cdn.example.com/a.png' }))).rejects.toThrow(
      /url source/,
    );
  });

  it('re-chunks streamed pieces into chunks of exactly chunkSize, the last shorter', async () => {
    async function* pieces() {
      yield bytes.subarray(0, 1);
      yield bytes.subarray(1, 7);
      yield bytes.subarray(7);
    }
    const chunks = await collect(readMediaChunks(image({ type: 'stream', stream: pieces }), 4));
    expect(chunks).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect(await collect(readMediaChunks(image({ type: 'bytes', bytes }), 5))).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
    ]);
  });

  it('rejects a chunk size that is not a positive integer', async () => {
    await expect(collect(readMediaChunks(image({ type: 'bytes', bytes }), 0))).rejects.toThrow(RangeError);
  });
});
