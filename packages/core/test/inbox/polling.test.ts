import { describe, expect, it } from 'vitest';
import { emitted, MINUTE, texts, useInboxWorld } from './support/world.js';

const world = useInboxWorld();
const { x, mastodon, ig, xAna, mastodonAna, igAna } = world;

/** Fans write to ana everywhere: 3 X mentions, 2 X DMs, 2 Mastodon mentions, 2 Instagram comments. */
function seedEverywhere() {
  const media = ig.seedMedia(igAna.accountId, 'Our launch', { createdAt: world.time.now() - 60 * MINUTE });
  return [
    ...x.seedMentions(xAna.accountId, 3),
    ...x.seedDirectMessages(xAna.accountId, 2),
    ...mastodon.seedMentions(mastodonAna.accountId, 2),
    ...ig.seedComments(media.id, 2),
  ];
}

describe('polling every account into one stream', () => {
  it('brings each account’s mentions, messages and comments into one newest-first stream', async () => {
    const seeded = seedEverywhere();
    const inbox = world.inbox();
    const { added, failures } = await inbox.poll();
    expect(failures).toEqual([]);
    expect(added.map((item) => item.id).sort()).toEqual(seeded.map((item) => item.id).sort());
    const stream = [];
    for await (const item of inbox.items()) stream.push(item);
    expect(stream).toHaveLength(9);
    const times = stream.map((item) => item.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(stream.map((item) => item.kind))).toEqual(
      new Set(['mention', 'direct_message', 'comment']),
    );
    expect(stream.every((item) => item.status === 'new')).toBe(true);
    const events = emitted(inbox, 'engagement');
    expect(events.map((event) => event.via)).toEqual(Array.from({ length: 9 }, () => 'poll'));
    expect(events.map((event) => event.item.id).sort()).toEqual(seeded.map((item) => item.id).sort());
  });

  it('filters the stream by platform, account, kind, status and text', async () => {
    seedEverywhere();
    const inbox = world.inbox();
    await inbox.poll();
    expect(await texts(inbox, { platforms: ['mastodon'] })).toHaveLength(2);
    expect(await texts(inbox, { accounts: [igAna] })).toEqual([
      'instagram:Comment 2 from fan_2',
      'instagram:Comment 1 from fan_1',
    ]);
    expect(await texts(inbox, { kinds: ['direct_message'] })).toEqual([
      'x:Message 2 from fan_2',
      'x:Message 1 from fan_1',
    ]);
    expect(await texts(inbox, { text: 'MESSAGE 1' })).toEqual(['x:Message 1 from fan_1']);
    const [first] = await world.store().list({ kinds: ['comment'], limit: 1 });
    if (first === undefined) throw new Error('no comment');
    await inbox.markSeen(first);
    await inbox.assign(first, 'maria');
    expect(await texts(inbox, { statuses: ['seen'], assignee: 'maria' })).toEqual([
      `instagram:${first.text}`,
    ]);
    expect(await texts(inbox, { statuses: ['new'] })).toHaveLength(8);
  });

  it('brings only what is new on the next round, although it reads back a little', async () => {
    seedEverywhere();
    const inbox = world.inbox();
    await inbox.poll();
    world.time.advance(10 * MINUTE);
    const later = [...x.seedMentions(xAna.accountId, 2), ...mastodon.seedMentions(mastodonAna.accountId, 1)];
    const { added } = await inbox.poll();
    expect(added.map((item) => item.id).sort()).toEqual(later.map((item) => item.id).sort());
    expect(emitted(inbox, 'engagement')).toHaveLength(12);
    expect((await inbox.poll()).added).toEqual([]);
  });

  it('leaves out the account’s own replies', async () => {
    x.seedMentions(xAna.accountId, 2);
    const inbox = world.inbox();
    await inbox.poll();
    const [mention] = await world.store().list({ platforms: ['x'], limit: 1 });
    if (mention === undefined) throw new Error('no mention');
    await inbox.reply(mention, '@fan_2 thanks!');
    world.time.advance(MINUTE);
    expect((await inbox.poll()).added).toEqual([]);
    expect(await world.store().list()).toHaveLength(2);
  });
});

describe('polling on the publisher’s budget', () => {
  it('waits out X’s 429 in the account’s queue and reads on after the reset', async () => {
    const seeded = x.seedMentions(xAna.accountId, 3);
    x.sim.faults.inject({ kind: 'rate_limit', route: 'GET /2/users/:id/mentions' });
    const inbox = world.inbox({ accounts: [xAna] });
    const before = world.time.now();
    const { added, failures } = await inbox.poll();
    expect(failures).toEqual([]);
    expect(added.map((item) => item.id).sort()).toEqual(seeded.map((item) => item.id).sort());
    expect(world.time.now()).toBeGreaterThan(before);
    expect(x.sim.log.forRoute('GET /2/users/:id/mentions').map((entry) => entry.status)).toEqual(
      expect.arrayContaining([429, 200]),
    );
  });

  it('reports a listing that fails and goes on with the others', async () => {
    x.seedMentions(xAna.accountId, 2);
    const fromMastodon = mastodon.seedMentions(mastodonAna.accountId, 2);
    x.sim.faults.inject({ kind: 'revoked_token', route: 'GET /2/users/:id/mentions' });
    const inbox = world.inbox({ accounts: [xAna, mastodonAna] });
    const { added, failures } = await inbox.poll();
    expect(added.map((item) => item.id).sort()).toEqual(fromMastodon.map((item) => item.id).sort());
    expect(failures.map((failure) => failure.source)).toEqual([{ ...xAna, source: 'account' }]);
    expect(emitted(inbox, 'error').map((event) => [event.during, event.source?.platform])).toEqual([
      ['poll', 'x'],
    ]);
    // The next round reads X again from where it stood.
    expect((await inbox.poll()).added.map((item) => item.platform)).toEqual(['x', 'x']);
  });
});
