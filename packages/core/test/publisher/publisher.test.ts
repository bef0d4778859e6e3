import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import type { CheckedPost } from '../../src/adapter/adapter.js';
import type { PublishContext } from '../../src/adapter/context.js';
import { staticTokenProvider } from '../../src/auth/static-token-provider.js';
import { AbortedError } from '../../src/errors/aborted-error.js';
import { AuthError } from '../../src/errors/auth-error.js';
import { PlatformError } from '../../src/errors/platform-error.js';
import { RateLimitError } from '../../src/errors/rate-limit-error.js';
import { TransientError } from '../../src/errors/transient-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { Post } from '../../src/models/post.js';
import type { PublishResult } from '../../src/models/publish-result.js';
import type { Target } from '../../src/models/target.js';
import { fakeAdapter, fakePublishResult } from '../fixtures/capabilities.js';
import { deferred, fakeWorld, only, SECRET_TOKEN, START } from './support/world.js';

const target: Target = { platform: 'fake', accountId: 'acct-1' };
const post: Post = { text: 'Hello from smmkit' };

describe('publish', () => {
  it('applies per-target overrides and returns one outcome per target, in order', async () => {
    const seen: Post[] = [];
    const { publisher } = fakeWorld({
      publish: async ({ post: sent }) => {
        seen.push(sent);
        return fakePublishResult;
      },
    });
    const outcomes = await publisher.publish({ text: 'Long text', options: { fake: { a: 1 } } }, [
      target,
      { platform: 'fake', accountId: 'acct-2', overrides: { text: 'Short', options: { b: 2 } } },
    ]);
    expect(outcomes.map((o) => [o.status, o.target.accountId])).toEqual([
      ['published', 'acct-1'],
      ['published', 'acct-2'],
    ]);
    expect(seen).toContainEqual({ text: 'Long text', options: { fake: { a: 1 } } });
    expect(seen).toContainEqual({ text: 'Short', options: { fake: { b: 2 } } });
  });

  it('fails an invalid target with its ValidationError and sends nothing for it, while others publish', async () => {
    const publish = vi.fn(async () => fakePublishResult);
    const { publisher } = fakeWorld({ publish });
    const outcomes = await publisher.publish(post, [
      { ...target, overrides: { text: 'x'.repeat(501) } },
      { platform: 'fake', accountId: 'acct-2' },
      { platform: 'nowhere', accountId: 'acct-3' },
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'published', 'failed']);
    const [invalid, , unknownPlatform] = outcomes;
    expect(invalid?.status === 'failed' && invalid.error.code).toBe('validation_failed');
    expect(unknownPlatform?.status === 'failed' && unknownPlatform.error.code).toBe('validation_failed');
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it("fails the target, sends nothing and never rejects when an adapter's validate throws", async () => {
    const publish = vi.fn(async () => fakePublishResult);
    const { publisher } = fakeWorld({
      publish,
      validate: () => {
        throw new TypeError('cannot read media of undefined');
      },
    });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status === 'failed' && outcome.error.code).toBe('validation_failed');
    expect(outcome.status === 'failed' && outcome.error.message).toContain('cannot read media of undefined');
    expect(publish).not.toHaveBeenCalled();
  });

  it('asks for a token provider once per account and reuses it', async () => {
    const tokens = vi.fn(() => staticTokenProvider(SECRET_TOKEN));
    const { publisher } = fakeWorld({}, { tokens });
    await publisher.publish(post, [target, { platform: 'fake', accountId: 'acct-2' }]);
    await publisher.publish(post, [target]);
    await publisher.publish(post, [target, { platform: 'fake', accountId: 'acct-2' }]);
    expect(tokens).toHaveBeenCalledTimes(2);
  });
});

describe('retries', () => {
  it('retries a transient failure with exponential backoff, then publishes', async () => {
    const publish = vi
      .fn<(checked: CheckedPost, ctx: PublishContext) => Promise<PublishResult>>()
      .mockRejectedValueOnce(new TransientError('transient', 'HTTP 503'))
      .mockRejectedValueOnce(new TransientError('transient', 'HTTP 503'))
      .mockResolvedValue(fakePublishResult);
    const { publisher, events, clock } = fakeWorld({ publish });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status).toBe('published');
    expect(publish).toHaveBeenCalledTimes(3);
    // Equal jitter with random 0.5: 3/4 of 1 000 ms, then of 2 000 ms.
    const retries = events.filter((e) => e.name === 'retry').map((e) => e.payload);
    expect(retries).toEqual([
      { target, attempt: 2, delayMs: 750, code: 'transient' },
      { target, attempt: 3, delayMs: 1500, code: 'transient' },
    ]);
    expect(clock.now() - START).toBe(2250);
  });

  it('fails at once on an error that is not retryable', async () => {
    const publish = vi.fn(async () => {
      throw new AuthError('auth_revoked', 'The grant was revoked.');
    });
    const { publisher } = fakeWorld({ publish });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status === 'failed' && outcome.error.code).toBe('auth_revoked');
    expect(outcome.status === 'failed' && outcome.hint).toMatch(/re-authorize/);
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('stops after maxAttempts', async () => {
    const publish = vi.fn(async () => {
      throw new TransientError('transient', 'HTTP 503');
    });
    const { publisher } = fakeWorld({ publish }, { retry: { maxAttempts: 3 } });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status === 'failed' && outcome.error.code).toBe('transient');
    expect(publish).toHaveBeenCalledTimes(3);
  });

  it('waits for a rate limit reset, pausing the bucket, then publishes', async () => {
    const resetAt = new Date(START + 15 * 60_000);
    const publish = vi
      .fn<(checked: CheckedPost, ctx: PublishContext) => Promise<PublishResult>>()
      .mockRejectedValueOnce(new RateLimitError('rate_limited', 'HTTP 429', { resetAt }))
      .mockResolvedValue(fakePublishResult);
    const { publisher, events, clock } = fakeWorld({ publish });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status).toBe('published');
    expect(clock.now()).toBeGreaterThanOrEqual(resetAt.getTime());
    expect(events.find((e) => e.name === 'rate-limited')?.payload).toMatchObject({
      bucket: 'publish',
      until: new Date(resetAt.getTime() + 1000),
      reason: 'rate_limited',
    });
  });

  it('does not wait for a reset beyond the total retry time', async () => {
    const resetAt = new Date(START + 24 * 60 * 60_000);
    const publish = vi.fn(async () => {
      throw new RateLimitError('quota_exceeded', 'Daily cap', { resetAt });
    });
    const { publisher, clock } = fakeWorld({ publish });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status === 'failed' && outcome.error.code).toBe('quota_exceeded');
    expect(publish).toHaveBeenCalledTimes(1);
    expect(clock.now()).toBe(START);

    // The bucket stays paused until the reset; the next publish is refused at once, not held a day.
    const next = only(await publisher.publish({ text: 'Another one' }, [target]));
    expect(next.status === 'failed' && next.error.code).toBe('rate_limited');
    expect(
      next.status === 'failed' && (next.error as RateLimitError).resetAt?.getTime(),
    ).toBeGreaterThanOrEqual(resetAt.getTime());
    expect(next.status === 'failed' && next.hint).toContain('Nothing reached the platform');
    expect(publish).toHaveBeenCalledTimes(1);
    expect(clock.now()).toBe(START);
  });
});

describe('app listeners that throw', () => {
  it('never change an outcome or send twice: the throw is reported on listener-error', async () => {
    const publish = vi.fn(async () => fakePublishResult);
    const { publisher, events } = fakeWorld({ publish });
    const broken = new Error('the app logger broke');
    for (const name of ['queued', 'attempt', 'published'] as const) {
      publisher.events.on(name, () => {
        throw broken;
      });
    }
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status).toBe('published');
    expect(publish).toHaveBeenCalledTimes(1);
    expect(events.filter((event) => event.name === 'listener-error').map((event) => event.payload)).toEqual([
      { error: broken, event: 'queued' },
      { error: broken, event: 'attempt' },
      { error: broken, event: 'published' },
    ]);
  });

  it('still calls the listeners after one that throws, once-listeners once, and reports a rejected promise', async () => {
    const { publisher } = fakeWorld();
    const order: string[] = [];
    const reported: unknown[] = [];
    publisher.events.on('listener-error', ({ error }) => reported.push(error));
    const broken = new Error('the first listener broke');
    const rejected = new Error('an async listener rejected');
    publisher.events.on('published', () => {
      throw broken;
    });
    publisher.events.on('published', async () => {
      throw rejected;
    });
    publisher.events.once('published', () => order.push('once'));
    const after = () => order.push('after');
    publisher.events.on('published', after);
    await publisher.publish(post, [target]);
    await publisher.publish(post, [target], { idempotencyKey: 'second' });
    publisher.events.off('published', after);
    await publisher.publish(post, [target], { idempotencyKey: 'third' });
    expect(order).toEqual(['once', 'after', 'after']);
    expect(reported.filter((error) => error === broken)).toHaveLength(3);
    expect(reported.filter((error) => error === rejected)).toHaveLength(3);
  });

  it('settles publish() when the failed and listener-error listeners both throw', async () => {
    const publish = vi.fn(async () => {
      throw new PlatformError('platform_refused', 'Refused for good.', { platform: 'fake' });
    });
    const { publisher } = fakeWorld({ publish });
    publisher.events.on('failed', () => {
      throw new Error('failed listener broke');
    });
    publisher.events.on('listener-error', () => {
      throw new Error('listener-error listener broke');
    });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status === 'failed' && outcome.error.code).toBe('platform_refused');
  });
});

describe('cancellation and shutdown', () => {
  it('run: queues a read on the account, and an abort while it waits rejects with an AbortedError', async () => {
    const { publisher } = fakeWorld();
    const account = { platform: 'fake', accountId: 'acct-1' };
    const seen: string[] = [];
    await expect(
      publisher.run(account, 'metrics', async (context) => {
        seen.push(await context.tokens.getAccessToken());
        return 'read';
      }),
    ).resolves.toBe('read');
    expect(seen).toEqual([SECRET_TOKEN]);
    const refused = await publisher
      .run(account, 'metrics', async () => 'never', { signal: AbortSignal.abort() })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(AbortedError.isInstance(refused)).toBe(true);
  });

  it('run: an abort while a call waits behind another answers at once, and the call never runs', async () => {
    const { publisher } = fakeWorld();
    const account = { platform: 'fake', accountId: 'acct-1' };
    const ahead = deferred<string>();
    const first = publisher.run(account, 'metrics', () => ahead.promise);
    const controller = new AbortController();
    const ran = vi.fn(async () => 'second');
    const second = publisher.run(account, 'metrics', ran, { signal: controller.signal }).then(
      () => 'resolved',
      (error: unknown) => (AbortedError.isInstance(error) ? 'aborted' : error),
    );
    controller.abort();
    // The call ahead still holds the account's queue: the abort alone settles the second call.
    expect(await second).toBe('aborted');
    ahead.resolve('first');
    await expect(first).resolves.toBe('first');
    await publisher.shutdown();
    expect(ran).not.toHaveBeenCalled();
  });

  it('sends nothing when the signal is already aborted', async () => {
    const publish = vi.fn(async () => fakePublishResult);
    const { publisher } = fakeWorld({ publish });
    const outcome = only(await publisher.publish(post, [target], { signal: AbortSignal.abort() }));
    expect(outcome.status === 'failed' && outcome.error.code).toBe('aborted');
    expect(publish).not.toHaveBeenCalled();
  });

  it('stops waiting between retries when aborted', async () => {
    const controller = new AbortController();
    const publish = vi.fn(async () => {
      queueMicrotask(() => controller.abort());
      throw new TransientError('transient', 'HTTP 503');
    });
    const { publisher } = fakeWorld({ publish });
    const outcome = only(await publisher.publish(post, [target], { signal: controller.signal }));
    expect(outcome.status === 'failed' && outcome.error.code).toBe('aborted');
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('settles a queued publish as soon as it is aborted, not when its turn comes', async () => {
    const gate = deferred<PublishResult>();
    const publish = vi.fn(() => gate.promise);
    const { publisher, events } = fakeWorld({ publish });
    const running = publisher.publish(post, [target]);
    const controller = new AbortController();
    const queued = publisher.publish({ text: 'second' }, [target], { signal: controller.signal });
    await vi.waitFor(() => expect(publish).toHaveBeenCalledTimes(1));
    controller.abort();
    const outcome = only(await queued); // settles while the first still holds the queue
    expect(outcome.status === 'failed' && outcome.error.code).toBe('aborted');
    gate.resolve(fakePublishResult);
    expect(only(await running).status).toBe('published');
    await publisher.shutdown();
    expect(publish).toHaveBeenCalledTimes(1);
    expect(events.filter((e) => e.name === 'failed')).toHaveLength(1);
  });

  it('hands back queued work that has not started, after the running one finishes', async () => {
    const gate = deferred<PublishResult>();
    const publish = vi.fn(() => gate.promise);
    const { publisher } = fakeWorld({ publish });
    const running = publisher.publish(post, [target], { idempotencyKey: 'entry-1' });
    const queued = publisher.publish({ text: 'second' }, [target], { idempotencyKey: 'entry-2' });
    const third = publisher.publish({ text: 'third' }, [target]);
    await vi.waitFor(() => expect(publish).toHaveBeenCalledTimes(1));
    const shutdown = publisher.shutdown({ mode: 'handBack' });
    gate.resolve(fakePublishResult);
    const handedBack = await shutdown;
    expect(handedBack.map((work) => work.post.text)).toEqual(['second', 'third']);
    // The call's key, to pass back to publish: the target then gets the key it would have had.
    expect(handedBack[0]?.idempotencyKey).toBe('entry-2');
    expect(handedBack[1]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(only(await running).status).toBe('published');
    const second = only(await queued);
    expect(second.status === 'failed' && second.error.code).toBe('aborted');
    expect(only(await third).status).toBe('failed');
    expect(publish).toHaveBeenCalledTimes(1);
    const after = only(await publisher.publish(post, [target]));
    expect(after.status === 'failed' && after.error.code).toBe('aborted');

    // Published again later with the handed-back key, the target gets the same key as before.
    const keys: (string | undefined)[] = [];
    const again = fakeWorld({
      publish: async (_post, context) => {
        keys.push(context.idempotencyKey);
        return fakePublishResult;
      },
    });
    const [work] = handedBack;
    if (work === undefined) throw new Error('nothing handed back');
    await again.publisher.publish(work.post, [work.target], { idempotencyKey: work.idempotencyKey });
    expect(keys).toEqual(['entry-2:fake:acct-1']);
  });

  it('drains: resolves once every queued publish is done', async () => {
    const publish = vi.fn(async () => fakePublishResult);
    const { publisher } = fakeWorld({ publish });
    const all = [1, 2, 3].map((n) => publisher.publish({ text: `post ${n}` }, [target]));
    expect(await publisher.shutdown({ mode: 'drain' })).toEqual([]);
    expect(publish).toHaveBeenCalledTimes(3);
    for (const outcomes of await Promise.all(all)) expect(only(outcomes).status).toBe('published');
  });
});

describe('events', () => {
  it('emits queued, attempt, retry, attempt, progress, published in order, without tokens', async () => {
    const publish = vi
      .fn<(checked: CheckedPost, ctx: PublishContext) => Promise<PublishResult>>()
      .mockRejectedValueOnce(new TransientError('timeout', 'read timed out'))
      .mockImplementation(async (_post, ctx) => {
        ctx.onProgress?.({ stage: 'upload', mediaIndex: 0, bytesSent: 10, bytesTotal: 10 });
        await ctx.tokens.getAccessToken();
        return fakePublishResult;
      });
    const { publisher, events } = fakeWorld({ publish });
    await publisher.publish(post, [target]);
    expect(events.map((e) => e.name)).toEqual([
      'queued',
      'attempt',
      'retry',
      'attempt',
      'progress',
      'published',
    ]);
    expect(events[1]?.payload).toEqual({ target, attempt: 1, operation: 'publish' });
    const rendered = inspect(events, { depth: 10, showHidden: true }) + JSON.stringify(events);
    expect(rendered).not.toContain(SECRET_TOKEN);
  });

  it('keeps tokens out of failed events too', async () => {
    const { publisher, events } = fakeWorld({
      publish: async (_post, ctx) => {
        await ctx.tokens.getAccessToken();
        throw new AuthError('auth_expired', 'The token expired.');
      },
    });
    await publisher.publish(post, [target]);
    expect(events.at(-1)?.name).toBe('failed');
    expect(inspect(events, { depth: 10, showHidden: true }) + JSON.stringify(events)).not.toContain(
      SECRET_TOKEN,
    );
  });
});

describe('adapters', () => {
  it('refuses two adapters for one platform with a ValidationError naming each extra one, and a hint', async () => {
    const { createPublisher } = await import('../../src/publisher/publisher.js');
    let error: unknown;
    try {
      createPublisher({
        adapters: [fakeAdapter(), fakeAdapter({ platform: 'other' }), fakeAdapter()],
        tokens: () => staticTokenProvider('t'),
      });
    } catch (thrown) {
      error = thrown;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    if (!ValidationError.isInstance(error)) return;
    expect(error.problems).toEqual([
      {
        path: ['adapters', 2, 'platform'],
        rule: 'publisher.adapter_twice',
        message:
          'a second adapter for platform "fake": the publisher takes one adapter per platform; pass each platform\'s adapter once',
      },
    ]);
    expect(error.hint).toMatch(/one adapter per platform id/);
  });
});
