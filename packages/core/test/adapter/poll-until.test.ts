import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../src/adapter/poll-until.js';
import { AbortedError } from '../../src/errors/aborted-error.js';
import type { Clock } from '../../src/time/clock.js';

const account = { platform: 'acme', accountId: 'a1' };
const tokens = { getAccessToken: async () => 'token' };

function fakeClock(): Clock & { readonly waits: number[] } {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

describe('pollUntil', () => {
  it('checks at once, then after each interval until the check says done', async () => {
    const clock = fakeClock();
    const attempts: number[] = [];
    await pollUntil(
      { account, tokens, clock },
      {
        timeoutMs: 10_000,
        intervalMs: 1_000,
        during: 'Acme was processing media',
        check: (attempt) => {
          attempts.push(attempt);
          return attempt === 2;
        },
        timedOut: () => new Error('timed out'),
      },
    );
    expect(attempts).toEqual([0, 1, 2]);
    expect(clock.waits).toEqual([1_000, 1_000]);
  });

  it('asks for the interval after each check and never sleeps past the deadline', async () => {
    const clock = fakeClock();
    const intervals = [4_000, 4_000, 4_000];
    const timedOut = new Error('timed out');
    await expect(
      pollUntil(
        { account, tokens, clock },
        {
          timeoutMs: 10_000,
          intervalMs: () => intervals.shift() ?? 0,
          during: 'Acme was processing media',
          check: () => false,
          timedOut: () => timedOut,
        },
      ),
    ).rejects.toBe(timedOut);
    expect(clock.waits).toEqual([4_000, 4_000, 2_000]);
  });

  it('waits at least 100 ms between checks, whatever interval it is told (0, negative, NaN)', async () => {
    const clock = fakeClock();
    const intervals = [0, -5, Number.NaN];
    await pollUntil(
      { account, tokens, clock },
      {
        timeoutMs: 10_000,
        intervalMs: () => intervals.shift() ?? 0,
        during: 'Acme was processing media',
        check: (attempt) => attempt === 3,
        timedOut: () => new Error('timed out'),
      },
    );
    expect(clock.waits).toEqual([100, 100, 100]);
  });

  it('refuses a timeout that is no finite number above 0, which would never end the wait', async () => {
    for (const timeoutMs of [Number.NaN, Number.POSITIVE_INFINITY, 0]) {
      await expect(
        pollUntil(
          { account, tokens, clock: fakeClock() },
          {
            timeoutMs,
            intervalMs: 1_000,
            during: 'Acme was processing media',
            check: () => false,
            timedOut: () => new Error('timed out'),
          },
        ),
      ).rejects.toThrow(TypeError);
    }
  });

  it('lets a failed check stop the wait', async () => {
    const failure = new Error('processing failed');
    await expect(
      pollUntil(
        { account, tokens, clock: fakeClock() },
        {
          timeoutMs: 10_000,
          intervalMs: 1_000,
          during: 'Acme was processing media',
          check: () => Promise.reject(failure),
          timedOut: () => new Error('timed out'),
        },
      ),
    ).rejects.toBe(failure);
  });

  it('turns an abort while waiting into an AbortedError', async () => {
    const controller = new AbortController();
    const clock: Clock = {
      now: () => 0,
      sleep: (_ms, signal) =>
        new Promise((_, reject) => {
          if (signal?.aborted) reject(signal.reason);
          signal?.addEventListener('abort', () => reject(signal.reason));
        }),
    };
    const waiting = pollUntil(
      { account, tokens, clock, signal: controller.signal },
      {
        timeoutMs: 60_000,
        intervalMs: 1_000,
        during: 'Acme was processing media',
        check: () => false,
        timedOut: () => new Error('timed out'),
      },
    );
    await Promise.resolve();
    controller.abort(new Error('stop'));
    const error = await waiting.catch((e: unknown) => e);
    expect(AbortedError.isInstance(error)).toBe(true);
    expect((error as AbortedError).message).toBe('publish was aborted while Acme was processing media.');
  });
});
