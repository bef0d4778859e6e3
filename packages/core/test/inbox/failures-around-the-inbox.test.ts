import { describe, expect, it } from 'vitest';
import { AmbiguousOutcomeError } from '../../src/errors/ambiguous-outcome-error.js';
import { TransientError } from '../../src/errors/transient-error.js';
import type { InboxStore } from '../../src/inbox/inbox-store.js';
import { memoryInboxStore } from '../../src/inbox/memory-inbox-store.js';
import { emitted, MINUTE, useInboxWorld } from './support/world.js';

// What the inbox does when something around it fails: its store after an action on the
// platform, the app's own listeners, a saved cursor the listing no longer takes.
let failingUpdates = 0;
function storeFailingUpdates(): InboxStore {
  const store = memoryInboxStore();
  const update = store.update.bind(store);
  store.update = async (item, patch, at) => {
    if (failingUpdates > 0) {
      failingUpdates -= 1;
      // What the Redis inbox store throws after too many concurrent writes to one item.
      throw new TransientError('transient', 'The inbox item changed 50 times while it was being written.');
    }
    return update(item, patch, at);
  };
  return store;
}
const world = useInboxWorld(storeFailingUpdates);
const { x, xAna } = world;

describe('an action the platform did, which the store fails to record', () => {
  it('returns the reply all the same and reports the store’s failure, so nobody sends it again', async () => {
    const media = world.ig.seedMedia(world.igAna.accountId, 'Launch', {
      createdAt: world.time.now() - 60 * MINUTE,
    });
    world.ig.seedComments(media.id, 1);
    const inbox = world.inbox({ accounts: [world.igAna] });
    await inbox.poll();
    const [item] = await world.store().list();
    if (item === undefined) throw new Error('expected the comment in the inbox');
    failingUpdates = 1;
    const { reply } = await inbox.reply(item, '@fan_1 sorry, fixing it');
    expect(reply.id).toBeDefined();
    expect(emitted(inbox, 'error')).toEqual([
      {
        error: expect.any(TransientError),
        during: 'record',
        item: { platform: item.platform, accountId: item.accountId, id: item.id },
      },
    ]);
    const replies = world.ig.sim.posts.filter((post) => post.text === '@fan_1 sorry, fixing it');
    expect(replies).toHaveLength(1);
    expect((await inbox.get(item))?.status).toBe('new');
  });
});

describe('a reply of unknown outcome the store fails to record', () => {
  it('still throws the AmbiguousOutcomeError, and reports the store’s failure naming the item', async () => {
    x.seedMentions(xAna.accountId, 1);
    const inbox = world.inbox({ accounts: [xAna] });
    await inbox.poll();
    const [item] = await world.store().list();
    if (item === undefined) throw new Error('expected the mention in the inbox');
    x.sim.faults.inject({ kind: 'accepted_then_lost', route: 'POST /2/tweets' });
    failingUpdates = 1;
    const lost = await inbox.reply(item, '@fan_1 on it').catch((error: unknown) => error);
    expect(AmbiguousOutcomeError.isInstance(lost)).toBe(true);
    expect(emitted(inbox, 'error')).toEqual([
      {
        error: expect.any(TransientError),
        during: 'record',
        item: { platform: item.platform, accountId: item.accountId, id: item.id },
      },
    ]);
    expect((await inbox.get(item))?.uncertainReply).toBeUndefined();
  });
});

describe("the app's listeners", () => {
  it('a throwing engagement listener is reported, and every other engagement and alert still goes out', async () => {
    x.seedMentions(xAna.accountId, 3);
    const inbox = world.inbox({
      accounts: [xAna],
      rules: [{ type: 'keyword', name: 'all', anyOf: ['mention'] }],
    });
    let calls = 0;
    inbox.events.on('engagement', () => {
      calls += 1;
      if (calls === 1) throw new Error('the UI push failed');
    });
    const round = await inbox.poll();
    expect(round.failures).toEqual([]);
    expect(calls).toBe(3);
    expect(emitted(inbox, 'engagement')).toHaveLength(3);
    expect(emitted(inbox, 'alert')).toHaveLength(1);
    expect(emitted(inbox, 'error')).toEqual([{ error: expect.any(Error), during: 'listener' }]);
  });
});

describe('a walk saved mid-way', () => {
  it('starts again from the last complete walk when the listing no longer takes its cursor (kinds changed)', async () => {
    x.seedMentions(xAna.accountId, 2);
    // The token may not read direct messages: the walk stops there, its cursor saved.
    x.sim.faults.inject({ kind: 'revoked_token', route: 'GET /2/dm_events' });
    const first = await world.inbox({ accounts: [xAna] }).poll();
    expect(first.failures).toHaveLength(1);
    const narrowed = world.inbox({ accounts: [{ ...xAna, kinds: ['mention', 'reply'] }] });
    world.time.advance(10 * MINUTE);
    x.seedMentions(xAna.accountId, 1);
    const round = await narrowed.poll();
    expect(round.failures).toEqual([]);
    expect(await world.store().list()).toHaveLength(3);
  });
});

describe('Mastodon mentions', () => {
  it('reads on past a mention whose status federated late, to the newer mentions behind it', async () => {
    const { mastodon, mastodonAna } = world;
    mastodon.seedMentions(mastodonAna.accountId, 1);
    const inbox = world.inbox({ accounts: [mastodonAna], pageSize: 2 });
    await inbox.poll();
    world.time.advance(10 * MINUTE);
    const later = mastodon.seedMentions(mastodonAna.accountId, 3);
    // The newest notification is about a status made an hour ago on a remote server.
    const late = mastodon.sim.posts.get(later.at(-1)?.id ?? '');
    if (late === undefined) throw new Error('expected the seeded status');
    mastodon.sim.posts.put({ ...late, createdAt: world.time.now() - 60 * MINUTE });
    world.time.advance(MINUTE);
    const round = await inbox.poll();
    expect(round.added.map((item) => item.id).sort()).toEqual(later.map((mention) => mention.id).sort());
  });
});
