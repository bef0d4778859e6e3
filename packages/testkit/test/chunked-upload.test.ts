import { describe, expect, it } from 'vitest';
import {
  base64ByteLength,
  chunkByteLength,
  type UploadSession,
  UploadSessions,
} from '../src/simulator/chunked-upload.js';
import type { MultipartPart } from '../src/simulator/read-multipart.js';

const part = (bytes: Uint8Array | string, extra: Partial<MultipartPart> = {}): MultipartPart => ({
  name: 'media',
  filename: undefined,
  contentType: undefined,
  bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes,
  ...extra,
});

describe('UploadSessions', () => {
  it('opens a session with no segment, adds up its segments and finds it only for its uploader until it expires', () => {
    const uploads = new UploadSessions<UploadSession & { readonly mediaType: string }>();
    const session = uploads.open({
      id: '1',
      accountId: 'ana',
      totalBytes: 10,
      expiresAt: 100,
      mediaType: 'video/mp4',
    });
    expect(session).toMatchObject({ id: '1', mediaType: 'video/mp4', finalized: false });
    expect(uploads.received(session)).toBe(0);
    session.segments.set(0, 4);
    session.segments.set(1, 6);
    session.segments.set(0, 3);
    expect(uploads.received(session)).toBe(9);
    expect(uploads.live('1', 'ana', 99)).toBe(session);
    expect(uploads.live('1', 'ana', 100)).toBeUndefined();
    expect(uploads.live('1', 'bob', 50)).toBeUndefined();
    expect(uploads.live('2', 'ana', 50)).toBeUndefined();
    uploads.clear();
    expect(uploads.live('1', 'ana', 50)).toBeUndefined();
  });
});

describe('chunk sizes', () => {
  it('decodes the size of base64 text, padding and white space included', () => {
    expect(base64ByteLength('aGVsbG8=')).toBe(5);
    expect(base64ByteLength('aGVs\nbA==')).toBe(4);
    expect(base64ByteLength('aGVs')).toBe(3);
  });

  it('counts a file or binary part as raw bytes, a bare base64 part as the bytes it encodes', () => {
    expect(chunkByteLength(part('aGVsbG8=', { filename: 'a.mp4' }))).toBe(8);
    expect(chunkByteLength(part('aGVsbG8=', { contentType: 'application/octet-stream' }))).toBe(8);
    expect(chunkByteLength(part('aGVsbG8='))).toBe(5);
    expect(chunkByteLength(part('aGVsbG8=', { contentType: 'text/plain; charset=utf-8' }))).toBe(5);
    expect(chunkByteLength(part('not base64!'))).toBe(11);
    expect(chunkByteLength(part(new Uint8Array([0xff, 0x00, 0x41, 0x41])))).toBe(4);
    expect(chunkByteLength(part(new Uint8Array([])))).toBe(0);
  });
});
