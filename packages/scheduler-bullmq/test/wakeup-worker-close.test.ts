import type { ScheduleEntry } from '@smmkit/core';
import type { TickResult } from '@smmkit/core/scheduler';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startWakeupWorker } from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';

const bullPrefix = `${testPrefix()}bull`;
beforeEach(requireRedis);
afterAll(() => dropKeys(bullPrefix));

describe('startWakeupWorker: close()', { timeout: 30_000 }, () => {
  it('lets a running sweep finish its round but start no more claim rounds', async () => {
    let closing = false;
    let roundsAfterClose = 0;
    let swept: () => void = () => undefined;
    const sweeping = new Promise<void>((resolve) => {
      swept = resolve;
    });
    // A backlog that never ends: every round claims (and publishes) one more due entry.
    const scheduler = {
      tick: async (): Promise<TickResult> => {
        if (closing) roundsAfterClose += 1;
        swept();
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { claimed: [{ id: 'due' } as ScheduleEntry], finished: [], notApproved: [] };
      },
      publishTarget: async () => ({ outcome: 'missing' as const }),
    };
    const worker = await startWakeupWorker({
      connection: REDIS_URL,
      prefix: bullPrefix,
      queueName: 'closing',
      scheduler,
      sweepEveryMs: 60_000,
    });
    await sweeping;

    closing = true;
    await worker.close();
    // The round in flight when close() was called finished; no entry was claimed after it.
    expect(roundsAfterClose).toBe(0);
  });
});
