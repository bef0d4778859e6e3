import { AuthError, type Engagement, PlatformError, ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, useLinkedIn } from './support/harness.js';

const h = useLinkedIn();

/** Publishes a post as `author` (default ana), has fans comment on it and returns the comments as listed. */
async function listedComments(count: number, author?: string): Promise<Engagement[]> {
  const adapter = h.adapter(author === undefined ? {} : { author });
  const post = await adapter.publish({ text: 'Tell us what you think' }, h.context());
  h.linkedin.seedComments(post.ref.platformPostId, count);
  const items: Engagement[] = [];
  for await (const page of adapter.listEngagements({ post: post.ref, kinds: ['comment'] }, h.context()))
    items.push(...page.items);
  return items;
}

describe('like', () => {
  it('likes a comment as the member with a LIKE reaction, and takes it back', async () => {
    const [comment] = await listedComments(2);
    if (comment === undefined) throw new Error('no comment listed');
    const adapter = h.adapter();

    await adapter.like(comment, true, h.context());
    expect(h.linkedin.reactionsOn(comment.id)).toMatchObject([
      { actor: h.ana.account.id, reactionType: 'LIKE' },
    ]);
    expect(h.linkedin.sim.engagements.get(comment.id)?.liked).toBe(true);
    const [create] = h.linkedin.sim.log.forRoute('POST /rest/reactions');
    expect(create?.url).toContain(`/rest/reactions?actor=${encodeURIComponent(h.ana.account.id)}`);
    expect(create?.json).toEqual({ root: comment.id, reactionType: 'LIKE' });

    await adapter.like(comment, false, h.context());
    expect(h.linkedin.reactionsOn(comment.id)).toEqual([]);
    expect(h.linkedin.sim.engagements.get(comment.id)?.liked).toBe(false);
    const [remove] = h.linkedin.sim.log.forRoute('DELETE /rest/reactions/:key');
    // The compound key keeps its delimiters; the URNs in it are encoded, the comment's parentheses too.
    expect(remove?.url).toContain(
      `/rest/reactions/(actor:${encodeURIComponent(h.ana.account.id)},entity:urn%3Ali%3Acomment%3A%28`,
    );
  });

  it('likes as the organization when the adapter posts for one', async () => {
    const [comment] = await listedComments(1, h.acme);
    if (comment === undefined) throw new Error('no comment listed');
    await h.adapter({ author: h.acme }).like(comment, true, h.context());
    expect(h.linkedin.reactionsOn(comment.id).map((reaction) => reaction.actor)).toEqual([h.acme]);
  });

  it('keeps one like when a comment is liked twice', async () => {
    const [comment] = await listedComments(1);
    if (comment === undefined) throw new Error('no comment listed');
    const adapter = h.adapter();
    await adapter.like(comment, true, h.context());
    await adapter.like(comment, true, h.context());
    expect(h.linkedin.reactionsOn(comment.id)).toHaveLength(1);
  });

  it('fails with not_found for a comment that is gone, carrying no token', async () => {
    const [comment] = await listedComments(1);
    if (comment === undefined) throw new Error('no comment listed');
    const gone = { ...comment, id: comment.id.replace(/,(\d+)\)$/, ',999999)') };
    const error = await failureOf(h.adapter().like(gone, true, h.context()), h.linkedin);
    expect(PlatformError.isInstance(error) && error.code).toBe('not_found');
    expect(error.platformError).toMatchObject({ type: 'NOT_FOUND' });
  });

  it('fails with not_found when taking back a like that is not there', async () => {
    const [comment] = await listedComments(1);
    if (comment === undefined) throw new Error('no comment listed');
    const error = await failureOf(h.adapter().like(comment, false, h.context()), h.linkedin);
    expect(PlatformError.isInstance(error) && error.code).toBe('not_found');
  });

  it('refuses to like a reaction before any request', async () => {
    const adapter = h.adapter();
    const post = await adapter.publish({ text: 'React to this' }, h.context());
    h.linkedin.seedReactions(post.ref.platformPostId, 1);
    const reactions: Engagement[] = [];
    for await (const page of adapter.listEngagements({ post: post.ref, kinds: ['reaction'] }, h.context()))
      reactions.push(...page.items);
    const [reaction] = reactions;
    if (reaction === undefined) throw new Error('no reaction listed');
    const before = h.linkedin.sim.log.entries.length;
    const error = await failureOf(adapter.like(reaction, true, h.context()), h.linkedin);
    expect(ValidationError.isInstance(error) && error.problems[0]?.rule).toBe('like.unsupported');
    expect(h.linkedin.sim.log.entries).toHaveLength(before);
  });

  it('names the scope a like needs when the token lacks it', async () => {
    const [comment] = await listedComments(1);
    if (comment === undefined) throw new Error('no comment listed');
    const reader = h.linkedin.addMember('reader', { scopes: ['r_member_social'] });
    const error = await failureOf(h.adapter().like(comment, true, h.context({}, reader)), h.linkedin);
    expect(AuthError.isInstance(error) && error.code).toBe('auth_missing_scope');
    expect(error.message).toContain('w_member_social');
    expect(h.linkedin.reactionsOn(comment.id)).toEqual([]);
  });
});
