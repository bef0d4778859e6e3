import { type Engagement, PlatformError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, useMastodon } from './support/harness.js';

const h = useMastodon();
const { mastodon } = h;

/** The account's mentions, as the adapter lists them. */
async function listedMentions(count: number): Promise<Engagement[]> {
  mastodon.seedMentions(h.ana.account.id, count);
  const items: Engagement[] = [];
  for await (const page of h.adapter().listEngagements({ kinds: ['mention'] }, h.context()))
    items.push(...page.items);
  return items;
}

describe('like', () => {
  it('favourites a mention as the account and takes the favourite back', async () => {
    const [mention] = await listedMentions(2);
    if (mention === undefined) throw new Error('no mention listed');
    const adapter = h.adapter();

    await adapter.like(mention, true, h.context());
    expect(mastodon.favouritedBy(mention.id)).toEqual([h.ana.account.id]);
    expect(mastodon.sim.engagements.get(mention.id)?.liked).toBe(true);
    expect(mastodon.sim.log.forRoute('POST /api/v1/statuses/:id/favourite')).toHaveLength(1);

    await adapter.like(mention, false, h.context());
    expect(mastodon.favouritedBy(mention.id)).toEqual([]);
    expect(mastodon.sim.engagements.get(mention.id)?.liked).toBe(false);
    expect(mastodon.sim.log.forRoute('POST /api/v1/statuses/:id/unfavourite')).toHaveLength(1);
  });

  it('favourites a reply to one of the account’s posts', async () => {
    const adapter = h.adapter();
    const post = await adapter.publish({ text: 'What do you think?' }, h.context());
    mastodon.seedReplies(post.ref.platformPostId, 1);
    const replies: Engagement[] = [];
    for await (const page of adapter.listEngagements({ post: post.ref, kinds: ['reply'] }, h.context()))
      replies.push(...page.items);
    const [reply] = replies;
    if (reply === undefined) throw new Error('no reply listed');
    await adapter.like(reply, true, h.context());
    expect(mastodon.favouritedBy(reply.id)).toEqual([h.ana.account.id]);
  });

  it('is harmless to repeat, as Mastodon answers 200 either way', async () => {
    const [mention] = await listedMentions(1);
    if (mention === undefined) throw new Error('no mention listed');
    const adapter = h.adapter();
    await adapter.like(mention, true, h.context());
    await adapter.like(mention, true, h.context());
    expect(mastodon.favouritedBy(mention.id)).toEqual([h.ana.account.id]);
    await adapter.like(mention, false, h.context());
    await adapter.like(mention, false, h.context());
    expect(mastodon.favouritedBy(mention.id)).toEqual([]);
  });

  it('fails with not_found for a status that is gone, carrying no token', async () => {
    const [mention] = await listedMentions(1);
    if (mention === undefined) throw new Error('no mention listed');
    mastodon.sim.posts.delete(mention.id);
    const error = await failureOf(h.adapter().like(mention, true, h.context()), mastodon);
    expect(PlatformError.isInstance(error) && error.code).toBe('not_found');
    expect(error.platformError?.message).toBe('Record not found');
  });
});
