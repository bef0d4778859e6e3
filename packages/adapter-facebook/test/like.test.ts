import {
  type Engagement,
  type EngagementQuery,
  PlatformError,
  UnsupportedCapabilityError,
} from '@smmkit/core';
import { allPages, failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { useFacebook } from './support/harness.js';

const h = useFacebook();
const LIKE = 'POST /:version/:objectId/likes';
const UNLIKE = 'DELETE /:version/:objectId/likes';
const secrets = () => h.facebook.sim.tokens.allIssued();

/** Every engagement the adapter lists for `query`, as acme (or `as`). */
async function listed(query: EngagementQuery, as = h.acme) {
  const pages = await allPages(h.adapter().listEngagements(query, h.context({}, as)));
  return pages.flatMap((page) => page.items);
}

/** `user_likes` of a comment as Graph answers it to acme's Page token. */
async function userLikes(commentId: string): Promise<unknown> {
  const response = await fetch(`${h.facebook.baseUrl}/v25.0/${commentId}?fields=user_likes`, {
    headers: { authorization: `Bearer ${h.acme.accessToken}` },
  });
  return ((await response.json()) as { user_likes?: unknown }).user_likes;
}

/** A post of acme with two fan comments and a reply to the first, as the adapter lists them. */
async function thread() {
  const { ref } = await h.adapter().publish({ text: 'Our new menu' }, h.context());
  const [first, second] = h.facebook.seedComments(ref.platformPostId, 2);
  const [reply] = h.facebook.seedComments(ref.platformPostId, 1, { replyTo: first?.id });
  const items = await listed({ post: ref });
  const find = (id: string | undefined): Engagement => {
    const item = items.find((candidate) => candidate.id === id);
    if (item === undefined) throw new Error(`expected ${id} to be listed`);
    return item;
  };
  return { ref, comment: find(first?.id), other: find(second?.id), reply: find(reply?.id) };
}

describe('like', () => {
  it('likes a comment and a reply as the Page, and takes the likes back', async () => {
    const { comment, other, reply } = await thread();
    const adapter = h.adapter();
    await adapter.like(comment, true, h.context());
    await adapter.like(reply, true, h.context());
    const { engagements } = h.facebook.sim;
    expect(engagements.get(comment.id)?.liked).toBe(true);
    expect(engagements.get(reply.id)?.liked).toBe(true);
    expect(engagements.get(other.id)?.liked).toBeUndefined();
    // Graph shows the Page's like on the comment: `user_likes` is the viewer's (the Page's) like.
    expect(await userLikes(comment.id)).toBe(true);
    expect(await userLikes(other.id)).toBe(false);

    await adapter.like(comment, false, h.context());
    expect(engagements.get(comment.id)?.liked).toBe(false);
    expect(engagements.get(reply.id)?.liked).toBe(true);
    // One request each, to the object's own likes edge, with the Page token.
    const sent = [...h.facebook.sim.log.forRoute(LIKE), ...h.facebook.sim.log.forRoute(UNLIKE)];
    expect(
      sent.map((entry) => `${entry.method} ${new URL(entry.url).pathname.replace(/^\/v[\d.]+/, '')}`),
    ).toEqual([`POST /${comment.id}/likes`, `POST /${reply.id}/likes`, `DELETE /${comment.id}/likes`]);
  });

  it('likes a post that tags the Page (a mention)', async () => {
    h.facebook.seedMentions(h.acme.account.id, 1);
    const [mention] = await listed({ kinds: ['mention'] });
    if (mention === undefined) throw new Error('expected a mention');
    await h.adapter().like(mention, true, h.context());
    expect(h.facebook.sim.engagements.get(mention.id)?.liked).toBe(true);
    await h.adapter().like(mention, false, h.context());
    expect(h.facebook.sim.engagements.get(mention.id)?.liked).toBe(false);
  });

  it('is safe to repeat: liking twice and unliking what is not liked both succeed', async () => {
    const { comment } = await thread();
    await h.adapter().like(comment, false, h.context());
    await h.adapter().like(comment, true, h.context());
    await h.adapter().like(comment, true, h.context());
    expect(h.facebook.sim.engagements.get(comment.id)?.liked).toBe(true);
  });

  it('cannot like another Page’s comment: not found, nothing liked, no token in the error', async () => {
    const theirs = await h.adapter().publish({ text: 'Not yours' }, h.context({}, h.other));
    h.facebook.seedComments(theirs.ref.platformPostId, 1);
    const [comment] = await listed({ post: theirs.ref }, h.other);
    if (comment === undefined) throw new Error('expected the comment');
    const error = await failureOf(h.adapter().like(comment, true, h.context()), { secrets });
    expect(PlatformError.isInstance(error) && error.code).toBe('not_found');
    expect(h.facebook.sim.engagements.get(comment.id)?.liked).toBeUndefined();
  });

  it('refuses a direct message before any request', async () => {
    const { comment } = await thread();
    const before = h.facebook.sim.log.entries.length;
    const message = { ...comment, kind: 'direct_message' as const };
    const error = await failureOf(h.adapter().like(message, true, h.context()), { secrets });
    expect(UnsupportedCapabilityError.isInstance(error)).toBe(true);
    expect(h.facebook.sim.log.entries).toHaveLength(before);
  });
});
