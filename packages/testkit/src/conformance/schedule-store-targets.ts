import type { ScheduleEntry } from '@smmkit/core';
import {
  claimsTargets,
  type ScheduleStore,
  type TargetClaimRequest,
  type TargetClaimStore,
  type TargetRef,
  type TargetResult,
} from '@smmkit/core/scheduler';
import { describe, expect, it } from 'vitest';
import { claimAt, LEASE_MS, minutesAfter, type StoreHarness, sampleEntry } from './schedule-store-harness.js';

const X: TargetRef = { platform: 'x', accountId: '2244994945' };
const MASTODON: TargetRef = { platform: 'mastodon', accountId: '109' };

/** A scheduled entry for two targets (X, then Mastodon) at {@link minutesAfter}(`minutes`). */
function twoTargets(id: string, minutes = 0, fields: Readonly<Record<string, unknown>> = {}): ScheduleEntry {
  return sampleEntry(id, minutes, {
    targets: [X, { ...MASTODON, overrides: { text: 'Hi, fediverse' } }],
    ...fields,
  });
}

/** A claim of `target` of `entryId` at its occurrence {@link minutesAfter}(0), made at `minutes`. */
function targetAt(
  entryId: string,
  target: TargetRef,
  minutes: number,
  worker: string,
  occurrence = 0,
): TargetClaimRequest {
  return {
    entryId,
    publishAt: minutesAfter(occurrence),
    target,
    now: minutesAfter(minutes),
    worker,
    leaseMs: LEASE_MS,
  };
}

function published(target: TargetRef, postId: string): TargetResult {
  return {
    ...target,
    status: 'published',
    ref: { ...target, platformPostId: postId },
  };
}

function failed(target: TargetRef): TargetResult {
  return { ...target, status: 'failed', error: { code: 'platform_refused', message: 'Refused.' } };
}

async function targetStore(harness: StoreHarness): Promise<TargetClaimStore> {
  return asTargetStore(await harness.store());
}

function asTargetStore(store: ScheduleStore): TargetClaimStore {
  if (!claimsTargets(store)) throw new Error('the store does not claim target by target (no claimTarget)');
  return store;
}

/**
 * Registers the cases on claiming an entry target by target (`TargetClaimStore`), for stores
 * that do: each target of an occurrence goes to one worker, the last to settle gives the entry
 * its final state, a target whose worker died is taken over, and per-target and whole-entry
 * claims never hold one entry at once.
 */
export function describeTargetClaimCases(harness: StoreHarness): void {
  describe('claimTarget', () => {
    it('claims each target of a due occurrence once; the first starts the entry', async () => {
      const store = await targetStore(harness);
      await store.add([twoTargets('multi', 0)]);

      const first = await store.claimTarget(targetAt('multi', X, 1, 'worker-1'));
      expect(first).toStrictEqual({
        claimed: {
          entry: { ...twoTargets('multi', 0), status: 'publishing', attempts: 1, updatedAt: minutesAfter(1) },
          target: X,
          leaseUntil: new Date(minutesAfter(1).getTime() + LEASE_MS),
          first: true,
          recovered: false,
        },
      });
      const second = await store.claimTarget(targetAt('multi', MASTODON, 2, 'worker-2'));
      expect(second).toMatchObject({
        claimed: {
          entry: { status: 'publishing', attempts: 1 },
          target: { ...MASTODON, overrides: { text: 'Hi, fediverse' } },
          first: false,
          recovered: false,
        },
      });
      await expect(store.claimTarget(targetAt('multi', X, 3, 'worker-3'))).resolves.toStrictEqual({
        refused: 'leased',
        leaseUntil: new Date(minutesAfter(1).getTime() + LEASE_MS),
      });
      // Held for its targets: no whole-entry claim, no transition.
      await expect(store.claimDue(claimAt(5, 'worker-3'))).resolves.toEqual([]);
      await expect(store.transition('multi', ['publishing'], {}, minutesAfter(5))).resolves.toBeUndefined();
    });

    it('says why it claims nothing, and changes nothing then', async () => {
      const store = await targetStore(harness);
      await store.add([
        twoTargets('later', 5),
        twoTargets('draft', 0, { status: 'draft' }),
        twoTargets('done', 0, { status: 'published' }),
        twoTargets('whole', 0),
      ]);
      await store.claimDue({ ...claimAt(0, 'worker-1'), limit: 100 });
      const refusal = async (request: TargetClaimRequest) => {
        const claim = await store.claimTarget(request);
        return 'refused' in claim ? claim.refused : 'claimed';
      };

      await expect(refusal(targetAt('missing', X, 0, 'w'))).resolves.toBe('missing');
      await expect(refusal(targetAt('later', X, 0, 'w', 0))).resolves.toBe('stale');
      await expect(refusal(targetAt('later', X, 4, 'w', 5))).resolves.toBe('early');
      await expect(
        refusal(targetAt('later', { platform: 'x', accountId: 'other' }, 6, 'w', 5)),
      ).resolves.toBe('stale');
      await expect(refusal(targetAt('draft', X, 1, 'w'))).resolves.toBe('waiting');
      await expect(refusal(targetAt('done', X, 1, 'w'))).resolves.toBe('settled');
      // Claimed whole by claimDue above: its targets are that worker's.
      await expect(store.claimTarget(targetAt('whole', X, 1, 'w'))).resolves.toStrictEqual({
        refused: 'leased',
        leaseUntil: new Date(minutesAfter(0).getTime() + LEASE_MS),
      });
      await expect(store.get('later')).resolves.toMatchObject({ status: 'scheduled', attempts: 0 });
      await expect(store.get('draft')).resolves.toMatchObject({ status: 'draft', attempts: 0 });
    });

    it('of concurrent claims of one target, exactly one gets it', async () => {
      const [one, two] = await harness.pair();
      await one.add([twoTargets('raced', 0)]);
      const claims = await Promise.all(
        ['w1', 'w2', 'w3', 'w4'].map((worker, index) =>
          asTargetStore(index % 2 === 0 ? one : two).claimTarget(targetAt('raced', X, 0, worker)),
        ),
      );
      expect(claims.filter((claim) => 'claimed' in claim)).toHaveLength(1);
      await expect(one.get('raced')).resolves.toMatchObject({ status: 'publishing', attempts: 1 });
    });
  });

  describe('settleTarget', () => {
    it('keeps each result; the last target settles the entry with results in target order', async () => {
      const store = await targetStore(harness);
      await store.add([twoTargets('multi', 0)]);
      await store.claimTarget(targetAt('multi', X, 0, 'worker-1'));
      await store.claimTarget(targetAt('multi', MASTODON, 0, 'worker-2'));

      const settle = (target: TargetRef, worker: string, result: TargetResult, minutes: number) =>
        store.settleTarget({
          entryId: 'multi',
          target,
          worker,
          result,
          at: minutesAfter(minutes),
          leaseMs: LEASE_MS,
        });
      await expect(settle(MASTODON, 'worker-1', failed(MASTODON), 1)).resolves.toStrictEqual({ kept: false });
      await expect(settle(MASTODON, 'worker-2', failed(MASTODON), 1)).resolves.toStrictEqual({ kept: true });
      await expect(settle(MASTODON, 'worker-2', failed(MASTODON), 1)).resolves.toStrictEqual({ kept: false });
      await expect(store.get('multi')).resolves.toMatchObject({ status: 'publishing' });
      await expect(store.claimTarget(targetAt('multi', MASTODON, 2, 'worker-3'))).resolves.toStrictEqual({
        refused: 'settled',
      });

      const last = await settle(X, 'worker-1', published(X, '1850000000000000000'), 3);
      const results = [published(X, '1850000000000000000'), failed(MASTODON)];
      expect(last).toMatchObject({
        kept: true,
        finished: {
          id: 'multi',
          status: 'failed',
          results,
          attempts: 1,
          updatedAt: minutesAfter(3),
          error: {
            code: 'platform_refused',
            message: expect.stringMatching(/^1 of 2 targets failed: mastodon 109/),
          },
        },
      });
      await expect(store.get('multi')).resolves.toStrictEqual(last.finished);
      // Nothing is held any more: no renewal, no claim, open to a reschedule.
      await expect(store.renewTargetLease('multi', X, 'worker-1', minutesAfter(30))).resolves.toBe(false);
      await expect(store.claimTarget(targetAt('multi', X, 4, 'worker-3'))).resolves.toStrictEqual({
        refused: 'settled',
      });
      await expect(store.claimDue(claimAt(60, 'worker-3'))).resolves.toEqual([]);
      const again = await store.transition(
        'multi',
        ['failed'],
        { status: 'scheduled', publishAt: minutesAfter(10), results: undefined, error: undefined },
        minutesAfter(5),
      );
      expect(again).toMatchObject({ status: 'scheduled' });
      // The new occurrence starts afresh: both targets are claimable again.
      const claims = await Promise.all(
        [X, MASTODON].map((target) => store.claimTarget(targetAt('multi', target, 10, 'worker-4', 10))),
      );
      expect(claims.map((claim) => ('claimed' in claim ? claim.claimed.first : claim.refused))).toEqual([
        true,
        false,
      ]);
    });
  });

  describe('target leases', () => {
    it('gives a target whose lease ran out to the next claim, marked recovered', async () => {
      const store = await targetStore(harness);
      await store.add([twoTargets('crashed', 0)]);
      await store.claimTarget(targetAt('crashed', X, 0, 'worker-1'));
      await expect(store.renewTargetLease('crashed', X, 'worker-2', minutesAfter(30))).resolves.toBe(false);
      await expect(store.renewTargetLease('crashed', X, 'worker-1', minutesAfter(12))).resolves.toBe(true);

      await expect(store.claimTarget(targetAt('crashed', X, 11.9, 'worker-2'))).resolves.toMatchObject({
        refused: 'leased',
        leaseUntil: minutesAfter(12),
      });
      const taken = await store.claimTarget(targetAt('crashed', X, 12, 'worker-2'));
      expect(taken).toMatchObject({
        claimed: { entry: { status: 'publishing', attempts: 2 }, first: false, recovered: true },
      });
      // The first worker lost the target: it can neither renew nor settle it.
      await expect(store.renewTargetLease('crashed', X, 'worker-1', minutesAfter(30))).resolves.toBe(false);
      await expect(
        store.settleTarget({
          entryId: 'crashed',
          target: X,
          worker: 'worker-1',
          result: published(X, '1'),
          at: minutesAfter(13),
          leaseMs: LEASE_MS,
        }),
      ).resolves.toStrictEqual({ kept: false });
    });

    it('recovers the whole entry once every lease of its targets ran out', async () => {
      const store = await targetStore(harness);
      await store.add([twoTargets('abandoned', 0)]);
      await store.claimTarget(targetAt('abandoned', X, 0, 'worker-1'));
      await store.settleTarget({
        entryId: 'abandoned',
        target: X,
        worker: 'worker-1',
        result: published(X, '1850000000000000000'),
        at: minutesAfter(1),
        leaseMs: LEASE_MS,
      });
      // Held until a lease after its last target's settlement, then taken over whole.
      await expect(store.claimDue(claimAt(10.9, 'worker-2'))).resolves.toEqual([]);
      const [recovered] = await store.claimDue(claimAt(11, 'worker-2'));
      expect(recovered).toMatchObject({ entry: { id: 'abandoned', attempts: 2 }, recovered: true });
      await expect(store.claimTarget(targetAt('abandoned', MASTODON, 11, 'worker-3'))).resolves.toMatchObject(
        {
          refused: 'leased',
        },
      );
      const results = [published(X, '1850000000000000000'), published(MASTODON, '2')];
      await expect(
        store.complete('abandoned', 'worker-2', { status: 'published', results }, minutesAfter(12)),
      ).resolves.toBe(true);
      await expect(store.get('abandoned')).resolves.toMatchObject({ status: 'published', results });
    });
  });
}
