import type { ScheduleEntry, ScheduleStatus } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
import { createScheduler, type ScheduleStore, SLOT_HOLDING_STATUSES } from '@smmkit/core/scheduler';
import { describe, expect, it } from 'vitest';
import { minutesAfter, type StoreHarness, sampleEntry, T0 } from './schedule-store-harness.js';

/** The account of {@link sampleEntry}. */
const ACCOUNT = { platform: 'x', accountId: '2244994945' } as const;

/** The states that free a slot. */
const FREEING: readonly ScheduleStatus[] = ['failed', 'rejected', 'cancelled'];

/** The store's `addIfSlotsFree`, which the `slotClaims` cases need. */
function claimSlots(store: ScheduleStore): (entries: readonly ScheduleEntry[]) => Promise<number[]> {
  const { addIfSlotsFree } = store;
  if (addIfSlotsFree === undefined) {
    throw new Error('the store has no addIfSlotsFree: leave slotClaims out of the suite options');
  }
  return (entries) => addIfSlotsFree.call(store, entries);
}

/** The store's `transitionIfSlotFree`, which the `slotClaims` cases need. */
function moveIntoSlots(store: ScheduleStore): NonNullable<ScheduleStore['transitionIfSlotFree']> {
  const { transitionIfSlotFree } = store;
  if (transitionIfSlotFree === undefined) {
    throw new Error('the store has no transitionIfSlotFree: leave slotClaims out of the suite options');
  }
  return (...args) => transitionIfSlotFree.apply(store, args);
}

/** A scheduler on `store` at {@link T0} whose one account posts daily at 09:00, 13:00 and 17:00 Berlin time. */
function plannerOn(store: ScheduleStore) {
  return createScheduler({
    store,
    publisher: createPublisher({
      adapters: [],
      tokens: () => {
        throw new Error('the slot cases plan and never publish');
      },
      outbox: store,
    }),
    clock: { now: () => T0, sleep: async () => undefined },
    accounts: [{ ...ACCOUNT, zone: 'Europe/Berlin', slots: ['09:00', '13:00', '17:00'] }],
  });
}

/** The first `count` slots of {@link plannerOn}'s account after T0 (09:00 Berlin is 07:00 UTC in May). */
function firstSlots(count: number): number[] {
  const slots: number[] = [];
  for (let day = 0; slots.length < count; day += 1) {
    for (const hour of [7, 11, 15]) {
      const at = Date.UTC(2026, 4, 1 + day, hour);
      if (at > T0 && slots.length < count) slots.push(at);
    }
  }
  return slots;
}

/** Registers the cases on claiming queue slots atomically (`addIfSlotsFree`). */
export function describeSlotClaimCases(harness: StoreHarness): void {
  describe('addIfSlotsFree', () => {
    it('adds entries whose slots are free; refuses the call, adding nothing, when an entry of the account holds one', async () => {
      const store = await harness.store();
      const claim = claimSlots(store);
      await store.add([sampleEntry('held', 60)]);

      await expect(claim([sampleEntry('free', 120), sampleEntry('clash', 60)])).resolves.toEqual([1]);
      await expect(store.get('free')).resolves.toBeUndefined();
      await expect(store.get('clash')).resolves.toBeUndefined();

      await expect(claim([sampleEntry('free', 120), sampleEntry('later', 180)])).resolves.toEqual([]);
      await expect(store.get('free')).resolves.toStrictEqual(sampleEntry('free', 120));
      await expect(store.get('later')).resolves.toStrictEqual(sampleEntry('later', 180));
    });

    it('counts entries in a slot-holding state as holding it; failed, rejected and cancelled ones free it', async () => {
      const store = await harness.store();
      const claim = claimSlots(store);
      const statuses = [...SLOT_HOLDING_STATUSES, ...FREEING];
      await store.add(statuses.map((status, index) => sampleEntry(`was-${status}`, index, { status })));

      const answers = [];
      for (const [index, status] of statuses.entries()) {
        answers.push([status, await claim([sampleEntry(`now-${status}`, index)])]);
      }
      expect(answers).toEqual(statuses.map((status) => [status, FREEING.includes(status) ? [] : [0]]));
      const added = await store.list({ accounts: [ACCOUNT] });
      expect(added.filter((entry) => entry.id.startsWith('now-')).map((entry) => entry.id)).toEqual(
        FREEING.map((status) => `now-${status}`),
      );
    });

    it('leaves other accounts and other instants free; an entry on two accounts stands in the slot of each', async () => {
      const store = await harness.store();
      const claim = claimSlots(store);
      await store.add([sampleEntry('held', 60)]);

      await expect(
        claim([
          sampleEntry('other-account', 60, { targets: [{ platform: 'x', accountId: '783214' }] }),
          sampleEntry('other-platform', 60, {
            targets: [{ platform: 'mastodon', accountId: ACCOUNT.accountId }],
          }),
          sampleEntry('other-instant', 61),
        ]),
      ).resolves.toEqual([]);
      // 'held' stands in the account's slot at 60: an entry on it and on a free account is refused.
      const both = { targets: [{ platform: 'x', accountId: '12' }, ACCOUNT] };
      await expect(claim([sampleEntry('both', 60, both)])).resolves.toEqual([0]);
      await expect(
        claim([sampleEntry('joins', 90, { targets: [{ platform: 'x', accountId: '783214' }, ACCOUNT] })]),
      ).resolves.toEqual([]);
      await expect(
        claim([sampleEntry('after-joins', 90, { targets: [{ platform: 'x', accountId: '783214' }] })]),
      ).resolves.toEqual([0]);
      await expect(store.get('both')).resolves.toBeUndefined();
      await expect(store.get('joins')).resolves.toMatchObject({ id: 'joins' });
    });

    it('refuses an entry whose slot an earlier entry of the same call takes, adding neither', async () => {
      const store = await harness.store();
      const claim = claimSlots(store);
      await expect(claim([sampleEntry('first', 30), sampleEntry('second', 30)])).resolves.toEqual([1]);
      await expect(store.list()).resolves.toEqual([]);
    });

    it('throws for an id that exists, as add does, and adds nothing', async () => {
      const store = await harness.store();
      const claim = claimSlots(store);
      await store.add([sampleEntry('taken', 0)]);
      await expect(claim([sampleEntry('new', 500), sampleEntry('taken', 600)])).rejects.toThrow(/taken/);
      await expect(store.get('new')).resolves.toBeUndefined();
    });

    it('of concurrent claims of one slot from two handles, exactly one wins', async () => {
      const [one, two] = await harness.pair();
      const claims = [claimSlots(one), claimSlots(two)] as const;
      for (let round = 0; round < 20; round += 1) {
        const answers = await Promise.all(
          claims.map((claim, side) => claim([sampleEntry(`slot-${round}-${side}`, round)])),
        );
        expect(answers.filter((answer) => answer.length === 0)).toHaveLength(1);
      }
      const entries = await one.list();
      expect(entries).toHaveLength(20);
      expect(new Set(entries.map((entry) => entry.publishAt.getTime())).size).toBe(20);
    });

    it("two schedulers planning 'next-slot' for one account at once never share a slot, and leave none out", async () => {
      const [one, two] = await harness.pair();
      const planners = [plannerOn(one), plannerOn(two)];
      for (let round = 0; round < 20; round += 1) {
        await Promise.all(
          planners.map((planner, side) =>
            planner.schedule({ text: `Round ${round}, side ${side}` }, [ACCOUNT], 'next-slot'),
          ),
        );
      }
      const planned = (await one.list({ accounts: [ACCOUNT] })).map((entry) => entry.publishAt.getTime());
      expect(planned).toEqual(firstSlots(40));
      // An explicit instant may share a slot on purpose.
      const [shared] =
        (await planners[0]?.schedule({ text: 'On purpose' }, [ACCOUNT], minutesAfter(4 * 60))) ?? [];
      expect(shared?.publishAt).toEqual(new Date(firstSlots(1)[0] ?? 0));
    });

    it("a reschedule to 'next-slot' and a plan for the same account at once never share a slot", async () => {
      const [one, two] = await harness.pair();
      const [mover, planner] = [plannerOn(one), plannerOn(two)];
      // Entries planned far ahead, each to be moved into the queue while the other scheduler plans.
      await one.add(
        Array.from({ length: 20 }, (_, round) => sampleEntry(`far-${round}`, 60 * 24 * 365 + round)),
      );
      for (let round = 0; round < 20; round += 1) {
        await Promise.all([
          mover.reschedule(`far-${round}`, 'next-slot'),
          planner.schedule({ text: `Round ${round}` }, [ACCOUNT], 'next-slot'),
        ]);
      }
      const planned = (await one.list({ accounts: [ACCOUNT] })).map((entry) => entry.publishAt.getTime());
      expect(planned).toEqual(firstSlots(40));
    });
  });

  describe('transitionIfSlotFree', () => {
    it('moves an entry into a free slot; refuses, changing nothing, when another entry of the account holds it', async () => {
      const store = await harness.store();
      const move = moveIntoSlots(store);
      await store.add([sampleEntry('held', 60), sampleEntry('mover', 0)]);
      const at = minutesAfter(-10);

      await expect(move('mover', ['scheduled'], { publishAt: minutesAfter(60) }, at)).resolves.toBe(
        'slot-taken',
      );
      await expect(store.get('mover')).resolves.toStrictEqual(sampleEntry('mover', 0));
      // Its own slot is not another entry's: staying there (another zone) is allowed.
      await expect(
        move('mover', ['scheduled'], { publishAt: minutesAfter(0), timeZone: 'America/New_York' }, at),
      ).resolves.toStrictEqual(sampleEntry('mover', 0, { timeZone: 'America/New_York', updatedAt: at }));
      await expect(move('mover', ['scheduled'], { publishAt: minutesAfter(120) }, at)).resolves.toMatchObject(
        {
          publishAt: minutesAfter(120),
        },
      );
      await expect(store.get('mover')).resolves.toMatchObject({ publishAt: minutesAfter(120) });
      // Another account's slot, and a slot whose entry failed, are free.
      await store.add([
        sampleEntry('other-account', 180, { targets: [{ platform: 'x', accountId: '783214' }] }),
        sampleEntry('failed', 240, { status: 'failed' }),
      ]);
      await expect(move('mover', ['scheduled'], { publishAt: minutesAfter(180) }, at)).resolves.toMatchObject(
        {
          publishAt: minutesAfter(180),
        },
      );
      await expect(move('mover', ['scheduled'], { publishAt: minutesAfter(240) }, at)).resolves.toMatchObject(
        {
          publishAt: minutesAfter(240),
        },
      );
    });

    it('refuses as transition does: a missing entry, another state, a leased entry', async () => {
      const store = await harness.store();
      const move = moveIntoSlots(store);
      await store.add([sampleEntry('draft', 30, { status: 'draft' }), sampleEntry('leased', 0)]);
      await store.claimDue({ now: minutesAfter(0), limit: 10, worker: 'worker-1', leaseMs: 60_000 });
      const patch = { publishAt: minutesAfter(500) };
      await expect(move('missing', ['scheduled'], patch, minutesAfter(0))).resolves.toBeUndefined();
      await expect(move('draft', ['scheduled'], patch, minutesAfter(0))).resolves.toBeUndefined();
      await expect(move('leased', ['publishing'], patch, minutesAfter(0))).resolves.toBeUndefined();
      await expect(store.get('draft')).resolves.toStrictEqual(sampleEntry('draft', 30, { status: 'draft' }));
    });

    it('of two entries moved into one slot at once from two handles, exactly one gets it', async () => {
      const [one, two] = await harness.pair();
      const moves = [moveIntoSlots(one), moveIntoSlots(two)] as const;
      await one.add(
        Array.from({ length: 20 }, (_, round) => [
          sampleEntry(`a-${round}`, 1000 + round),
          sampleEntry(`b-${round}`, 2000 + round),
        ]).flat(),
      );
      for (let round = 0; round < 20; round += 1) {
        const answers = await Promise.all(
          moves.map((move, side) =>
            move(
              `${side === 0 ? 'a' : 'b'}-${round}`,
              ['scheduled'],
              { publishAt: minutesAfter(round) },
              minutesAfter(-1),
            ),
          ),
        );
        expect(answers.filter((answer) => answer === 'slot-taken')).toHaveLength(1);
      }
      const early = await one.list({ to: minutesAfter(20) });
      expect(new Set(early.map((entry) => entry.publishAt.getTime())).size).toBe(20);
      expect(early).toHaveLength(20);
    });
  });
}
