import { PlatformError, ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, useX } from './support/harness.js';

// What an app on X's self-serve (Pay Per Use) access may not do, the default of the adapter and
// the simulator: "Post creation restrictions (self-serve)"
// (https://docs.x.com/x-api/posts/manage-tweets/integrate) and "Following, Likes, and Quote-Posts
// via the API have been removed from all self-serve tiers" (https://docs.x.com/changelog).
const h = useX();
const { x, ana, bob } = h;
const enterprise = h.sibling({ baseUrl: 'https://enterprise.x.test', access: 'enterprise' });

describe('self-serve access', () => {
  it('declares no likes, where Enterprise access declares them', () => {
    const selfServe = h.adapter();
    expect(selfServe.capabilities.engagement.like).toBe(false);
    expect(selfServe.like).toBeUndefined();
    expect(selfServe.capabilities.auth.scopes?.like).toBeUndefined();
    const full = h.adapter({ access: 'enterprise' });
    expect(full.capabilities.engagement.like).toBe(true);
    expect(full.like).toBeTypeOf('function');
  });

  it('refuses a quote post and a second cashtag before any request', async () => {
    const quoting = await failureOf(
      h.adapter().publish({ text: 'Worth a read', options: { x: { quote_tweet_id: '1' } } }, h.context()),
      x,
    );
    expect(ValidationError.isInstance(quoting)).toBe(true);
    expect((quoting as ValidationError).problems.map((problem) => problem.rule)).toEqual([
      'options.quote_needs_enterprise',
    ]);
    const cashtags = await failureOf(
      h.adapter().publish({ text: 'Earnings week: $AAPL, then $MSFT' }, h.context()),
      x,
    );
    expect((cashtags as ValidationError).problems).toMatchObject([
      { path: ['text'], rule: 'text.cashtags', limit: 1, actual: 2 },
    ]);
    expect(x.sim.log.entries).toHaveLength(0);
    await h.adapter().publish({ text: 'Earnings day for $AAPL' }, h.context());
  });

  it('refuses a second cashtag in a thread part or the first comment before anything is posted', async () => {
    const refused = await failureOf(
      h.adapter().publish(
        {
          text: 'Earnings day',
          thread: [{ text: 'First $AAPL' }, { text: 'Then $MSFT and $GOOG' }],
          firstComment: 'Watching $AAPL and $MSFT',
        },
        h.context(),
      ),
      x,
    );
    expect((refused as ValidationError).problems).toEqual([
      expect.objectContaining({ path: ['thread', 1, 'text'], rule: 'text.cashtags', actual: 2 }),
      expect.objectContaining({ path: ['firstComment'], rule: 'text.cashtags', limit: 1, actual: 2 }),
    ]);
    // Not even the first post went out: the comment would have been refused after it.
    expect(x.sim.log.entries).toHaveLength(0);
    expect(
      enterprise.adapter({ access: 'enterprise' }).validate({ text: 'Hi', firstComment: '$AAPL $MSFT' }),
    ).toEqual([]);
  });

  it('replies where the author summoned the account, and X refuses the other replies', async () => {
    const adapter = h.adapter();
    const mention = x.sim.addPost({ accountId: bob.account.id, text: '@ana what time do you open?' });
    const unsummoned = x.sim.addPost({ accountId: bob.account.id, text: 'Best coffee in town at Ana’s' });
    const mentionRef = { platform: 'x', accountId: bob.account.id, platformPostId: mention.id } as const;
    await adapter.reply(mentionRef, 'From 7 am!', h.context());
    // A thread: a reply to one's own post.
    const own = await adapter.publish({ text: 'Opening hours, a thread' }, h.context());
    await adapter.reply(own.ref, 'Weekdays 7 to 7', h.context());

    const ref = { platform: 'x', accountId: bob.account.id, platformPostId: unsummoned.id } as const;
    const refused = await failureOf(adapter.reply(ref, 'Thank you!', h.context()), x);
    expect(PlatformError.isInstance(refused)).toBe(true);
    expect(refused.status).toBe(403);
    expect(refused.message).toContain('not been mentioned');
    expect(x.sim.posts.filter((post) => post.inReplyToId === unsummoned.id)).toEqual([]);

    // Enterprise access has no such restriction.
    const there = enterprise.x.sim.addPost({ accountId: enterprise.bob.account.id, text: 'Great coffee' });
    await enterprise
      .adapter({ access: 'enterprise' })
      .reply(
        { platform: 'x', accountId: enterprise.bob.account.id, platformPostId: there.id },
        'Thank you!',
        enterprise.context(),
      );
  });

  it('has the simulator refuse a self-serve app’s like with a 403', async () => {
    const post = x.sim.addPost({ accountId: bob.account.id, text: 'Hello' });
    const liked = await fetch(`${x.baseUrl}/2/users/${ana.account.id}/likes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ana.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tweet_id: post.id }),
    });
    expect(liked.status).toBe(403);
    expect(x.likersOf(post.id)).toEqual([]);
  });
});
