import { describe, expect, it } from 'vitest';
import { claimAt, LEASE_MS, minutesAfter, type StoreHarness, sampleEntry } from './schedule-store-harness.js';

/** Registers the cases on claiming due entries and on leases. */
export function describeClaimCases(harness: StoreHarness): void {
  describe('claimDue', () => {
    it('claims scheduled entries due at or before now, oldest first, up to the limit', async () => {
      const store = await harness.store();
      await store.add([
        sampleEntry('due-now', 0),
        sampleEntry('due-b', -5),
        sampleEntry('due-a', -5),
        sampleEntry('oldest', -30),
        sampleEntry('future', 1),
        ...(
          ['draft', 'awaiting_approval', 'published', 'failed', 'unknown', 'rejected', 'cancelled'] as const
        ).map((status) => sampleEntry(status, -60, { status })),
      ]);

      const first = await store.claimDue(claimAt(0, 'worker-1', 2));
      expect(first.map((claim) => claim.entry.id)).toEqual(['oldest', 'due-a']);
      expect(first[0]).toStrictEqual({
        entry: {
          ...sampleEntry('oldest', -30),
          status: 'publishing',
          attempts: 1,
          updatedAt: minutesAfter(0),
        },
        leaseUntil: new Date(minutesAfter(0).getTime() + LEASE_MS),
        recovered: false,
      });
      expect((await store.claimDue(claimAt(0, 'worker-1'))).map((claim) => claim.entry.id)).toEqual([
        'due-b',
        'due-now',
      ]);
      await expect(store.claimDue(claimAt(0, 'worker-1'))).resolves.toEqual([]);
      await expect(store.get('oldest')).resolves.toMatchObject({ status: 'publishing', attempts: 1 });
      await expect(store.get('future')).resolves.toMatchObject({ status: 'scheduled', attempts: 0 });
    });

    it('with dueBy, claims scheduled entries due by then, and lapsed leases by now', async () => {
      const store = await harness.store();
      await store.add([sampleEntry('crashed', -20), sampleEntry('old', -5), sampleEntry('recent', -1)]);
      await store.claimDue({ ...claimAt(-20, 'worker-1'), limit: 1 });

      const claims = await store.claimDue({ ...claimAt(0, 'worker-2'), dueBy: minutesAfter(-2) });
      expect(claims.map((claim) => [claim.entry.id, claim.recovered])).toEqual([
        ['crashed', true],
        ['old', false],
      ]);
      await expect(store.get('recent')).resolves.toMatchObject({ status: 'scheduled', attempts: 0 });
    });

    it('claims nothing with a limit of 0', async () => {
      const store = await harness.store();
      await store.add([sampleEntry('due', 0)]);
      await expect(store.claimDue(claimAt(0, 'worker-1', 0))).resolves.toEqual([]);
      await expect(store.get('due')).resolves.toMatchObject({ status: 'scheduled' });
    });

    it('of concurrent claims, each due entry goes to exactly one', async () => {
      const [one, two] = await harness.pair();
      const ids = Array.from({ length: 25 }, (_, index) => `entry-${String(index).padStart(2, '0')}`);
      await one.add(ids.map((id, index) => sampleEntry(id, -index)));
      const claims = await Promise.all(
        ['w1', 'w2', 'w3', 'w4'].map((worker, index) =>
          (index % 2 === 0 ? one : two).claimDue(claimAt(0, worker, 10)),
        ),
      );
      const claimed = claims.flat().map((claim) => claim.entry.id);
      expect([...claimed].sort()).toEqual(ids);
      expect(claims.flat().every((claim) => claim.entry.attempts === 1)).toBe(true);
    });
  });

  describe('leases', () => {
    it('gives an entry whose lease ran out to the next claim, marked recovered', async () => {
      const store = await harness.store();
      await store.add([sampleEntry('crashed', 0)]);
      await store.claimDue(claimAt(0, 'worker-1'));

      await expect(store.claimDue(claimAt(9.9, 'worker-2'))).resolves.toEqual([]);
      const [recovered, ...rest] = await store.claimDue(claimAt(10, 'worker-2'));
      expect(rest).toEqual([]);
      expect(recovered).toMatchObject({
        entry: { id: 'crashed', status: 'publishing', attempts: 2 },
        leaseUntil: minutesAfter(20),
        recovered: true,
      });

      // The first worker lost its claim: it can neither renew nor complete it.
      await expect(store.renewLease('crashed', 'worker-1', minutesAfter(30))).resolves.toBe(false);
      await expect(
        store.complete('crashed', 'worker-1', { status: 'published' }, minutesAfter(11)),
      ).resolves.toBe(false);
      await expect(
        store.complete('crashed', 'worker-2', { status: 'published' }, minutesAfter(11)),
      ).resolves.toBe(true);
      await expect(store.get('crashed')).resolves.toMatchObject({
        status: 'published',
        updatedAt: minutesAfter(11),
      });
    });

    it('renewLease extends the holder’s lease only', async () => {
      const store = await harness.store();
      await store.add([sampleEntry('long', 0)]);
      await store.claimDue(claimAt(0, 'worker-1'));

      await expect(store.renewLease('long', 'worker-2', minutesAfter(60))).resolves.toBe(false);
      await expect(store.renewLease('missing', 'worker-1', minutesAfter(60))).resolves.toBe(false);
      await expect(store.renewLease('long', 'worker-1', minutesAfter(20))).resolves.toBe(true);
      await expect(store.claimDue(claimAt(19, 'worker-2'))).resolves.toEqual([]);
      const [taken] = await store.claimDue(claimAt(20, 'worker-2'));
      expect(taken?.recovered).toBe(true);
    });

    it('complete applies the final state and drops the lease; another worker changes nothing', async () => {
      const store = await harness.store();
      await store.add([sampleEntry('done', 0)]);
      await store.claimDue(claimAt(0, 'worker-1'));

      await expect(store.complete('done', 'worker-2', { status: 'failed' }, minutesAfter(1))).resolves.toBe(
        false,
      );
      await expect(
        store.complete('missing', 'worker-1', { status: 'failed' }, minutesAfter(1)),
      ).resolves.toBe(false);
      await expect(store.get('done')).resolves.toMatchObject({ status: 'publishing' });

      const results = [
        {
          platform: 'x',
          accountId: '2244994945',
          status: 'published' as const,
          ref: { platform: 'x', accountId: '2244994945', platformPostId: '1850000000000000000' },
        },
      ];
      await expect(
        store.complete('done', 'worker-1', { status: 'published', results }, minutesAfter(2)),
      ).resolves.toBe(true);
      await expect(store.get('done')).resolves.toMatchObject({
        status: 'published',
        results,
        attempts: 1,
        updatedAt: minutesAfter(2),
      });
      // No lease is left: not renewable, not claimable, open to transitions.
      await expect(store.renewLease('done', 'worker-1', minutesAfter(60))).resolves.toBe(false);
      await expect(store.complete('done', 'worker-1', { status: 'failed' }, minutesAfter(3))).resolves.toBe(
        false,
      );
      await expect(store.claimDue(claimAt(60, 'worker-2'))).resolves.toEqual([]);
      await expect(store.transition('done', ['published'], {}, minutesAfter(4))).resolves.toBeDefined();
    });

    it('of a worker and a transition racing for one due entry, exactly one gets it', async () => {
      const [one, two] = await harness.pair();
      await one.add([sampleEntry('raced', 0)]);
      const [claims, cancelled] = await Promise.all([
        one.claimDue(claimAt(0, 'worker-1')),
        two.transition('raced', ['scheduled'], { status: 'cancelled' }, minutesAfter(0)),
      ]);
      expect(claims.length + (cancelled === undefined ? 0 : 1)).toBe(1);
      const stored = await two.get('raced');
      expect(stored?.status).toBe(claims.length === 1 ? 'publishing' : 'cancelled');
    });
  });
}
