import { describe, expect, it } from 'vitest';
import { unfinishedWaitReason, waitAfterCreate } from '../../src/adapter/wait-after-create.js';
import { AbortedError } from '../../src/errors/aborted-error.js';
import { AuthError } from '../../src/errors/auth-error.js';
import { MediaProcessingError } from '../../src/errors/media-processing-error.js';
import { TransientError } from '../../src/errors/transient-error.js';
import type { Clock } from '../../src/time/clock.js';

const account = { platform: 'acme', accountId: 'a1' };
const tokens = { getAccessToken: async () => 'token' };
const post = { platform: 'acme', platformName: 'Acme', subject: 'post 7', intervalMs: 1000, timeoutMs: 5000 };

function fakeClock(): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

/** Reads that answer (or throw) `answers` in turn, then `'live'`. */
function reads(...answers: (string | Error)[]) {
  const read = async () => {
    const next = answers.shift() ?? 'live';
    if (next instanceof Error) throw next;
    return next;
  };
  return { read, isDone: (status: string) => status === 'live' };
}

const transient = () => new TransientError('transient', 'acme: 503 on GET /status', { platform: 'acme' });

describe('waitAfterCreate', () => {
  it('takes a read that failed with a retryable error as a missed read, and reads again', async () => {
    const outcome = await waitAfterCreate(
      { account, tokens, clock: fakeClock() },
      { ...post, ...reads('processing', transient(), 'processing') },
    );
    expect(outcome).toEqual({ state: 'done', last: 'live' });
  });

  it('ends unfinished, with the read’s message, when a read fails in a way a later read would not fix', async () => {
    const revoked = new AuthError('auth_revoked', 'acme: the token was revoked', { platform: 'acme' });
    const outcome = await waitAfterCreate(
      { account, tokens, clock: fakeClock() },
      { ...post, ...reads('processing', revoked) },
    );
    expect(outcome).toEqual({
      state: 'unfinished',
      reason: 'unreadable',
      last: 'processing',
      detail: 'acme: the token was revoked',
    });
  });

  it('leaves out the message of an error that is not smmkit’s own, which may hold a credential', async () => {
    const outcome = await waitAfterCreate(
      { account, tokens, clock: fakeClock() },
      { ...post, ...reads(new Error('row (access_token)=(secret-123) is locked')) },
    );
    expect(outcome).toEqual({
      state: 'unfinished',
      reason: 'unreadable',
      last: undefined,
      detail: undefined,
    });
  });

  it('ends unfinished at the timeout, with the last read failure, when the platform is still at work', async () => {
    const outcome = await waitAfterCreate(
      { account, tokens, clock: fakeClock() },
      { ...post, ...reads(...Array.from({ length: 5 }, () => 'processing'), transient()) },
    );
    expect(outcome).toEqual({
      state: 'unfinished',
      reason: 'timeout',
      last: 'processing',
      detail: 'acme: 503 on GET /status',
    });
  });

  it('ends unfinished on an abort while waiting between reads', async () => {
    const controller = new AbortController();
    const clock = fakeClock();
    const outcome = await waitAfterCreate(
      {
        account,
        tokens,
        signal: controller.signal,
        clock: {
          now: clock.now,
          sleep: async (ms, signal) => {
            controller.abort(new Error('cancelled'));
            await clock.sleep(ms, signal);
            throw signal?.reason;
          },
        },
      },
      { ...post, read: async () => 'processing', isDone: () => false },
    );
    expect(outcome).toEqual({
      state: 'unfinished',
      reason: 'aborted',
      last: 'processing',
      detail: undefined,
    });
  });

  it('ends unfinished on an abort during a read, with the read’s message', async () => {
    const controller = new AbortController();
    const aborted = new AbortedError('check status was aborted.', { platform: 'acme' });
    const outcome = await waitAfterCreate(
      { account, tokens, clock: fakeClock(), signal: controller.signal },
      {
        ...post,
        read: async (attempt) => {
          if (attempt === 0) return 'processing';
          controller.abort(new Error('cancelled'));
          throw aborted;
        },
        isDone: () => false,
      },
    );
    expect(outcome).toEqual({
      state: 'unfinished',
      reason: 'aborted',
      last: 'processing',
      detail: 'check status was aborted.',
    });
  });

  it('says why it stopped, for the pending warning', () => {
    const words = { platformName: 'Acme', subject: 'post 7', timeoutMs: 5000 };
    expect(unfinishedWaitReason({ reason: 'timeout', detail: undefined }, words)).toBe(
      'Acme was still processing post 7 after 5000 ms',
    );
    expect(unfinishedWaitReason({ reason: 'aborted', detail: undefined }, words)).toBe(
      'The wait for Acme to finish post 7 was aborted',
    );
    expect(unfinishedWaitReason({ reason: 'unreadable', detail: 'acme: revoked' }, words)).toBe(
      'Acme accepted post 7, but its status could not be read (last status read: acme: revoked)',
    );
  });

  it('throws the platform’s verdict that the post failed', async () => {
    const failed = new MediaProcessingError('media_processing_failed', 'Acme could not process post 7', {
      platform: 'acme',
    });
    const error = await waitAfterCreate(
      { account, tokens, clock: fakeClock() },
      {
        ...post,
        read: async () => 'error',
        isDone: () => {
          throw failed;
        },
      },
    ).catch((caught: unknown) => caught);
    expect(error).toBe(failed);
  });
});
