import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/app/memory-store.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { sqliteStore } from '../../src/sqlite/sqlite-store.js';
import { loopScenario } from './loop-scenario.js';
import { START, useAppWorld } from './support.js';

const world = useAppWorld();
const { onboard } = loopScenario(world);

/** The problems of what `promise` rejected with, which must be a `ValidationError`. */
async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(ValidationError.isInstance(error)).toBe(true);
  return (error as ValidationError).problems.map(({ path, rule, message }) => ({ path, rule, message }));
}

const SLOTS_WITHOUT_ZONE =
  "account \"brand-x\" has slots but no timeZone: slots are wall times in the account's zone; set timeZone (an IANA zone such as 'Europe/Berlin')";

describe("the facade's queue slots need a timeZone", () => {
  it('refuses a declared account with slots but no timeZone, naming it, and stores nothing', async () => {
    const store = memoryStore();
    const { brandX } = onboard();
    const { timeZone: _zone, ...withoutZone } = brandX;
    expect(await problemsOf(world.smmkit(store, { accounts: [withoutZone] }))).toEqual([
      { path: ['accounts', 0, 'timeZone'], rule: 'account.slots_zone', message: SLOTS_WITHOUT_ZONE },
    ]);
    expect(await store.accounts.list()).toEqual([]);
  });

  it('refuses to connect an account with slots but no timeZone, storing neither tokens nor account', async () => {
    const store = memoryStore();
    const smm = await world.smmkit(store);
    const { brandX, xTokens } = onboard();
    const { timeZone: _zone, ...withoutZone } = brandX;
    expect(await problemsOf(smm.accounts.connect(withoutZone, xTokens))).toEqual([
      { path: ['timeZone'], rule: 'account.slots_zone', message: SLOTS_WITHOUT_ZONE },
    ]);
    expect(await store.accounts.list()).toEqual([]);
    expect(await store.tokens.load('brand-x')).toBeUndefined();
    await smm.shutdown();
  });
});

describe("smm.schedule(post, { at: 'next-slot' }) for accounts without a queue", () => {
  it('names every such account by its id, in the words of the facade, and plans nothing', async () => {
    const store = memoryStore();
    const { brandX, brandMastodon, xTokens, mastodonTokens } = onboard();
    const smm = await world.smmkit(store);
    await smm.accounts.connect(brandX, xTokens);
    await smm.accounts.connect(brandMastodon, mastodonTokens); // a timeZone, no slots
    // Written to the registry by other code (an older version, another tool): slots, no zone.
    await store.tokens.save('brand-old', xTokens);
    await store.accounts.connect(
      { id: 'brand-old', platform: 'x', accountId: '999', slots: ['Mon-Fri 09:00'] },
      new Date(START),
    );

    const planning = smm.schedule(
      { text: 'Hello' },
      { to: ['brand-x', 'brand-mastodon', 'brand-old'], at: 'next-slot' },
    );
    expect(await problemsOf(planning)).toEqual([
      {
        path: ['to', 1],
        rule: 'account.no_slots',
        message:
          "'next-slot' needs queue slots, and account \"brand-mastodon\" has none: connect it again with timeZone and slots (smm.accounts.connect({ …, timeZone: 'Europe/Berlin', slots: ['Mon-Fri 09:00'] }, tokens)), or give a time instead",
      },
      {
        path: ['to', 2],
        rule: 'account.slots_zone',
        message:
          "'next-slot' needs the time zone of the slots, and account \"brand-old\" has none: connect it again with its timeZone (an IANA zone such as 'Europe/Berlin'), or give a time instead",
      },
    ]);
    expect(await smm.scheduler.list()).toEqual([]);

    // Every account with a queue: one entry each, in its own zone.
    const entries = await smm.schedule({ text: 'Hello' }, { to: ['brand-x'], at: 'next-slot' });
    expect(entries.map((entry) => [entry.publishAt.toISOString(), entry.timeZone])).toEqual([
      ['2026-11-23T08:00:00.000Z', 'Europe/Berlin'],
    ]);
    await smm.shutdown();
  });
});

describe('smm.approve and smm.reject with an id that is not one', () => {
  it.each([
    ['memoryStore()', () => memoryStore()],
    ['sqliteStore(":memory:")', () => sqliteStore(':memory:')],
  ])('are a ValidationError on %s, not the store’s own error', async (_name, open) => {
    const smm = await world.smmkit(open());
    // `schedule` resolves with an array of entries: `(await smm.schedule(…)).id` is undefined.
    const id = undefined as unknown as string;
    for (const call of [smm.approve(id, { by: 'maria' }), smm.reject(id, { by: 'maria' })]) {
      const problems = await problemsOf(call);
      expect(problems.map(({ path, rule }) => [path, rule])).toEqual([[['id'], 'entry.id']]);
    }
    await smm.shutdown();
  });
});
