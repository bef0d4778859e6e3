import { describe, expect, it, vi } from 'vitest';
import { createRefreshingTokenProvider } from '../../../src/auth/refreshing-token-provider.js';
import type { PublishOutcome } from '../../../src/publisher/outcome.js';
import { memoryScheduleStore } from '../../../src/scheduler/memory-schedule-store.js';
import { START, useSimulators } from './world.js';

const sims = useSimulators({
  budgets: { 'tweets-create': { limit: 5, windowMs: 15 * 60_000, kind: 'fixed' } },
});
const CREATE_TWEET = 'POST /2/tweets';
const CREATE_STATUS = 'POST /api/v1/statuses';

const statuses = (outcomes: readonly PublishOutcome[]) => outcomes.map((o) => o.status);
const xPosts = () => sims.x.sim.posts.filter((p) => p.accountId === sims.xTarget.accountId);
const mastodonPosts = () =>
  sims.mastodon.sim.posts.filter((p) => p.accountId === sims.mastodonTarget.accountId);

describe('publisher against the X and Mastodon simulators', () => {
  it('cross-posts to X and Mastodon, each with its own overrides', async () => {
    const publisher = sims.publisher();
    const outcomes = await publisher.publish({ text: 'Shared text' }, [
      { ...sims.xTarget, overrides: { text: 'Short for X' } },
      sims.mastodonTarget,
    ]);
    expect(statuses(outcomes)).toEqual(['published', 'published']);
    expect(xPosts().map((p) => p.text)).toEqual(['Short for X']);
    expect(mastodonPosts()).toHaveLength(1);
  });

  it('fails one invalid target and publishes the other', async () => {
    const publisher = sims.publisher();
    const outcomes = await publisher.publish({ text: 'Fine everywhere' }, [
      { ...sims.xTarget, overrides: { text: 'x'.repeat(300) } },
      sims.mastodonTarget,
    ]);
    expect(statuses(outcomes)).toEqual(['failed', 'published']);
    expect(sims.x.sim.log.forRoute(CREATE_TWEET)).toHaveLength(0);
  });

  it('pauses on a 429 until the reset, then publishes', async () => {
    sims.x.sim.faults.inject({ kind: 'rate_limit', route: CREATE_TWEET });
    const publisher = sims.publisher();
    const outcome = (await publisher.publish({ text: 'After the pause' }, [sims.xTarget]))[0];
    expect(outcome?.status).toBe('published');
    const limited = publisher.seen.find((e) => e.name === 'rate-limited')?.payload as {
      until: Date;
      bucket: string;
    };
    expect(limited.bucket).toBe(CREATE_TWEET);
    expect(sims.time.now()).toBeGreaterThanOrEqual(limited.until.getTime());
    expect(publisher.seen.find((e) => e.name === 'retry')?.payload).toMatchObject({
      attempt: 2,
      code: 'rate_limited',
    });
    expect(xPosts()).toHaveLength(1);
  });

  it('learns the window from x-rate-limit headers and stays under it: no 429, the rest after the reset', async () => {
    const publisher = sims.publisher();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, n) => publisher.publish({ text: `Post number ${n}` }, [sims.xTarget])),
    );
    expect(outcomes.flat().map((o) => o.status)).toEqual(Array(8).fill('published'));
    expect(publisher.seen.filter((e) => e.name === 'retry')).toEqual([]);
    expect(sims.x.sim.faults.injectedTotal).toBe(0);
    expect(sims.x.sim.log.forRoute(CREATE_TWEET)).toHaveLength(8);
    expect(
      publisher.seen.some(
        (e) => e.name === 'rate-limited' && (e.payload as { reason: string }).reason === 'budget',
      ),
    ).toBe(true);
    // Five per 15 minutes (2 % of 5 rounds down to no reserve): the last three went after the reset.
    expect(sims.time.now()).toBeGreaterThanOrEqual(START + 15 * 60_000);
  });

  it('books a whole thread on the window: the second thread waits for the reset instead of a 429', async () => {
    const publisher = sims.publisher();
    const thread = (n: number) => ({
      text: `Thread ${n}, part 1`,
      thread: [{ text: `Thread ${n}, part 2` }, { text: `Thread ${n}, part 3` }],
    });
    const first = await publisher.publish(thread(1), [sims.xTarget]);
    const second = await publisher.publish(thread(2), [sims.xTarget]);
    expect(statuses([...first, ...second])).toEqual(['published', 'published']);
    // Five per 15 minutes: three went, two were left, so all of the second thread went after the reset.
    expect(sims.x.sim.log.entries.filter((entry) => entry.status === 429)).toEqual([]);
    expect(xPosts()).toHaveLength(6);
    expect(sims.time.now()).toBeGreaterThanOrEqual(START + 15 * 60_000);
    expect(publisher.seen.filter((e) => e.name === 'retry')).toEqual([]);
  });

  it('fails, not unknown, when the tokens option throws for a target, and sends nothing', async () => {
    const publisher = sims.publisher({
      tokens: (target) => {
        if (target.platform === 'x') throw new Error('no credentials stored for this account');
        return sims.staticTokens(target);
      },
    });
    const [x, mastodon] = await publisher.publish({ text: 'Only where we can' }, [
      sims.xTarget,
      sims.mastodonTarget,
    ]);
    expect(x?.status).toBe('failed');
    expect(x?.status === 'failed' && x.error.code).toBe('auth_invalid');
    // The app's own message may quote a token: it stays on the cause, out of smmkit's message.
    expect(x?.status === 'failed' && x.error.message).toContain(
      "the publisher's tokens option threw an Error",
    );
    expect(x?.status === 'failed' && (x.error.cause as Error).message).toBe(
      'no credentials stored for this account',
    );
    expect(sims.x.sim.log.entries).toEqual([]);
    expect(mastodon?.status).toBe('published');
  });

  it('retries a 5xx on a media upload and publishes once', async () => {
    sims.x.sim.faults.inject({ kind: 'server_error', route: 'POST /2/media/upload/initialize' });
    const publisher = sims.publisher();
    const outcome = (
      await publisher.publish(
        {
          text: 'With a picture',
          media: [
            { kind: 'image', mimeType: 'image/png', source: { type: 'bytes', bytes: new Uint8Array(64) } },
          ],
        },
        [sims.xTarget],
      )
    )[0];
    expect(outcome?.status).toBe('published');
    expect(sims.x.sim.log.forRoute('POST /2/media/upload/initialize')).toHaveLength(2);
    expect(xPosts()).toHaveLength(1);
  });

  it('Mastodon: an accepted-then-lost create is published through the same idempotency key, one status', async () => {
    sims.mastodon.sim.faults.inject({ kind: 'accepted_then_lost', route: CREATE_STATUS });
    const publisher = sims.publisher();
    const outcome = (
      await publisher.publish({ text: 'Exactly once' }, [sims.mastodonTarget], { idempotencyKey: 'entry-1' })
    )[0];
    expect(outcome?.status).toBe('published');
    expect(mastodonPosts()).toHaveLength(1);
    const keys = sims.mastodon.sim.log.forRoute(CREATE_STATUS).map((r) => r.headers['idempotency-key']);
    expect(keys).toEqual([
      `entry-1:mastodon:${sims.mastodonTarget.accountId}`,
      `entry-1:mastodon:${sims.mastodonTarget.accountId}`,
    ]);
  });

  it('X: an accepted-then-lost create is reconciled with findRecentPosts, one post', async () => {
    sims.x.sim.faults.inject({ kind: 'accepted_then_lost', route: CREATE_TWEET });
    const publisher = sims.publisher();
    const outcome = (await publisher.publish({ text: 'Never twice' }, [sims.xTarget]))[0];
    expect(outcome?.status).toBe('published');
    expect(outcome?.status === 'published' && outcome.result.ref.platformPostId).toBe(xPosts()[0]?.id);
    expect(xPosts()).toHaveLength(1);
    expect(sims.x.sim.log.forRoute(CREATE_TWEET)).toHaveLength(1);
  });

  it('X: finds the create a crashed run left sending among the 30 posts the account made since, and sends nothing', async () => {
    // A worker began this create, X made the post, and the worker died before it settled the
    // outbox; by the time another worker takes the entry over, the account has posted 30 times.
    const outbox = memoryScheduleStore();
    const { accountId } = sims.xTarget;
    await outbox.begin({
      key: `entry-9:x:${accountId}`,
      platform: 'x',
      accountId,
      startedAt: new Date(START - 120_000),
    });
    const ours = sims.x.sim.addPost({ accountId, text: 'Made before the crash', createdAt: START - 119_000 });
    for (let n = 0; n < 30; n += 1) {
      sims.x.sim.addPost({ accountId, text: `Posted since ${n}`, createdAt: START - 100_000 + n * 1_000 });
    }
    const outcome = (
      await sims.publisher({ outbox }).publish({ text: 'Made before the crash' }, [sims.xTarget], {
        idempotencyKey: 'entry-9',
      })
    )[0];
    expect(outcome?.status).toBe('published');
    expect(outcome?.status === 'published' && outcome.result.ref.platformPostId).toBe(ours.id);
    expect(sims.x.sim.log.forRoute(CREATE_TWEET)).toHaveLength(0);
    expect(xPosts()).toHaveLength(31);
  });

  it('refreshes an expired X token once for all the queued work of the account', async () => {
    const refresh = vi.fn((refreshToken: string) =>
      sims.refreshX({
        clientId: 'client-1',
        baseUrl: sims.x.baseUrl,
        refreshToken,
        clock: sims.clock,
        fetch: sims.clock.fetch,
      }),
    );
    const tokens = vi.fn(() =>
      createRefreshingTokenProvider({
        platform: 'x',
        // No expiry given: the provider learns that the token expired from X's 401.
        tokens: { accessToken: sims.xTokens.accessToken, refreshToken: sims.xTokens.refreshToken },
        refresh,
        persist: () => undefined,
        clock: sims.clock,
      }),
    );
    sims.time.set(START + 3 * 60 * 60_000); // the 2-hour token has expired
    const publisher = sims.publisher({ tokens });
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, (_, n) => publisher.publish({ text: `Queued ${n}` }, [sims.xTarget])),
    );
    expect(outcomes.flat().map((o) => o.status)).toEqual(Array(4).fill('published'));
    expect(tokens).toHaveBeenCalledTimes(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('stops queued work on abort, sending nothing for it', async () => {
    const publisher = sims.publisher();
    const controller = new AbortController();
    const first = publisher.publish({ text: 'Goes out' }, [sims.xTarget]);
    const second = publisher.publish({ text: 'Stopped' }, [sims.xTarget], { signal: controller.signal });
    controller.abort();
    expect(statuses(await first)).toEqual(['published']);
    const stopped = (await second)[0];
    expect(stopped?.status === 'failed' && stopped.error.code).toBe('aborted');
    expect(xPosts().map((p) => p.text)).toEqual(['Goes out']);
  });

  it('emits events in order and never a token', async () => {
    const publisher = sims.publisher();
    await publisher.publish({ text: 'Watch me' }, [sims.mastodonTarget]);
    expect(publisher.seen.map((e) => e.name)).toEqual(['queued', 'attempt', 'published']);
    const rendered = JSON.stringify(publisher.seen);
    for (const token of [...sims.x.sim.tokens.allIssued(), ...sims.mastodon.sim.tokens.allIssued()]) {
      expect(rendered).not.toContain(token);
    }
  });
});
