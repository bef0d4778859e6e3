import { type Engagement, PlatformError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { deleteGraphComment, hideGraphComment } from '../src/index.js';
import { CONTEXT, recordingHttp } from './support/recording-http.js';

const COMMENT = {
  platform: 'facebook',
  accountId: 'acct-1',
  id: '178_42',
  kind: 'comment',
  author: { id: 'u1' },
  text: 'hi',
  createdAt: new Date('2026-12-01T00:00:00.000Z'),
} as Engagement;

describe('comment moderation', () => {
  it('hides and deletes on the comment node when Graph answers success: true', async () => {
    const { http, requests } = recordingHttp(() => ({ success: true }));
    await hideGraphComment(http, 'facebook', COMMENT, true, CONTEXT);
    await hideGraphComment(http, 'instagram', { ...COMMENT, platform: 'instagram' }, false, CONTEXT);
    await deleteGraphComment(http, 'facebook', COMMENT, CONTEXT);
    expect(
      requests.map(({ method, path, json, searchParams }) => ({ method, path, json, searchParams })),
    ).toEqual([
      { method: 'POST', path: '/178_42', json: { is_hidden: true }, searchParams: undefined },
      { method: 'POST', path: '/178_42', json: undefined, searchParams: { hide: false } },
      { method: 'DELETE', path: '/178_42', json: undefined, searchParams: undefined },
    ]);
  });

  it('refuses an answer of success: false instead of taking the comment for hidden or deleted', async () => {
    const { http } = recordingHttp(() => ({ success: false }));
    const hide = await hideGraphComment(http, 'instagram', COMMENT, true, CONTEXT).catch(
      (error: unknown) => error,
    );
    const remove = await deleteGraphComment(http, 'facebook', COMMENT, CONTEXT).catch(
      (error: unknown) => error,
    );
    for (const [error, text] of [
      [hide, 'hide comment 178_42: Instagram answered success: false.'],
      [remove, 'delete comment 178_42: Facebook answered success: false.'],
    ] as const) {
      expect(PlatformError.isInstance(error)).toBe(true);
      expect((error as PlatformError).code).toBe('platform_refused');
      expect((error as PlatformError).message).toBe(text);
    }
  });
});
