import { describe, expect, it } from 'vitest';
import { UnsupportedCapabilityError } from '../../src/errors/unsupported-capability-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { InboxItem } from '../../src/inbox/inbox-item.js';
import { MINUTE, START, useInboxWorld } from './support/world.js';

const world = useInboxWorld();
const { x, mastodon, ig, xAna, mastodonAna, igAna } = world;

/** The one stored item of a platform. */
async function only(platform: string): Promise<InboxItem> {
  const [item] = await world.store().list({ platforms: [platform] });
  if (item === undefined) throw new Error(`no ${platform} item`);
  return item;
}

describe('acting from the inbox', () => {
  it('replies on X through the adapter, marking the item replied with its first response time', async () => {
    x.seedMentions(xAna.accountId, 1);
    const inbox = world.inbox();
    await inbox.poll();
    const mention = await only('x');
    world.time.advance(12 * MINUTE);
    const { reply, item } = await inbox.reply(mention, '@fan_1 Thanks for writing!');
    const sent = x.sim.posts.get(reply.id);
    expect(sent).toMatchObject({
      accountId: xAna.accountId,
      text: '@fan_1 Thanks for writing!',
      inReplyToId: mention.id,
    });
    expect(item).toMatchObject({ status: 'replied', firstResponseAt: new Date(START + 12 * MINUTE) });
    world.time.advance(5 * MINUTE);
    const again = await inbox.reply(item, '@fan_1 One more thing');
    expect(again.item.firstResponseAt).toEqual(new Date(START + 12 * MINUTE));
  });

  it('replies under an Instagram comment and deletes another, keeping it with deletedAt', async () => {
    const media = ig.seedMedia(igAna.accountId, 'Our launch', { createdAt: START - 60 * MINUTE });
    const [spam, question] = ig.seedComments(media.id, 2);
    const inbox = world.inbox();
    await inbox.poll();
    if (spam === undefined || question === undefined) throw new Error('not seeded');
    await inbox.reply({ ...igAna, id: question.id }, 'It ships Monday');
    expect(ig.sim.engagements.get(spam.id)).toBeDefined();
    const deleted = await inbox.delete({ ...igAna, id: spam.id });
    expect(ig.sim.engagements.get(spam.id)).toBeUndefined();
    expect(deleted.deletedAt).toEqual(new Date(START));
    const left = [];
    for await (const item of inbox.items({ platforms: ['instagram'] })) left.push(item.id);
    expect(left).toEqual([question.id]);
  });

  it('hides and shows again a reply to one of ana’s X posts', async () => {
    const published = await world.publisher().publish({ text: 'Launch day' }, [xAna]);
    const postId = published[0]?.status === 'published' ? published[0].result.ref.platformPostId : '';
    const [reply] = x.seedReplies(postId, 1);
    const inbox = world.inbox({ accounts: [xAna] });
    await inbox.poll();
    if (reply === undefined) throw new Error('not seeded');
    const hidden = await inbox.hide({ ...xAna, id: reply.id });
    expect(hidden.hidden).toBe(true);
    expect(x.tweetOf(reply.id)).toMatchObject({ id: reply.id });
    expect(x.sim.log.forRoute('PUT /2/tweets/:tweet_id/hidden')).toHaveLength(1);
    expect((await inbox.unhide(hidden)).hidden).toBe(false);
  });

  it("paces X hides on their own window (50 per 15 minutes), so the 51st waits instead of meeting X's 429", async () => {
    const published = await world.publisher().publish({ text: 'Launch day' }, [xAna]);
    const postId = published[0]?.status === 'published' ? published[0].result.ref.platformPostId : '';
    const replies = x.seedReplies(postId, 51);
    const inbox = world.inbox({ accounts: [xAna] });
    await inbox.poll();
    const started = world.time.now();
    for (const reply of replies) await inbox.hide({ ...xAna, id: reply.id });
    const hides = x.sim.log.forRoute('PUT /2/tweets/:tweet_id/hidden');
    expect(hides.map((entry) => entry.status)).toEqual(replies.map(() => 200));
    expect(world.time.now() - started).toBeGreaterThanOrEqual(15 * MINUTE);
  });

  it('refuses what the platform cannot do, sending nothing', async () => {
    mastodon.seedMentions(mastodonAna.accountId, 1);
    const media = ig.seedMedia(igAna.accountId, 'Our launch', { createdAt: START - 60 * MINUTE });
    ig.seedComments(media.id, 1);
    const inbox = world.inbox();
    await inbox.poll();
    const mention = await only('mastodon');
    const requests = mastodon.sim.log.entries.length;
    const refusal = await inbox.hide(mention).catch((error: unknown) => error);
    expect(UnsupportedCapabilityError.isInstance(refusal)).toBe(true);
    expect((refusal as UnsupportedCapabilityError).capability).toBe('engagement.hide');
    await expect(inbox.delete(mention)).rejects.toMatchObject({ capability: 'engagement.delete' });
    expect(mastodon.sim.log.entries.length).toBe(requests);
    expect((await only('mastodon')).status).toBe('new');
    // Instagram's API has no like of a comment (capabilities.engagement.like is false).
    const logged = ig.simulators.map((simulator) => simulator.log.entries.length);
    await expect(inbox.like(await only('instagram'))).rejects.toMatchObject({
      capability: 'engagement.like',
    });
    expect(ig.simulators.map((simulator) => simulator.log.entries.length)).toEqual(logged);
  });

  it('likes an X mention and takes the like back through the X adapter', async () => {
    x.seedMentions(xAna.accountId, 1);
    const inbox = world.inbox({ accounts: [xAna] });
    await inbox.poll();
    const mention = await only('x');
    await inbox.like(mention);
    expect(x.likersOf(mention.id)).toEqual([xAna.accountId]);
    expect(x.sim.engagements.get(mention.id)?.liked).toBe(true);
    await inbox.unlike(mention);
    expect(x.likersOf(mention.id)).toEqual([]);
    expect(x.sim.engagements.get(mention.id)?.liked).toBe(false);
    const calls = x.sim.log.entries.filter((entry) => new URL(entry.url).pathname.includes('/likes'));
    expect(calls.map((entry) => `${entry.method} ${new URL(entry.url).pathname}`)).toEqual([
      `POST /2/users/${xAna.accountId}/likes`,
      `DELETE /2/users/${xAna.accountId}/likes/${mention.id}`,
    ]);
  });

  it('refuses an item it does not keep', async () => {
    const inbox = world.inbox();
    const refusal = await inbox.reply({ ...xAna, id: '404' }, 'hello').catch((error: unknown) => error);
    expect(ValidationError.isInstance(refusal) && refusal.problems[0]?.rule).toBe('inbox.unknown_item');
  });
});

describe('triage', () => {
  it('marks seen, assigns, tags and resolves, and a later reply leaves it resolved', async () => {
    x.seedMentions(xAna.accountId, 1);
    const inbox = world.inbox();
    await inbox.poll();
    const mention = await only('x');
    expect((await inbox.markSeen(mention)).status).toBe('seen');
    await inbox.assign(mention, 'maria');
    await inbox.tag(mention, ['billing', 'vip']);
    await inbox.untag(mention, ['vip']);
    world.time.advance(MINUTE);
    const resolved = await inbox.resolve(mention);
    expect(resolved).toMatchObject({
      status: 'resolved',
      assignee: 'maria',
      tags: ['billing'],
      resolvedAt: new Date(START + MINUTE),
    });
    expect((await inbox.markSeen(mention)).status).toBe('resolved');
    expect((await inbox.reply(mention, '@fan_1 Sorted!')).item.status).toBe('resolved');
    expect((await inbox.assign(mention, null)).assignee).toBeUndefined();
    await expect(inbox.tag(mention, [' '])).rejects.toThrow(ValidationError);
  });
});
