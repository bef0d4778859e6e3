import { type Engagement, type PostRef, UnsupportedCapabilityError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { postGraphReply } from '../src/index.js';
import { CONTEXT, recordingHttp } from './support/recording-http.js';

const POST: PostRef = { platform: 'facebook', accountId: 'acct-1', platformPostId: '1_2' };

function engagement(kind: Engagement['kind'], extra: Partial<Engagement> = {}): Engagement {
  return {
    platform: 'facebook',
    accountId: 'acct-1',
    id: 'c/1',
    kind,
    author: { id: 'u1' },
    text: 'hi',
    createdAt: new Date('2026-12-01T00:00:00.000Z'),
    postRef: POST,
    ...extra,
  } as Engagement;
}

describe('postGraphReply', () => {
  it('answers a comment under it: /comments on Facebook, /replies on Instagram, creating a resource', async () => {
    for (const [platform, edge] of [
      ['facebook', 'comments'],
      ['instagram', 'replies'],
    ] as const) {
      const { http, requests } = recordingHttp(() => ({ id: 77 }));
      const reply = await postGraphReply(http, platform, engagement('comment'), 'Thanks!', CONTEXT);
      expect(reply).toEqual({ id: '77', parentId: 'c/1', postRef: POST });
      expect(requests[0]).toMatchObject({
        method: 'POST',
        path: `/c%2F1/${edge}`,
        operation: 'create reply',
        json: { message: 'Thanks!' },
        createsResource: true,
      });
    }
  });

  it('answers a reply under its top-level comment', async () => {
    const { http, requests } = recordingHttp(() => ({ id: '78' }));
    const reply = await postGraphReply(
      http,
      'instagram',
      engagement('reply', { id: 'r9', parentId: 'c7' }),
      'Yes',
      CONTEXT,
    );
    expect(reply.parentId).toBe('c7');
    expect(requests[0]?.path).toBe('/c7/replies');
  });

  it('comments on a post, with no parent', async () => {
    const { http, requests } = recordingHttp(() => ({ id: '79' }));
    const reply = await postGraphReply(http, 'facebook', POST, 'First', CONTEXT);
    expect(reply).toEqual({ id: '79', postRef: POST });
    expect(reply).not.toHaveProperty('parentId');
    expect(requests[0]).toMatchObject({ path: '/1_2/comments', operation: 'create comment' });
  });

  it('refuses a mention before any request', async () => {
    const { http, requests } = recordingHttp(() => ({ id: '1' }));
    const failure = await postGraphReply(http, 'instagram', engagement('mention'), 'Hey', CONTEXT).catch(
      (error: unknown) => error,
    );
    expect(UnsupportedCapabilityError.isInstance(failure)).toBe(true);
    expect((failure as UnsupportedCapabilityError).platform).toBe('instagram');
    expect(requests).toHaveLength(0);
  });
});
