import { randomUUID } from 'node:crypto';
import { type Clock, TransientError } from '@smmkit/core';
import type { Redis } from 'ioredis';

/** First and longest pause between two tries to take a lease, in ms. */
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 100;

/**
 * Deletes the lease only while it is still this holder's: a holder whose lease ran out (and was
 * taken by another) must not release the new holder's. The compare-and-delete of
 * https://redis.io/docs/latest/develop/use/patterns/distributed-locks/ (one script, so atomic).
 */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** How a lease is held and waited for. */
export interface LeaseTiming {
  /** How long a lease lasts unless released, in ms: how long a crashed holder blocks the others. */
  readonly leaseMs: number;
  /** How long to wait for a lease someone else holds before giving up, in ms. */
  readonly waitMs: number;
  /** Time source for the wait and the pauses between tries (Redis itself ends the lease). */
  readonly clock: Clock;
}

/**
 * Runs `work` holding the lease at `lockKey`: `SET key holder NX PX leaseMs` takes it only when
 * nobody holds it, and Redis drops it by itself after `leaseMs`, so a holder that crashed blocks
 * the others for at most that long. Waits (with growing, jittered pauses) while someone else
 * holds it, and releases it when `work` settles.
 *
 * @param redis - the connection
 * @param lockKey - the Redis key of the lease
 * @param timing - lease length, wait and clock
 * @param work - what to run under the lease
 * @param failure - what an error of Redis while taking the lease becomes (a typed error); what
 *   `work` throws is never passed to it
 * @returns what `work` returns
 * @throws TransientError when the lease stayed taken for `waitMs`; what `failure` makes of an
 *   error of Redis while taking it; what `work` threw, as it threw it
 */
export async function withRedisLease<T>(
  redis: Redis,
  lockKey: string,
  timing: LeaseTiming,
  work: () => Promise<T>,
  failure: (error: unknown) => unknown,
): Promise<T> {
  const holder = randomUUID();
  const { clock, leaseMs, waitMs } = timing;
  const giveUpAt = clock.now() + waitMs;
  let pause = FIRST_PAUSE_MS;
  const take = (): Promise<string | null> =>
    redis.set(lockKey, holder, 'PX', leaseMs, 'NX').catch((error: unknown) => {
      throw failure(error);
    });
  while ((await take()) !== 'OK') {
    if (clock.now() >= giveUpAt) {
      throw new TransientError(
        'transient',
        `The lease "${lockKey}" stayed taken for ${waitMs} ms: another process holds it.`,
        { hint: 'Try again later; a lease whose holder died ends by itself.' },
      );
    }
    // Jittered so that waiting processes do not retry in lockstep.
    await clock.sleep(pause / 2 + Math.random() * pause);
    pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
  }
  try {
    return await work();
  } finally {
    // A release that fails (Redis unreachable) must not turn the work's outcome into an error:
    // the lease ends by itself after leaseMs.
    await redis.eval(RELEASE, 1, lockKey, holder).catch(() => undefined);
  }
}
