import { describe, expect, it } from 'vitest';
import { claimAt, minutesAfter, type StoreHarness, sampleEntry } from './schedule-store-harness.js';

/** An entry with every optional field set, to check that a store keeps all of them. */
const fullEntry = () =>
  sampleEntry('full', 30, {
    post: {
      text: 'Launch day',
      media: [
        {
          kind: 'image',
          mimeType: 'image/jpeg',
          source: { type: 'url', url: 'https://cdn.example.com/a.jpg' },
        },
      ],
      options: { x: { replySettings: 'following' } },
    },
    targets: [
      { platform: 'x', accountId: '2244994945', overrides: { text: 'Launch day (X)' } },
      { platform: 'linkedin', accountId: 'urn:li:organization:5515715' },
    ],
    approval: {
      requestedBy: 'ana',
      requestedAt: '2026-04-30T10:00:00Z',
      decision: 'approved',
      decidedBy: 'client@example.com',
      decidedAt: '2026-04-30T12:00:00Z',
      note: 'Go',
    },
    attempts: 2,
    recurrence: { rule: 'FREQ=WEEKLY;BYDAY=FR' },
    seriesId: 'weekly',
    native: true,
    results: [
      {
        platform: 'x',
        accountId: '2244994945',
        status: 'published',
        ref: { platform: 'x', accountId: '2244994945', platformPostId: '1850000000000000000' },
        url: 'https://x.com/i/status/1850000000000000000',
      },
      {
        platform: 'linkedin',
        accountId: 'urn:li:organization:5515715',
        status: 'unknown',
        scheduledFor: '2026-05-01T09:30:00+02:00',
        error: { code: 'ambiguous', message: 'The create may have gone out.' },
      },
    ],
    error: { code: 'partial', message: 'One target is unknown.' },
    createdAt: '2026-04-29T08:00:00Z',
    updatedAt: '2026-04-30T12:00:00Z',
  });

/** Registers the cases on adding, reading and listing entries. */
export function describeEntryCases(harness: StoreHarness): void {
  describe('entries', () => {
    it('gives back an added entry with every field as it was added', async () => {
      const store = await harness.store();
      const entry = fullEntry();
      await store.add([entry, sampleEntry('plain')]);
      await expect(store.get('full')).resolves.toStrictEqual(entry);
      await expect(store.get('plain')).resolves.toStrictEqual(sampleEntry('plain'));
      await expect(store.get('missing')).resolves.toBeUndefined();
    });

    it('refuses an id that is taken, naming it, and adds nothing of that call', async () => {
      const store = await harness.store();
      await store.add([sampleEntry('taken-id', 0, { post: { text: 'first' } })]);
      await expect(store.add([sampleEntry('new-one'), sampleEntry('taken-id')])).rejects.toThrow(/taken-id/);
      await expect(store.add([sampleEntry('twice-id'), sampleEntry('twice-id')])).rejects.toThrow(/twice-id/);
      await expect(store.get('new-one')).resolves.toBeUndefined();
      await expect(store.get('twice-id')).resolves.toBeUndefined();
      expect((await store.get('taken-id'))?.post.text).toBe('first');
    });

    it('addIfAbsent adds a missing id only, and leaves the stored entry as it was', async () => {
      const store = await harness.store();
      await expect(store.addIfAbsent(sampleEntry('once', 0, { post: { text: 'first' } }))).resolves.toBe(
        true,
      );
      await expect(store.addIfAbsent(sampleEntry('once', 5, { post: { text: 'second' } }))).resolves.toBe(
        false,
      );
      const stored = await store.get('once');
      expect(stored?.post.text).toBe('first');
      expect(stored?.publishAt).toEqual(minutesAfter(0));
    });

    it('hands out copies: changing an entry given or got never changes the store', async () => {
      const store = await harness.store();
      const given = fullEntry();
      await store.add([given]);
      given.post.text = 'changed after add';
      given.publishAt.setTime(0);
      given.targets.pop();

      const got = await store.get('full');
      if (got === undefined) throw new Error('the entry is missing');
      got.post.text = 'changed after get';
      got.targets.push({ platform: 'x', accountId: '1' });
      const ref = got.results?.[0]?.ref;
      if (ref !== undefined) ref.platformPostId = '1';
      got.publishAt.setTime(0);
      (await store.list())[0]?.publishAt.setTime(0);
      (await store.transition('full', ['scheduled'], {}, minutesAfter(1)))?.publishAt.setTime(0);

      const again = await store.get('full');
      expect(again?.post.text).toBe('Launch day');
      expect(again?.targets).toHaveLength(2);
      expect(again?.results?.[0]?.ref?.platformPostId).toBe('1850000000000000000');
      expect(again?.publishAt).toEqual(minutesAfter(30));
    });
  });

  describe('list', () => {
    it('orders entries by publishAt, then id', async () => {
      const store = await harness.store();
      await store.add([
        sampleEntry('c', 10),
        sampleEntry('b', 10),
        sampleEntry('d', -5),
        sampleEntry('a', 20),
      ]);
      expect((await store.list()).map((entry) => entry.id)).toEqual(['d', 'b', 'c', 'a']);
    });

    it('narrows by time range (from included, to excluded), states, series, accounts and limit', async () => {
      const store = await harness.store();
      await store.add([
        sampleEntry('early', -60),
        sampleEntry('at-from', 0),
        sampleEntry('draft', 10, { status: 'draft' }),
        sampleEntry('two-targets', 20, {
          targets: [
            { platform: 'linkedin', accountId: 'urn:li:person:abc' },
            { platform: 'x', accountId: '783214' },
          ],
        }),
        sampleEntry('series-1', 30, { seriesId: 'weekly' }),
        sampleEntry('other-platform', 40, { targets: [{ platform: 'mastodon', accountId: '783214' }] }),
        sampleEntry('at-to', 60),
      ]);
      const ids = async (query: Parameters<typeof store.list>[0]) =>
        (await store.list(query)).map((e) => e.id);

      expect(await ids({ from: minutesAfter(0), to: minutesAfter(60) })).toEqual([
        'at-from',
        'draft',
        'two-targets',
        'series-1',
        'other-platform',
      ]);
      expect(await ids({ statuses: ['draft'] })).toEqual(['draft']);
      expect(await ids({ statuses: ['draft', 'scheduled'], limit: 2 })).toEqual(['early', 'at-from']);
      expect(await ids({ seriesId: 'weekly' })).toEqual(['series-1']);
      // An account is its platform and id together: mastodon's 783214 is not X's.
      expect(await ids({ accounts: [{ platform: 'x', accountId: '783214' }] })).toEqual(['two-targets']);
      expect(
        await ids({
          accounts: [
            { platform: 'linkedin', accountId: 'urn:li:person:abc' },
            { platform: 'mastodon', accountId: '783214' },
          ],
        }),
      ).toEqual(['two-targets', 'other-platform']);
      expect(
        await ids({
          accounts: [{ platform: 'x', accountId: '2244994945' }],
          from: minutesAfter(-1),
          limit: 2,
        }),
      ).toEqual(['at-from', 'draft']);
      expect(await ids({ accounts: [] })).toEqual([]);
      expect(await ids({ statuses: [] })).toEqual([]);
      expect(await ids({ limit: 0 })).toEqual([]);
    });

    it('lists an entry under the accounts its targets have now, after a transition changed them', async () => {
      const store = await harness.store();
      await store.add([sampleEntry('moved', 0)]);
      await store.transition(
        'moved',
        ['scheduled'],
        { targets: [{ platform: 'linkedin', accountId: 'urn:li:person:abc' }], publishAt: minutesAfter(90) },
        minutesAfter(-10),
      );
      const x = await store.list({ accounts: [{ platform: 'x', accountId: '2244994945' }] });
      const linkedin = await store.list({
        accounts: [{ platform: 'linkedin', accountId: 'urn:li:person:abc' }],
      });
      expect(x).toEqual([]);
      expect(linkedin.map((entry) => entry.id)).toEqual(['moved']);
      expect(await store.list({ to: minutesAfter(60) })).toEqual([]);
    });
  });

  describe('transition', () => {
    it('applies the patch from a listed state only, and sets updatedAt', async () => {
      const store = await harness.store();
      await store.add([sampleEntry('entry', 0, { status: 'awaiting_approval' })]);

      await expect(
        store.transition('entry', ['draft'], { status: 'scheduled' }, minutesAfter(-5)),
      ).resolves.toBeUndefined();
      await expect(
        store.transition('missing', ['draft'], { status: 'scheduled' }, minutesAfter(-5)),
      ).resolves.toBeUndefined();
      expect((await store.get('entry'))?.status).toBe('awaiting_approval');

      const approval = { decision: 'approved' as const, decidedBy: 'ana', decidedAt: minutesAfter(-5) };
      const updated = await store.transition(
        'entry',
        ['draft', 'awaiting_approval'],
        { status: 'scheduled', approval },
        minutesAfter(-5),
      );
      expect(updated).toMatchObject({ status: 'scheduled', approval, updatedAt: minutesAfter(-5) });
      await expect(store.get('entry')).resolves.toStrictEqual(updated);
    });

    it('keeps what a patch leaves out, and removes approval, results and error given as undefined', async () => {
      const store = await harness.store();
      await store.add([fullEntry()]);
      const kept = await store.transition(
        'full',
        ['scheduled'],
        { publishAt: minutesAfter(45) },
        minutesAfter(1),
      );
      expect(kept).toMatchObject({ post: { text: 'Launch day' }, attempts: 2, error: { code: 'partial' } });
      expect(kept?.results).toHaveLength(2);

      const cleared = await store.transition(
        'full',
        ['scheduled'],
        { approval: undefined, results: undefined, error: undefined },
        minutesAfter(2),
      );
      expect(cleared).toBeDefined();
      expect(cleared && ['approval', 'results', 'error'].filter((key) => key in cleared)).toEqual([]);
      expect(await store.get('full')).toStrictEqual(cleared);
    });

    it('of two concurrent approvals, exactly one wins', async () => {
      const [one, two] = await harness.pair();
      await one.add([sampleEntry('contested', 0, { status: 'awaiting_approval' })]);
      const approve = (store: typeof one, by: string) =>
        store.transition(
          'contested',
          ['awaiting_approval'],
          { status: 'scheduled', approval: { decision: 'approved', decidedBy: by } },
          minutesAfter(-5),
        );
      const outcomes = await Promise.all([approve(one, 'ana'), approve(two, 'ben'), approve(one, 'cy')]);
      const winners = outcomes.filter((outcome) => outcome !== undefined);
      expect(winners).toHaveLength(1);
      expect((await two.get('contested'))?.approval?.decidedBy).toBe(winners[0]?.approval?.decidedBy);
    });

    it('refuses an entry a worker holds, until the worker completes it', async () => {
      const store = await harness.store();
      await store.add([sampleEntry('held', 0)]);
      await store.claimDue(claimAt(0, 'worker-1'));
      await expect(
        store.transition('held', ['publishing', 'scheduled'], { status: 'cancelled' }, minutesAfter(1)),
      ).resolves.toBeUndefined();
      await store.complete('held', 'worker-1', { status: 'failed' }, minutesAfter(2));
      await expect(
        store.transition(
          'held',
          ['failed'],
          { status: 'scheduled', publishAt: minutesAfter(30) },
          minutesAfter(3),
        ),
      ).resolves.toMatchObject({ status: 'scheduled' });
    });
  });
}
