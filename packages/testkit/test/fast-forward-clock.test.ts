import { describe, expect, it } from 'vitest';
import { fastForwardClock } from '../src/simulator/fast-forward-clock.js';
import { manualClock } from '../src/simulator/sim-clock.js';

describe('fastForwardClock', () => {
  it('skips waits: simulated time jumps to each due instant, in order, in a few real milliseconds', async () => {
    const time = manualClock(1_000);
    const clock = fastForwardClock(time);
    const order: string[] = [];
    const started = Date.now();
    await Promise.all([
      clock.sleep(15 * 60_000).then(() => order.push(`reset at ${time.now()}`)),
      clock.sleep(500).then(() => order.push(`retry at ${time.now()}`)),
    ]);
    expect(order).toEqual(['retry at 1500', `reset at ${1_000 + 15 * 60_000}`]);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(clock.sleeps()).toHaveLength(2);
  });

  it('rejects a sleep whose signal aborts, without moving time for it', async () => {
    const time = manualClock(0);
    const clock = fastForwardClock(time);
    const controller = new AbortController();
    const sleeping = clock.sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(time.now()).toBe(0);
  });
});
