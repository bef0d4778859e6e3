import { describe, expect, it } from 'vitest';
import type { Post } from '../../src/models/post.js';
import { postFingerprint } from '../../src/publisher/post-fingerprint.js';

const image = (bytes: Uint8Array) => ({
  kind: 'image' as const,
  mimeType: 'image/png',
  source: { type: 'bytes' as const, bytes },
});

describe('postFingerprint', () => {
  it('tells posts apart by what reaches the platform', () => {
    const base: Post = { text: 'Launch day', media: [image(new Uint8Array(3))] };
    const fingerprints = new Set([
      postFingerprint(base, 'x'),
      postFingerprint({ ...base, text: 'Launch day!' }, 'x'),
      postFingerprint({ ...base, media: [image(new Uint8Array(4))] }, 'x'),
      postFingerprint({ ...base, firstComment: 'Link in bio' }, 'x'),
      postFingerprint({ ...base, options: { x: { replySettings: 'following' } } }, 'x'),
    ]);
    expect(fingerprints.size).toBe(5);
    expect(postFingerprint(base, 'x')).toMatch(/^[0-9a-f]{16}$/);
  });

  it("is the same post for one target whatever other platforms' options, labels and key order say", () => {
    const post: Post = { text: 'Launch day', options: { x: { replySettings: 'following' } } };
    const same: Post = {
      options: { linkedin: { visibility: 'CONNECTIONS' }, x: { replySettings: 'following' } },
      tags: ['launch'],
      contentClass: 'promotion',
      campaign: 'spring',
      variant: 'b',
      text: 'Launch day',
    };
    expect(postFingerprint(same, 'x')).toBe(postFingerprint(post, 'x'));
    expect(postFingerprint(same, 'linkedin')).not.toBe(postFingerprint(post, 'linkedin'));
  });

  it('reads a post back from JSON (a stored schedule entry) as the same post', () => {
    const at = new Date('2026-05-01T09:00:00Z');
    const post = {
      text: 'Launch day',
      options: { x: { at, page: new URL('https://example.com/launch'), never: new Date(Number.NaN) } },
    } as unknown as Post;
    const stored = JSON.parse(JSON.stringify(post)) as Post;
    expect(postFingerprint(stored, 'x')).toBe(postFingerprint(post, 'x'));
  });
});
