import { AmbiguousOutcomeError, AuthError, PlatformError } from '@smmkit/core';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { photo, ROUTES, START, useFacebook } from './support/harness.js';

const h = useFacebook();

describe('publish', () => {
  it('posts text to the Page feed with the Page token and links to the post', async () => {
    const result = await h.adapter().publish({ text: 'Hello from smmkit' }, h.context());
    const pageId = h.acme.account.id;
    expect(result.ref.platformPostId).toMatch(new RegExp(`^${pageId}_\\d+$`));
    expect(result.ref.url).toBe(`https://www.facebook.com/${result.ref.platformPostId}`);
    expect(h.facebook.sim.posts.get(result.ref.platformPostId)?.text).toBe('Hello from smmkit');
    const [request] = h.facebook.sim.log.forRoute(ROUTES.feed);
    expect(request?.url).toContain(`/v26.0/${pageId}/feed`);
  });

  it('shares the post’s link, with or without text', async () => {
    const link = 'https://smmkit.dev/blog/launch';
    const withText = await h.adapter().publish({ text: 'Read this', link }, h.context());
    const linkOnly = await h.adapter().publish({ link }, h.context());
    expect(h.facebook.sim.posts.get(withText.ref.platformPostId)?.extra.link).toBe(link);
    expect(h.facebook.sim.posts.get(linkOnly.ref.platformPostId)?.extra.link).toBe(link);
  });

  it('publishes one photo through /photos and refers to the post, not the photo', async () => {
    const result = await h
      .adapter()
      .publish({ text: 'Our new shop', media: [photo('shop', { altText: 'The shop window' })] }, h.context());
    const stored = h.facebook.sim.posts.get(result.ref.platformPostId);
    expect(stored?.text).toBe('Our new shop');
    expect(stored?.media.map((item) => item.altText)).toEqual(['The shop window']);
    expect(h.facebook.sim.log.forRoute(ROUTES.feed)).toHaveLength(0);
  });

  it('publishes several photos as unpublished uploads attached to one feed post', async () => {
    const result = await h
      .adapter()
      .publish({ text: 'Three views', media: [photo('a'), photo('b'), photo('c')] }, h.context());
    const stored = h.facebook.sim.posts.get(result.ref.platformPostId);
    expect(stored?.media).toHaveLength(3);
    expect(h.facebook.sim.log.forRoute(ROUTES.photos)).toHaveLength(3);
    expect(h.facebook.sim.log.forRoute(ROUTES.feed)).toHaveLength(1);
    // The uploads are used up by the post: none is left dangling.
    expect(h.facebook.sim.media.filter(() => true)).toHaveLength(0);
    expect(h.facebook.sim.posts.filter((post) => post.accountId === h.acme.account.id)).toHaveLength(1);
  });

  it('reports a lost answer to the post as an ambiguous outcome, posted once', async () => {
    h.facebook.sim.faults.inject({ kind: 'accepted_then_lost', route: ROUTES.feed });
    const error = await failureOf(h.adapter().publish({ text: 'Only once' }, h.context()));
    expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);
    expect(h.facebook.sim.posts.filter((post) => post.text === 'Only once')).toHaveLength(1);
  });

  it('reports a revoked Page token as an auth error', async () => {
    // A Page of its own: tokens are not part of the state the harness resets.
    const page = h.facebook.addPage('revoked');
    h.facebook.sim.tokens.revoke({ accessToken: page.accessToken });
    const error = await failureOf(h.adapter().publish({ text: 'Hello' }, h.context({}, page)));
    expect(AuthError.isInstance(error)).toBe(true);
  });
});

describe('delete', () => {
  it('deletes the Page’s own post', async () => {
    const result = await h.adapter().publish({ text: 'Short-lived' }, h.context());
    await h.adapter().delete(result.ref, h.context());
    expect(h.facebook.sim.posts.get(result.ref.platformPostId)).toBeUndefined();
  });

  it('refuses to delete another Page’s post, keeping Meta’s message', async () => {
    const theirs = await h.adapter().publish({ text: 'Not yours' }, h.context({}, h.other));
    const error = await failureOf(h.adapter().delete(theirs.ref, h.context()));
    expect(PlatformError.isInstance(error) && error.code).toBe('not_found');
    expect(error.message).toContain('does not exist');
    expect(h.facebook.sim.posts.get(theirs.ref.platformPostId)).toBeDefined();
  });

  it('refuses an answer of success: false instead of taking the post for deleted', async () => {
    const result = await h.adapter().publish({ text: 'Stays up' }, h.context());
    const refusing = h.adapter({ fetch: async () => Response.json({ success: false }) });
    const error = await failureOf(refusing.delete(result.ref, h.context()));
    expect(PlatformError.isInstance(error) && error.code).toBe('platform_refused');
    expect(error.message).toContain('answered success: false');
  });
});

describe('findRecentPosts', () => {
  it('finds the Page’s posts since a time whose message matches, newest first', async () => {
    const adapter = h.adapter();
    await adapter.publish({ text: 'Old news' }, h.context());
    h.clock.advance(60_000);
    const since = new Date(h.clock.now());
    const wanted = await adapter.publish({ text: 'Launch  day' }, h.context());
    await adapter.publish({ text: 'Something else' }, h.context());
    await adapter.publish({ text: 'Elsewhere' }, h.context({}, h.other));
    const found = await adapter.findRecentPosts({ since, text: 'Launch day' }, h.context());
    expect(found.map((post) => post.ref.platformPostId)).toEqual([wanted.ref.platformPostId]);
    expect(found[0]?.createdAt.getTime()).toBe(START + 60_000);
  });
});
