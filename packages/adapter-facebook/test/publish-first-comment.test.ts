import type { Media } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { photo, useFacebook } from './support/harness.js';

const COMMENTS = 'POST /:version/:objectId/comments';
const h = useFacebook({ videoProcessingMs: 20_000 });

describe('first comment', () => {
  it('comments on the post as the Page right after publishing it', async () => {
    const result = await h
      .adapter()
      .publish({ text: 'New menu', firstComment: 'Full menu: https://smmkit.dev/menu' }, h.context());
    expect(result.warnings).toEqual([]);
    const [request] = h.facebook.sim.log.forRoute(COMMENTS);
    expect(request?.url).toContain(`/${result.ref.platformPostId}/comments`);
    const comment = h.facebook.sim.engagements.get(result.firstCommentId ?? '');
    expect(comment).toMatchObject({
      postId: result.ref.platformPostId,
      authorId: h.acme.account.id,
      text: 'Full menu: https://smmkit.dev/menu',
    });
  });

  it('comments on photo posts and on a video once Facebook has processed it', async () => {
    const video: Media = {
      kind: 'video',
      mimeType: 'video/mp4',
      source: { type: 'url', url: 'https://cdn.smmkit.test/clip.mp4' },
    };
    const adapter = h.adapter();
    for (const media of [[photo('a')], [photo('b'), photo('c')], [video]]) {
      const result = await adapter.publish({ text: 'With media', media, firstComment: 'Hello' }, h.context());
      expect(h.facebook.sim.engagements.get(result.firstCommentId ?? '')?.postId).toBe(
        result.ref.platformPostId,
      );
    }
  });

  it('keeps the post published when the comment is refused, with a first_comment_failed warning', async () => {
    h.facebook.sim.faults.inject({ kind: 'revoked_token', route: COMMENTS });
    const result = await h.adapter().publish({ text: 'Still here', firstComment: 'Lost' }, h.context());
    expect(h.facebook.sim.posts.get(result.ref.platformPostId)?.text).toBe('Still here');
    expect(result.firstCommentId).toBeUndefined();
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'first_comment_failed', platformCode: 190 }),
    ]);
  });

  it('warns first_comment_unknown when the comment’s answer was lost: it may exist', async () => {
    h.facebook.sim.faults.inject({ kind: 'accepted_then_lost', route: COMMENTS });
    const result = await h.adapter().publish({ text: 'Maybe', firstComment: 'Perhaps' }, h.context());
    expect(result.warnings.map((warning) => warning.code)).toEqual(['first_comment_unknown']);
    expect(h.facebook.sim.engagements.filter((item) => item.text === 'Perhaps')).toHaveLength(1);
  });
});
