import { describe, expect, it, vi } from 'vitest';
import type { CheckedPost, RecentPost } from '../../src/adapter/adapter.js';
import type { PublishContext } from '../../src/adapter/context.js';
import type { Post } from '../../src/models/post.js';
import type { PublishResult } from '../../src/models/publish-result.js';
import { memoryOutbox } from '../../src/scheduler/memory-outbox.js';
import type { Outbox } from '../../src/scheduler/outbox.js';
import { capabilities, fakeWorld, START } from './support/world.js';

const post: Post = { text: 'Launch day' };
const CALL_KEY = 'entry-1';
const acct = (n: number) => ({ platform: 'fake', accountId: `acct-${n}` });
type Publish = (checked: CheckedPost, ctx: PublishContext) => Promise<PublishResult>;

/** One post per rolling 15 minutes for the whole app: a second account's publish waits for the window. */
const oneAPerWindow = capabilities({
  rateLimits: {
    headers: false,
    budgets: [{ bucket: 'publish', limit: 1, windowSec: 900, scope: 'app', resets: 'rolling' }],
  },
});

describe('publish({ stopUnstarted })', () => {
  it('lets a started create finish and never starts a target still waiting for budget', async () => {
    const outbox = memoryOutbox();
    const stop = new AbortController();
    let world: ReturnType<typeof fakeWorld> | undefined;
    const publish = vi.fn<Publish>(async (_checked, ctx) => {
      // The stop comes while this create is in flight; the create takes a second more.
      stop.abort();
      await world?.clock.sleep(1_000);
      return {
        ref: { platform: 'fake', accountId: ctx.account.accountId, platformPostId: 'p-1' },
        warnings: [],
      };
    });
    world = fakeWorld({ capabilities: oneAPerWindow, publish }, { outbox });

    const [first, second] = await world.publisher.publish(post, [acct(1), acct(2)], {
      idempotencyKey: CALL_KEY,
      stopUnstarted: stop.signal,
    });

    expect(first).toMatchObject({ status: 'published', result: { ref: { platformPostId: 'p-1' } } });
    expect(second).toMatchObject({ status: 'failed', error: { code: 'aborted' } });
    expect(publish).toHaveBeenCalledTimes(1);
    await expect(outbox.record(`${CALL_KEY}:fake:acct-1`)).resolves.toMatchObject({ status: 'published' });
    // Nothing recorded for the target never started: whoever stopped it publishes it afresh.
    await expect(outbox.record(`${CALL_KEY}:fake:acct-2`)).resolves.toBeUndefined();
  });

  it("leaves an earlier run's record as it is when stopped before answering it", async () => {
    const outbox = memoryOutbox();
    const key = `${CALL_KEY}:fake:acct-1`;
    // Another run's create is in flight: its intent is recorded, unsettled.
    await outbox.begin({ key, platform: 'fake', accountId: 'acct-1', startedAt: new Date(START - 1_000) });
    const stop = new AbortController();
    const publish = vi.fn<Publish>();
    const world = fakeWorld(
      { publish },
      {
        outbox,
        // The stop comes while the publisher asks for the account's handle, right before it
        // would reconcile the record.
        handle: async () => {
          stop.abort();
          return 'ana';
        },
      },
    );

    const [outcome] = await world.publisher.publish(post, [acct(1)], {
      idempotencyKey: CALL_KEY,
      stopUnstarted: stop.signal,
    });

    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'aborted' } });
    expect(publish).not.toHaveBeenCalled();
    // Still `sending`: the run that holds it settles it. A `failed` written here would let a later
    // run send the post again while that create may have gone out.
    await expect(outbox.record(key)).resolves.toMatchObject({ status: 'sending' });
  });

  it('sends nothing when the stop comes while the intent is being written, and settles it failed', async () => {
    const inner = memoryOutbox();
    const stop = new AbortController();
    const outbox: Outbox = {
      ...inner,
      begin: async (intent) => {
        const found = await inner.begin(intent);
        stop.abort(); // the refused lease renewal lands while begin's answer is on its way
        return found;
      },
    };
    const publish = vi.fn<Publish>(async (_checked, ctx) => ({
      ref: { platform: 'fake', accountId: ctx.account.accountId, platformPostId: 'p-1' },
      warnings: [],
    }));
    const world = fakeWorld({ publish }, { outbox });
    const [outcome] = await world.publisher.publish(post, [acct(1)], {
      idempotencyKey: CALL_KEY,
      stopUnstarted: stop.signal,
    });
    expect(publish).not.toHaveBeenCalled();
    expect(outcome?.status).toBe('failed');
    expect((await inner.record(`${CALL_KEY}:fake:acct-1`))?.status).toBe('failed');
  });

  it("leaves another run's in-flight record alone when the stop comes while begin finds it", async () => {
    const inner = memoryOutbox();
    const stop = new AbortController();
    const outbox: Outbox = {
      ...inner,
      begin: async (intent) => {
        // The new holder recorded its intent a moment before (its create is in flight).
        await inner.begin({ ...intent, startedAt: new Date(START) });
        stop.abort();
        return inner.begin(intent);
      },
    };
    const publish = vi.fn<Publish>(async (_checked, ctx) => ({
      ref: { platform: 'fake', accountId: ctx.account.accountId, platformPostId: 'p-x' },
      warnings: [],
    }));
    const findRecentPosts = vi.fn(async (): Promise<RecentPost[]> => []);
    const world = fakeWorld(
      {
        capabilities: capabilities({
          reconciliation: {
            idempotencyKey: false,
            findRecentPosts: true,
            duplicateSignal: false,
            readAfterWrite: true,
          },
        }),
        publish,
        findRecentPosts,
      },
      { outbox },
    );
    const [outcome] = await world.publisher.publish(post, [acct(1)], {
      idempotencyKey: CALL_KEY,
      stopUnstarted: stop.signal,
    });
    expect(findRecentPosts).not.toHaveBeenCalled();
    expect(publish).not.toHaveBeenCalled();
    expect(outcome?.status).toBe('failed');
    expect((await inner.record(`${CALL_KEY}:fake:acct-1`))?.status).toBe('sending');
  });
});
