import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/adapter.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { emitted, MINUTE, useInboxWorld } from './support/world.js';

const world = useInboxWorld();
const { x, xAna } = world;

const SEARCH_ROUTE = 'GET /2/tweets/search/recent';

/** ana's X account listening for the brand besides her own mentions. */
const listening = { ...xAna, search: ['#AcmeCoffee', '"acme coffee"'] };

describe('brand-mention search as a listening source', () => {
  it('brings public posts that mention the brand in as mention items, once', async () => {
    const fans = x.seedBrandMentions('#AcmeCoffee', 4);
    const inbox = world.inbox({ accounts: [listening] });
    const { added, failures } = await inbox.poll();
    expect(failures).toEqual([]);
    expect(added.map((item) => item.id).sort()).toEqual(fans.map((fan) => fan.id).sort());
    expect(added.every((item) => item.kind === 'mention' && item.accountId === xAna.accountId)).toBe(true);
    expect(x.sim.log.forRoute(SEARCH_ROUTE).length).toBeGreaterThan(0);
    expect(emitted(inbox, 'engagement').map((event) => event.via)).toEqual(['poll', 'poll', 'poll', 'poll']);

    // The next round reads only what is new since the last one.
    world.time.advance(10 * MINUTE);
    const later = x.seedBrandMentions('"acme coffee"', 2, {
      text: (author, index) => `Is acme coffee open on Sunday? ${index} from ${author.handle}`,
    });
    const second = await inbox.poll();
    expect(second.added.map((item) => item.id).sort()).toEqual(later.map((fan) => fan.id).sort());
  });

  it('resumes after a restart without bringing anything in twice', async () => {
    x.seedBrandMentions('#AcmeCoffee', 3);
    await world.inbox({ accounts: [listening] }).poll();
    const restarted = world.inbox({ accounts: [listening] });
    expect((await restarted.poll()).added).toEqual([]);
    const stream = [];
    for await (const item of restarted.items()) stream.push(item);
    expect(stream).toHaveLength(3);
  });

  it('leaves out the account’s own posts that use the brand’s words', async () => {
    x.seedBrandMentions('#AcmeCoffee', 2);
    const [outcome] = await world.publisher().publish({ text: 'New beans this week #AcmeCoffee' }, [xAna]);
    expect(outcome?.status).toBe('published');
    const { added } = await world.inbox({ accounts: [listening] }).poll();
    expect(added).toHaveLength(2);
    expect(added.some((item) => item.author.id === xAna.accountId)).toBe(false);
  });

  it('refuses search terms for a platform whose adapter cannot search, and empty terms', () => {
    const [xAdapter, ...others] = world.adapters();
    if (xAdapter === undefined) throw new Error('no X adapter');
    const blind: Adapter = Object.assign(Object.create(xAdapter) as Adapter, { searchMentions: undefined });
    const unsupported = (() => {
      try {
        world.inbox({ adapters: [blind, ...others], accounts: [listening] });
      } catch (error) {
        return error;
      }
    })();
    expect(ValidationError.isInstance(unsupported) && unsupported.problems.map((p) => p.rule)).toEqual([
      'inbox.search_unsupported',
    ]);
    expect(() => world.inbox({ accounts: [{ ...xAna, search: [' '] }] })).toThrow(/at least one term/);
  });
});
