import { ValidationError } from '@smmkit/core';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { createFacebookAdapter, resolveFacebookSettings } from '../src/index.js';
import { photo } from './support/harness.js';

const facebook = createFacebookAdapter();
const rules = (post: Parameters<typeof facebook.validate>[0]) =>
  facebook.validate(post).map((problem) => problem.rule);

describe('validate', () => {
  it('accepts text, link-only, one photo and ten photos', () => {
    expect(facebook.validate({ text: 'Hello' })).toEqual([]);
    expect(facebook.validate({ link: 'https://smmkit.dev' })).toEqual([]);
    expect(facebook.validate({ media: [photo('a')] })).toEqual([]);
    expect(facebook.validate({ media: Array.from({ length: 10 }, (_, i) => photo(`p${i}`)) })).toEqual([]);
  });

  it('reports every problem at once', () => {
    const found = rules({
      text: 'x'.repeat(63_207),
      media: [photo('big', { sizeBytes: 5 * 1024 * 1024 }), photo('odd', { mimeType: 'image/webp' })],
      link: 'https://smmkit.dev',
    });
    expect(found).toEqual(
      expect.arrayContaining(['text.max_length', 'media.max_bytes', 'media.mime_type', 'link.with_media']),
    );
  });

  it('refuses an empty post, more than ten photos and unknown options', () => {
    expect(rules({ text: ' ' })).toContain('post.empty');
    expect(rules({ media: Array.from({ length: 11 }, (_, i) => photo(`p${i}`)) }).length).toBeGreaterThan(0);
    expect(
      facebook.validate({ text: 'Hi', options: { facebook: { lnk: 'https://smmkit.dev' } } }).length,
    ).toBeGreaterThan(0);
  });
});

describe('settings', () => {
  it('defaults to the current Graph version and accepts any other', () => {
    expect(resolveFacebookSettings({}).baseUrl).toBe('https://graph.facebook.com/v26.0');
    expect(resolveFacebookSettings({ graphVersion: 'v24.0' }).baseUrl).toBe(
      'https://graph.facebook.com/v24.0',
    );
  });

  it('waits for videos every 10 s for up to 10 minutes unless told', () => {
    expect(resolveFacebookSettings({})).toMatchObject({
      videoPollIntervalMs: 10_000,
      videoPollTimeoutMs: 600_000,
    });
    expect(resolveFacebookSettings({ videoPollIntervalMs: 50, videoPollTimeoutMs: 1_000 })).toMatchObject({
      videoPollIntervalMs: 50,
      videoPollTimeoutMs: 1_000,
    });
  });

  it('refuses every bad setting at once', async () => {
    const error = await failureOf(
      Promise.resolve().then(() =>
        createFacebookAdapter({
          graphVersion: '26',
          timeoutMs: -1,
          videoPollIntervalMs: 0,
          videoPollTimeoutMs: 1.5,
        }),
      ),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).problems).toHaveLength(4);
  });
});
