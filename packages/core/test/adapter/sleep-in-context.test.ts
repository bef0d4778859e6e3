import { describe, expect, it } from 'vitest';
import { sleepInContext } from '../../src/adapter/sleep-in-context.js';
import { AbortedError } from '../../src/errors/aborted-error.js';
import type { Clock } from '../../src/time/clock.js';

const account = { platform: 'acme', accountId: 'a1' };
const tokens = { getAccessToken: async () => 'token' };

describe('sleepInContext', () => {
  it("waits on the context's clock", async () => {
    const waits: number[] = [];
    const clock: Clock = { now: () => 0, sleep: async (ms) => void waits.push(ms) };
    await sleepInContext({ account, tokens, clock }, 1500, 'Acme was processing media');
    expect(waits).toEqual([1500]);
  });

  it('turns an abort while waiting into an AbortedError that says what was waited for', async () => {
    const controller = new AbortController();
    const clock: Clock = {
      now: () => 0,
      sleep: (_ms, signal) =>
        new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    };
    const waiting = sleepInContext(
      { account, tokens, clock, signal: controller.signal },
      60_000,
      'Acme was processing media',
    );
    controller.abort(new Error('stop'));
    const error = await waiting.catch((e: unknown) => e);
    expect(AbortedError.isInstance(error)).toBe(true);
    expect((error as AbortedError).message).toBe('publish was aborted while Acme was processing media.');
    expect((error as AbortedError).platform).toBe('acme');
  });

  it('lets other clock failures through unchanged', async () => {
    const failure = new Error('clock broke');
    const clock: Clock = { now: () => 0, sleep: async () => Promise.reject(failure) };
    await expect(sleepInContext({ account, tokens, clock }, 1, 'x')).rejects.toBe(failure);
  });
});
