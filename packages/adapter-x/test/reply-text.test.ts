import { type EngagementQuery, ValidationError } from '@smmkit/core';
import { allPages } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { CREATE_POST, failureOf, useX } from './support/harness.js';

// A reply on X is a post (`POST /2/tweets` with `reply.in_reply_to_tweet_id`), so X refuses the same
// texts in a reply as in a post: over the account's weighted limit
// (https://docs.x.com/fundamentals/counting-characters), or, with self-serve access, with more than
// 1 cashtag (https://docs.x.com/x-api/posts/manage-tweets/integrate). The adapter checks them first.
const h = useX();
const { x, ana } = h;
const premium = h.sibling({ baseUrl: 'https://premium.x.test', maxWeightedLength: 25_000 });

/** Bob's post that @mentions ana, so a self-serve app may answer it, in `world` (default the main one). */
function mentionOfAna(world: Pick<typeof premium, 'x' | 'bob'> = h) {
  const post = world.x.sim.addPost({ accountId: world.bob.account.id, text: '@ana are you open today?' });
  return { platform: 'x', accountId: world.bob.account.id, platformPostId: post.id } as const;
}

/** Every item ana's inbox lists of `kinds`. */
async function inbox(kinds: EngagementQuery['kinds']) {
  const pages = await allPages(h.adapter().listEngagements({ kinds }, h.context()));
  return pages.flatMap((page) => page.items);
}

/** The problems of the `ValidationError` a refused reply rejects with. */
async function problemsOf(promise: Promise<unknown>): Promise<unknown> {
  const error = await failureOf(promise, x);
  expect(ValidationError.isInstance(error)).toBe(true);
  return (error as ValidationError).problems;
}

describe('the text of a reply', () => {
  it('is refused over 280 weighted characters before any request, as X counts them', async () => {
    const adapter = h.adapter();
    // 141 CJK characters weigh 282: under 280 characters, over X's limit.
    const problems = await problemsOf(adapter.reply(mentionOfAna(), '好'.repeat(141), h.context()));
    expect(problems).toEqual([
      expect.objectContaining({ path: ['text'], rule: 'text.max_length', limit: 280, actual: 282 }),
    ]);
    x.seedMentions(ana.account.id, 1);
    const [mention] = await inbox(['mention']);
    if (mention === undefined) throw new Error('expected a mention');
    const tooLong = 'Thanks! '.repeat(36); // 288 characters
    expect(await problemsOf(adapter.reply(mention, tooLong, h.context()))).toEqual([
      expect.objectContaining({ rule: 'text.max_length', actual: 288 }),
    ]);
    expect(h.requests(CREATE_POST)).toHaveLength(0);
  });

  it('counts a link as 23 characters, so a reply with a long link is sent', async () => {
    const text = `Our hours are here: https://example.com/${'hours/'.repeat(50)}`;
    expect(text.length).toBeGreaterThan(280);
    const reply = await h.adapter().reply(mentionOfAna(), text, h.context());
    expect(x.sim.posts.get(reply.id)?.text).toBe(text);
  });

  it('takes a reply as long as the Premium limit the adapter is told of, and no longer', async () => {
    const adapter = premium.adapter({ maxTextLength: 25_000 });
    const reply = await adapter.reply(mentionOfAna(premium), 'a'.repeat(25_000), premium.context());
    expect(premium.x.sim.posts.get(reply.id)?.text).toHaveLength(25_000);
    const error = await failureOf(
      adapter.reply(mentionOfAna(premium), 'b'.repeat(25_001), premium.context()),
      premium.x,
    );
    expect((error as ValidationError).problems).toEqual([
      expect.objectContaining({ rule: 'text.max_length', limit: 25_000, actual: 25_001 }),
    ]);
  });

  it('is refused with a second cashtag on self-serve access, or with no text, before any request', async () => {
    const adapter = h.adapter();
    expect(await problemsOf(adapter.reply(mentionOfAna(), 'Both $AAPL and $MSFT', h.context()))).toEqual([
      expect.objectContaining({ path: ['text'], rule: 'text.cashtags', limit: 1, actual: 2 }),
    ]);
    expect(await problemsOf(adapter.reply(mentionOfAna(), '  ', h.context()))).toEqual([
      expect.objectContaining({ path: ['text'], rule: 'text.required' }),
    ]);
    expect(h.requests(CREATE_POST)).toHaveLength(0);
    expect(x.sim.posts.filter((post) => post.accountId === ana.account.id)).toEqual([]);
  });

  it('leaves a direct message reply to X: a message is not a post', async () => {
    x.seedDirectMessages(ana.account.id, 1);
    const adapter = h.adapter();
    const [message] = await inbox(['direct_message']);
    if (message === undefined) throw new Error('expected a message');
    const answer = await adapter.reply(
      message,
      'Happy to help with $AAPL and $MSFT '.repeat(10),
      h.context(),
    );
    expect(answer.kind).toBe('direct_message');
    expect(x.sim.engagements.get(answer.id)?.authorId).toBe(ana.account.id);
  });
});
