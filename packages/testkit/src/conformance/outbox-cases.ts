import type { OutboxSettlement } from '@smmkit/core/scheduler';
import { describe, expect, it } from 'vitest';
import { minutesAfter, type StoreHarness } from './schedule-store-harness.js';

/** The intent of the cases' one target. */
const intent = (key: string, minutes = 0) => ({
  key,
  platform: 'x',
  accountId: '2244994945',
  startedAt: minutesAfter(minutes),
});

/** A published settlement of `key`'s post. */
const published = (minutes: number): OutboxSettlement => ({
  status: 'published',
  ref: { platform: 'x', accountId: '2244994945', platformPostId: '1850000000000000000' },
  url: 'https://x.com/i/status/1850000000000000000',
  publishedAt: minutesAfter(minutes),
  settledAt: minutesAfter(minutes),
});

/** Registers the cases on the store's outbox. */
export function describeOutboxCases(harness: StoreHarness): void {
  describe('outbox', () => {
    it('begin records an intent once; a second begin gets the record and changes nothing', async () => {
      const store = await harness.store();
      await expect(store.begin(intent('launch:x:2244994945'))).resolves.toBeUndefined();
      const record = { ...intent('launch:x:2244994945'), status: 'sending' };
      await expect(store.begin(intent('launch:x:2244994945', 5))).resolves.toStrictEqual(record);
      await expect(store.record('launch:x:2244994945')).resolves.toStrictEqual(record);
      await expect(store.record('other')).resolves.toBeUndefined();
    });

    it('of concurrent begins with one key, exactly one records it', async () => {
      const [one, two] = await harness.pair();
      const outcomes = await Promise.all(
        [0, 1, 2, 3].map((minutes) => (minutes % 2 === 0 ? one : two).begin(intent('raced', minutes))),
      );
      expect(outcomes.filter((outcome) => outcome === undefined)).toHaveLength(1);
    });

    it('settle keeps how a create ended', async () => {
      const store = await harness.store();
      await store.begin(intent('k'));
      await store.settle('k', published(1));
      await expect(store.record('k')).resolves.toStrictEqual({
        ...intent('k'),
        status: 'published',
        settlement: published(1),
      });
      // A begin after the create went out finds it published: nothing is sent again.
      await expect(store.begin(intent('k', 2))).resolves.toMatchObject({ status: 'published' });
    });

    it('settle leaves a published record as it is: a late run’s unknown or failed does not undo it', async () => {
      const store = await harness.store();
      await store.begin(intent('k'));
      await store.settle('k', published(1));
      const error = { code: 'ambiguous', message: 'The create may have gone out.' };
      await store.settle('k', { status: 'unknown', error, settledAt: minutesAfter(2) });
      await store.settle('k', { status: 'failed', error, settledAt: minutesAfter(3) });
      await expect(store.record('k')).resolves.toStrictEqual({
        ...intent('k'),
        status: 'published',
        settlement: published(1),
      });
      expect((await store.unresolved()).map((record) => record.key)).not.toContain('k');
    });

    it('settle keeps the settlement of a key nobody began', async () => {
      const store = await harness.store();
      await store.settle('never-begun', published(1));
      await expect(store.record('never-begun')).resolves.toMatchObject({
        key: 'never-begun',
        status: 'published',
        settlement: published(1),
      });
    });

    it('retry restarts a failed record only', async () => {
      const store = await harness.store();
      for (const key of ['sending', 'published', 'unknown', 'failed']) await store.begin(intent(key));
      await store.settle('published', published(1));
      const error = { code: 'ambiguous', message: 'The create may have gone out.' };
      await store.settle('unknown', { status: 'unknown', error, settledAt: minutesAfter(1) });
      await store.settle('failed', {
        status: 'failed',
        error: { code: 'rate_limited', message: 'Too many posts.' },
        settledAt: minutesAfter(1),
      });

      for (const key of ['sending', 'published', 'unknown', 'missing']) {
        await expect(store.retry(key, minutesAfter(2))).resolves.toBe(false);
      }
      const retries = await Promise.all([
        store.retry('failed', minutesAfter(2)),
        store.retry('failed', minutesAfter(3)),
      ]);
      expect(retries.filter(Boolean)).toHaveLength(1);
      const record = await store.record('failed');
      expect(record).toMatchObject({ status: 'sending' });
      expect(record?.settlement).toBeUndefined();
      expect([minutesAfter(2).getTime(), minutesAfter(3).getTime()]).toContain(record?.startedAt.getTime());
      await expect(store.record('unknown')).resolves.toMatchObject({
        status: 'unknown',
        settlement: { error },
      });
    });

    it('keeps the fingerprint of the post a key was begun for, through settle and retry', async () => {
      const store = await harness.store();
      await store.begin({ ...intent('launch:x:2244994945'), fingerprint: 'first-post' });
      // A second begin (another post, same key) gets the first one's fingerprint to compare with.
      await expect(
        store.begin({ ...intent('launch:x:2244994945', 1), fingerprint: 'second-post' }),
      ).resolves.toMatchObject({ status: 'sending', fingerprint: 'first-post' });
      await store.settle('launch:x:2244994945', published(2));
      await expect(store.record('launch:x:2244994945')).resolves.toMatchObject({
        status: 'published',
        fingerprint: 'first-post',
      });

      // Nothing went out for a failed record, so a new attempt may carry another post.
      await store.begin({ ...intent('retried'), fingerprint: 'first-post' });
      await store.settle('retried', { status: 'failed', settledAt: minutesAfter(1) });
      await expect(store.retry('retried', minutesAfter(2), 'edited-post')).resolves.toBe(true);
      await expect(store.record('retried')).resolves.toMatchObject({ fingerprint: 'edited-post' });
      await store.settle('retried', { status: 'failed', settledAt: minutesAfter(3) });
      await store.retry('retried', minutesAfter(4));
      expect((await store.record('retried'))?.fingerprint).toBeUndefined();
      // A record begun without one keeps none.
      await store.begin(intent('plain'));
      expect((await store.record('plain'))?.fingerprint).toBeUndefined();
    });

    it('keeps a start to the millisecond through begin and retry (a fingerprint is tied to it)', async () => {
      const store = await harness.store();
      const startedAt = new Date(minutesAfter(0).getTime() + 123);
      await store.begin({ ...intent('exact'), startedAt, fingerprint: 'first-post' });
      await expect(store.record('exact')).resolves.toMatchObject({ startedAt });
      await store.settle('exact', { status: 'failed', settledAt: minutesAfter(1) });
      const again = new Date(minutesAfter(2).getTime() + 7);
      await expect(store.retry('exact', again, 'edited-post')).resolves.toBe(true);
      await expect(store.record('exact')).resolves.toMatchObject({
        startedAt: again,
        fingerprint: 'edited-post',
      });
    });

    it('unresolved lists the sending and unknown records, oldest first, until they settle', async () => {
      const store = await harness.store();
      await store.begin(intent('late-sending', 20));
      await store.begin(intent('early-unknown', 5));
      await store.begin(intent('published', 1));
      await store.begin(intent('failed', 2));
      await store.begin(intent('same-time-b', 10));
      await store.begin(intent('same-time-a', 10));
      const settledAt = minutesAfter(30);
      await store.settle('early-unknown', {
        status: 'unknown',
        error: { code: 'ambiguous', message: 'No answer.' },
        settledAt,
      });
      await store.settle('published', published(30));
      await store.settle('failed', { status: 'failed', settledAt });

      const keys = async () => (await store.unresolved()).map((record) => record.key);
      expect(await keys()).toEqual(['early-unknown', 'same-time-a', 'same-time-b', 'late-sending']);
      expect((await store.unresolved())[0]).toMatchObject({ status: 'unknown', startedAt: minutesAfter(5) });

      await store.settle('early-unknown', published(40));
      expect(await keys()).toEqual(['same-time-a', 'same-time-b', 'late-sending']);
    });
  });
}
