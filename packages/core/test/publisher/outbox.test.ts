import { describe, expect, it, vi } from 'vitest';
import type { CheckedPost, RecentPost, RecentPostsQuery } from '../../src/adapter/adapter.js';
import type { PublishContext } from '../../src/adapter/context.js';
import { AmbiguousOutcomeError } from '../../src/errors/ambiguous-outcome-error.js';
import { PlatformError } from '../../src/errors/platform-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { Post } from '../../src/models/post.js';
import type { PublishResult } from '../../src/models/publish-result.js';
import { memoryScheduleStore } from '../../src/scheduler/memory-schedule-store.js';
import type { Outbox } from '../../src/scheduler/outbox.js';
import { fakePublishResult } from '../fixtures/capabilities.js';
import { capabilities, deferred, fakeWorld, only, START } from './support/world.js';

const target = { platform: 'fake', accountId: 'acct-1' };
const post: Post = { text: 'Launch day' };
/** The publish call's key (a schedule entry id) and the target's key derived from it. */
const CALL_KEY = 'entry-1';
const KEY = `${CALL_KEY}:fake:acct-1`;
const options = { idempotencyKey: CALL_KEY };
type Publish = (checked: CheckedPost, ctx: PublishContext) => Promise<PublishResult>;
type Find = (query: RecentPostsQuery) => Promise<readonly RecentPost[]>;

const lost = () =>
  new AmbiguousOutcomeError('The connection dropped after the create was sent.', {
    operation: 'create post',
  });
const found: RecentPost = {
  ref: { platform: 'fake', accountId: 'acct-1', platformPostId: 'found-1' },
  text: 'Launch day',
  createdAt: new Date(START - 30_000),
};
const canLook = capabilities({
  reconciliation: {
    idempotencyKey: false,
    findRecentPosts: true,
    duplicateSignal: false,
    readAfterWrite: false,
  },
});

/** The outbox as a crashed run leaves it: the intent recorded, the create maybe sent, nothing settled. */
async function crashedMidCreate(outbox: Outbox, startedAt = new Date(START - 20_000)): Promise<void> {
  await outbox.begin({ key: KEY, platform: 'fake', accountId: 'acct-1', startedAt });
}

/**
 * Two publishers sharing an outbox, the first one's create of `post` held in flight (its intent
 * recorded): what a second run with the same key meets.
 */
async function firstRunSending() {
  const outbox = memoryScheduleStore();
  const held = deferred<PublishResult>();
  const first = vi.fn<Publish>(() => held.promise);
  const second = vi.fn<Publish>(async () => fakePublishResult);
  const one = fakeWorld({ publish: first }, { outbox });
  const two = fakeWorld({ publish: second }, { outbox });
  const running = one.publisher.publish(post, [target], options);
  await vi.waitFor(() => expect(first).toHaveBeenCalled());
  return { outbox, held, second, two, running };
}

describe('publisher with an outbox', () => {
  it("fails a second target for the same account instead of answering it from the first one's record", async () => {
    const outbox = memoryScheduleStore();
    const sent: string[] = [];
    const publish: Publish = async (checked) => {
      sent.push(checked.post.text ?? '');
      return { ...fakePublishResult, ref: { ...fakePublishResult.ref, platformPostId: `p-${sent.length}` } };
    };
    const { publisher } = fakeWorld({ publish }, { outbox });
    const [feed, story] = await publisher.publish(
      post,
      [target, { ...target, overrides: { text: 'Story version' } }],
      options,
    );
    expect(sent).toEqual(['Launch day']);
    expect(feed).toMatchObject({ status: 'published', result: { ref: { platformPostId: 'p-1' } } });
    const error = story?.status === 'failed' ? story.error : undefined;
    expect(ValidationError.isInstance(error) && error.problems.map((problem) => problem.rule)).toEqual([
      'target.repeated_account',
    ]);
  });

  it('records the intent before the create is sent and the outcome after', async () => {
    const outbox = memoryScheduleStore();
    const seenDuringCreate: (string | undefined)[] = [];
    const publish = vi.fn<Publish>(async (_checked, ctx) => {
      seenDuringCreate.push((await outbox.record(ctx.idempotencyKey ?? ''))?.status);
      return fakePublishResult;
    });
    const { publisher } = fakeWorld({ publish }, { outbox });
    const outcome = only(await publisher.publish(post, [target], options));
    expect(outcome.status).toBe('published');
    expect(seenDuringCreate).toEqual(['sending']);
    expect(await outbox.record(KEY)).toMatchObject({
      status: 'published',
      startedAt: new Date(START),
      settlement: { status: 'published', ref: fakePublishResult.ref, url: fakePublishResult.url },
    });
    expect(await outbox.unresolved()).toEqual([]);
  });

  it('answers a target already published from the record and sends nothing', async () => {
    const outbox = memoryScheduleStore();
    await crashedMidCreate(outbox);
    await outbox.settle(KEY, {
      status: 'published',
      ref: { platform: 'fake', accountId: 'acct-1', platformPostId: 'earlier-1' },
      url: 'https://fake.example/posts/earlier-1',
      settledAt: new Date(START - 10_000),
    });
    const publish = vi.fn<Publish>(async () => fakePublishResult);
    const { publisher } = fakeWorld({ publish }, { outbox });
    const outcome = only(await publisher.publish(post, [target], options));
    expect(publish).not.toHaveBeenCalled();
    expect(outcome.status === 'published' && outcome.result.ref.platformPostId).toBe('earlier-1');
    expect(outcome.status === 'published' && outcome.result.warnings.map((w) => w.code)).toEqual([
      'already_published',
    ]);
  });

  it('reconciles a create a crashed run left sending, from when that run started, instead of creating again', async () => {
    const outbox = memoryScheduleStore();
    await crashedMidCreate(outbox);
    const publish = vi.fn<Publish>(async () => fakePublishResult);
    const findRecentPosts = vi.fn<Find>(async () => [found]);
    const { publisher } = fakeWorld({ publish, findRecentPosts, capabilities: canLook }, { outbox });
    const outcome = only(await publisher.publish(post, [target], options));
    expect(publish).not.toHaveBeenCalled();
    expect(outcome.status === 'published' && outcome.result.ref.platformPostId).toBe('found-1');
    // Looked from a minute (lookbackMs) before the crashed run's start, not before now.
    expect(findRecentPosts.mock.calls[0]?.[0].since).toEqual(new Date(START - 20_000 - 60_000));
    expect(await outbox.record(KEY)).toMatchObject({ status: 'published' });
  });

  it('keeps a crashed create it cannot find as unknown in the outbox, and still sends nothing', async () => {
    const outbox = memoryScheduleStore();
    await crashedMidCreate(outbox);
    const publish = vi.fn<Publish>(async () => fakePublishResult);
    const { publisher } = fakeWorld(
      { publish, findRecentPosts: vi.fn<Find>(async () => []), capabilities: canLook },
      { outbox },
    );
    const outcome = only(await publisher.publish(post, [target], options));
    expect(outcome.status).toBe('unknown');
    expect(outcome.status === 'unknown' && outcome.error.message).toMatch(
      /An earlier run started this create at .* and never settled it/,
    );
    expect(publish).not.toHaveBeenCalled();
    const unresolved = await outbox.unresolved();
    expect(unresolved.map((r) => [r.key, r.status, r.settlement?.error?.code])).toEqual([
      [KEY, 'unknown', 'ambiguous_outcome'],
    ]);
  });

  it('resolves an unknown record on a later run once the post shows up', async () => {
    const outbox = memoryScheduleStore();
    await crashedMidCreate(outbox);
    await outbox.settle(KEY, {
      status: 'unknown',
      error: { code: 'ambiguous_outcome', message: 'lost' },
      settledAt: new Date(START),
    });
    const publish = vi.fn<Publish>(async () => fakePublishResult);
    const { publisher } = fakeWorld(
      { publish, findRecentPosts: vi.fn<Find>(async () => [found]), capabilities: canLook },
      { outbox },
    );
    expect(only(await publisher.publish(post, [target], options)).status).toBe('published');
    expect(publish).not.toHaveBeenCalled();
    expect(await outbox.unresolved()).toEqual([]);
  });

  it('tries a failed record again with a new start', async () => {
    const outbox = memoryScheduleStore();
    await crashedMidCreate(outbox);
    await outbox.settle(KEY, {
      status: 'failed',
      error: { code: 'auth_expired', message: 'expired' },
      settledAt: new Date(START - 10_000),
    });
    const publish = vi.fn<Publish>(async () => fakePublishResult);
    const { publisher } = fakeWorld({ publish }, { outbox });
    expect(only(await publisher.publish(post, [target], options)).status).toBe('published');
    expect(publish).toHaveBeenCalledTimes(1);
    expect(await outbox.record(KEY)).toMatchObject({ status: 'published', startedAt: new Date(START) });
  });

  it('writes failed and unknown outcomes back, with their error codes', async () => {
    const outbox = memoryScheduleStore();
    const refused = fakeWorld(
      { publish: vi.fn<Publish>().mockRejectedValue(new PlatformError('platform_refused', 'No.')) },
      { outbox },
    );
    expect(only(await refused.publisher.publish(post, [target], { idempotencyKey: 'a' })).status).toBe(
      'failed',
    );
    const ambiguous = fakeWorld({ publish: vi.fn<Publish>().mockRejectedValue(lost()) }, { outbox });
    expect(only(await ambiguous.publisher.publish(post, [target], { idempotencyKey: 'b' })).status).toBe(
      'unknown',
    );
    expect((await outbox.record('a:fake:acct-1'))?.settlement?.error?.code).toBe('platform_refused');
    expect((await outbox.record('b:fake:acct-1'))?.settlement?.error?.code).toBe('ambiguous_outcome');
    expect((await outbox.unresolved()).map((r) => r.key)).toEqual(['b:fake:acct-1']);
  });

  it('records nothing for a target that fails before any create (invalid post)', async () => {
    const outbox = memoryScheduleStore();
    const { publisher } = fakeWorld({}, { outbox });
    const outcome = only(await publisher.publish({ text: 'x'.repeat(501) }, [target], options));
    expect(outcome.status === 'failed' && outcome.error.code).toBe('validation_failed');
    expect(await outbox.record(KEY)).toBeUndefined();
  });

  it('never lets two publishers sharing an outbox both create with one key', async () => {
    const { held, second, two, running } = await firstRunSending();
    // The second sees the first's intent and cannot tell (no reconciliation signals): unknown, no create.
    expect(only(await two.publisher.publish(post, [target], options)).status).toBe('unknown');
    held.resolve(fakePublishResult);
    expect(only(await running).status).toBe('published');
    expect(second).not.toHaveBeenCalled();
  });

  describe('a key used again for a different post', () => {
    const other: Post = { text: 'Another post entirely' };
    const keyReused = (outcome: unknown) => {
      const error = (outcome as { status?: string; error?: unknown }).error;
      return ValidationError.isInstance(error) ? error.problems.map((problem) => problem.rule) : error;
    };

    it("is refused, not answered with the first post's outcome, and the record stays the first post's", async () => {
      const outbox = memoryScheduleStore();
      const publish = vi.fn<Publish>(async () => fakePublishResult);
      const { publisher } = fakeWorld({ publish }, { outbox });
      expect(only(await publisher.publish(post, [target], options)).status).toBe('published');
      const recorded = await outbox.record(KEY);

      const refused = only(await publisher.publish(other, [target], options));
      expect(refused.status).toBe('failed');
      expect(keyReused(refused)).toEqual(['idempotency.key_reused']);
      expect(refused.status === 'failed' && refused.error.message).toMatch(
        /idempotency key entry-1:fake:acct-1 belongs to a different post, which was published; nothing was sent/,
      );
      expect(publish).toHaveBeenCalledTimes(1);
      expect(await outbox.record(KEY)).toStrictEqual(recorded);
    });

    it('still answers the same post from the record, however its keys are ordered and whatever its labels', async () => {
      const outbox = memoryScheduleStore();
      const publish = vi.fn<Publish>(async () => fakePublishResult);
      const { publisher } = fakeWorld({ publish }, { outbox });
      const first: Post = { text: 'Launch day', link: 'https://example.com/launch', tags: ['launch'] };
      expect(only(await publisher.publish(first, [target], options)).status).toBe('published');
      const again: Post = { campaign: 'spring', link: 'https://example.com/launch', text: 'Launch day' };
      const outcome = only(await publisher.publish(again, [target], options));
      expect(outcome.status === 'published' && outcome.result.warnings.map((w) => w.code)).toEqual([
        'already_published',
      ]);
      expect(publish).toHaveBeenCalledTimes(1);
    });

    it('is refused while another run is sending the first post, which still publishes', async () => {
      const { outbox, held, second, two, running } = await firstRunSending();
      expect(keyReused(only(await two.publisher.publish(other, [target], options)))).toEqual([
        'idempotency.key_reused',
      ]);
      expect(await outbox.record(KEY)).toMatchObject({ status: 'sending' });
      held.resolve(fakePublishResult);
      expect(only(await running).status).toBe('published');
      expect(await outbox.record(KEY)).toMatchObject({ status: 'published' });
      expect(second).not.toHaveBeenCalled();
    });

    it('is refused without reconciling when the first post is of unknown outcome', async () => {
      const outbox = memoryScheduleStore();
      const ambiguous = fakeWorld({ publish: vi.fn<Publish>().mockRejectedValue(lost()) }, { outbox });
      expect(only(await ambiguous.publisher.publish(post, [target], options)).status).toBe('unknown');
      const publish = vi.fn<Publish>(async () => fakePublishResult);
      const findRecentPosts = vi.fn<Find>(async () => []);
      const { publisher } = fakeWorld({ publish, findRecentPosts, capabilities: canLook }, { outbox });
      expect(keyReused(only(await publisher.publish(other, [target], options)))).toEqual([
        'idempotency.key_reused',
      ]);
      expect(findRecentPosts).not.toHaveBeenCalled();
      expect(publish).not.toHaveBeenCalled();
      expect(await outbox.record(KEY)).toMatchObject({ status: 'unknown' });
    });

    it('may carry another post after the first one failed (nothing went out), and then belongs to it', async () => {
      const outbox = memoryScheduleStore();
      const refused = fakeWorld(
        { publish: vi.fn<Publish>().mockRejectedValue(new PlatformError('platform_refused', 'No.')) },
        { outbox },
      );
      expect(only(await refused.publisher.publish(post, [target], options)).status).toBe('failed');
      const publish = vi.fn<Publish>(async () => fakePublishResult);
      const { publisher } = fakeWorld({ publish }, { outbox });
      expect(only(await publisher.publish(other, [target], options)).status).toBe('published');
      expect(keyReused(only(await publisher.publish(post, [target], options)))).toEqual([
        'idempotency.key_reused',
      ]);
      expect(publish).toHaveBeenCalledTimes(1);
    });
  });

  it('sends nothing and fails the target when the outbox cannot record the intent', async () => {
    const outbox = memoryScheduleStore();
    const publish = vi.fn<Publish>(async () => fakePublishResult);
    const broken: Outbox = {
      ...outbox,
      begin: async () => {
        throw new Error('database is locked');
      },
    };
    const { publisher } = fakeWorld({ publish }, { outbox: broken, retry: { maxAttempts: 2 } });
    const outcome = only(await publisher.publish(post, [target], options));
    expect(outcome.status === 'failed' && outcome.error.code).toBe('transient');
    expect(outcome.status === 'failed' && outcome.error.message).toMatch(
      /could not record the intent .* it threw an Error\. Nothing was sent/,
    );
    expect(publish).not.toHaveBeenCalled();
  });
});
