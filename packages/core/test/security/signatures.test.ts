import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, timingSafeEqual, toBase64, toHex } from '../../src/security/signatures.js';

describe('hmacSha256', () => {
  it('matches RFC 4231 test case 2 (key "Jefe")', async () => {
    const mac = await hmacSha256('Jefe', 'what do ya want for nothing?');
    expect(mac).toBeInstanceOf(Uint8Array);
    expect(mac.byteLength).toBe(32);
    expect(toHex(mac)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(toBase64(mac)).toBe('W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=');
  });

  it('matches RFC 4231 test case 1 (twenty 0x0b key bytes, "Hi There")', async () => {
    const mac = await hmacSha256('\x0b'.repeat(20), 'Hi There');
    expect(toHex(mac)).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
  });

  it('signs raw bytes exactly as the same string in UTF-8', async () => {
    const body = '{"entry":[{"text":"caf\\u00e9 ☕"}]}';
    const fromBytes = await hmacSha256('app-secret', new TextEncoder().encode(body));
    expect(toHex(fromBytes)).toBe(toHex(await hmacSha256('app-secret', body)));
    expect(toHex(fromBytes)).toBe(createHmac('sha256', 'app-secret').update(body, 'utf8').digest('hex'));
  });

  it('encodes a non-ASCII key as UTF-8', async () => {
    const mac = await hmacSha256('clé-secrète', 'payload');
    expect(toHex(mac)).toBe(
      createHmac('sha256', Buffer.from('clé-secrète', 'utf8')).update('payload').digest('hex'),
    );
  });
});

describe('toHex and toBase64', () => {
  it('writes lower-case hex with two digits per byte', () => {
    expect(toHex(new Uint8Array([0, 15, 16, 171, 255]))).toBe('000f10abff');
    expect(toHex(new Uint8Array())).toBe('');
  });

  it('writes standard (not URL-safe) base64 with padding', () => {
    expect(toBase64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
    expect(toBase64(new TextEncoder().encode('any carnal pleas'))).toBe('YW55IGNhcm5hbCBwbGVhcw==');
    expect(toBase64(new Uint8Array())).toBe('');
  });
});

describe('timingSafeEqual', () => {
  it('is true for equal strings', () => {
    expect(timingSafeEqual('sha256=abc123', 'sha256=abc123')).toBe(true);
  });

  it('is false for different strings of the same length, wherever they differ', () => {
    expect(timingSafeEqual('abc', 'abd')).toBe(false);
    expect(timingSafeEqual('xbc', 'abc')).toBe(false);
  });

  it('is false for strings of different lengths, in either order', () => {
    expect(timingSafeEqual('abc', 'abcd')).toBe(false);
    expect(timingSafeEqual('abcd', 'abc')).toBe(false);
    // A trailing NUL must not be mistaken for the end of the shorter string.
    expect(timingSafeEqual('a', 'a\u0000')).toBe(false);
  });

  it('is true for two empty strings and false for empty against non-empty', () => {
    expect(timingSafeEqual('', '')).toBe(true);
    expect(timingSafeEqual('', 'a')).toBe(false);
    expect(timingSafeEqual('a', '')).toBe(false);
  });

  it('compares non-ASCII strings by their UTF-8 bytes', () => {
    expect(timingSafeEqual('café ☕', 'café ☕')).toBe(true);
    // Precomposed é versus e + combining accent: they look alike but differ.
    expect(timingSafeEqual('\u00e9', 'e\u0301')).toBe(false);
    // Same UTF-8 length (2 bytes each), different bytes.
    expect(timingSafeEqual('é', 'ê')).toBe(false);
    expect(timingSafeEqual('é', 'ab')).toBe(false);
  });
});
