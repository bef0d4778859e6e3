import { describe, expect, it, vi } from 'vitest';
import type { RateBudget } from '../../src/adapter/capabilities.js';
import { TransientError } from '../../src/errors/transient-error.js';
import type { BudgetId, BudgetLedger, BudgetSlot } from '../../src/publisher/budget-ledger.js';
import { memoryBudgetLedger } from '../../src/publisher/memory-budget-ledger.js';
import { fakePublishResult } from '../fixtures/capabilities.js';
import { capabilities, fakeWorld, only } from './support/world.js';

const target = { platform: 'fake', accountId: 'acct-1' };
const post = { text: 'Hello from smmkit' };
const userBudget: RateBudget = { bucket: 'publish', limit: 2, windowSec: 60, scope: 'user', resets: 'fixed' };
const appBudget: RateBudget = {
  bucket: 'publish',
  limit: 50,
  windowSec: 86_400,
  scope: 'app',
  resets: 'fixed',
};
const withBudgets = (budgets: RateBudget[]) => capabilities({ rateLimits: { headers: true, budgets } });

/** A ledger that records what the publisher hands it, on top of core's in-memory one. */
function recordingLedger(): BudgetLedger & { readonly taken: BudgetSlot[][]; readonly learned: BudgetId[] } {
  const inner = memoryBudgetLedger({
    safetyFraction: 0,
    burstFraction: 0.5,
    resetSkewMs: 1_000,
    usageSlowFrom: 0.75,
    usageMaxDelayMs: 60_000,
  });
  const taken: BudgetSlot[][] = [];
  const learned: BudgetId[] = [];
  return {
    taken,
    learned,
    take: async (slots, now, policy) => {
      taken.push([...slots]);
      return inner.take(slots, now, policy);
    },
    learn: async (id, info) => {
      learned.push(id);
      return inner.learn(id, info);
    },
    pause: async (id, until) => inner.pause(id, until),
  };
}

describe('ThrottleOptions.ledger', () => {
  it('books each request on the account’s budget and the app-wide one, with the budgets the adapter declares for each', async () => {
    const ledger = recordingLedger();
    const { publisher } = fakeWorld(
      {
        capabilities: withBudgets([userBudget, appBudget]),
        // The platform reports its app-wide usage (Meta's X-App-Usage style).
        publish: async () => ({ ...fakePublishResult, rateLimit: { usedFraction: 0.2, scope: 'app' } }),
      },
      { throttle: { ledger } },
    );
    expect(only(await publisher.publish(post, [target])).status).toBe('published');
    expect(ledger.taken).toEqual([
      [
        {
          id: { platform: 'fake', accountId: 'acct-1', bucket: 'publish' },
          declared: [userBudget],
          units: 1,
        },
        { id: { platform: 'fake', accountId: '*', bucket: 'publish' }, declared: [appBudget], units: 1 },
      ],
    ]);
    expect(ledger.learned).toEqual([{ platform: 'fake', accountId: '*', bucket: 'publish' }]);
  });

  it('lets two publishers given one ledger spend one budget: the third post waits for the next window', async () => {
    const ledger = recordingLedger();
    const declared = withBudgets([userBudget]);
    const sent: number[] = [];
    const first = fakeWorld({ capabilities: declared }, { throttle: { ledger } });
    const publish = async () => {
      sent.push(first.clock.now());
      return fakePublishResult;
    };
    const one = fakeWorld({ capabilities: declared, publish }, { throttle: { ledger }, clock: first.clock });
    const two = fakeWorld({ capabilities: declared, publish }, { throttle: { ledger }, clock: first.clock });
    const outcomes = await Promise.all([
      one.publisher.publish(post, [target]),
      two.publisher.publish(post, [target]),
      one.publisher.publish({ text: 'Third' }, [target]),
    ]);
    expect(outcomes.flat().map((outcome) => outcome.status)).toEqual(['published', 'published', 'published']);
    const [start] = sent;
    // Two per minute between them: the second is spread to the middle of the window (half of it
    // is left), the third waits for the next window (plus resetSkewMs). With a budget each, two
    // would have gone at once.
    expect(sent.map((at) => at - (start ?? 0))).toEqual([0, 30_000, 61_000]);
  });

  it('fails a publish with a retryable TransientError, nothing sent, when the ledger cannot be reached', async () => {
    const publish = vi.fn(async () => fakePublishResult);
    const unreachable: BudgetLedger = {
      take: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
      learn: () => undefined,
      pause: () => undefined,
    };
    const { publisher, events } = fakeWorld(
      { capabilities: withBudgets([userBudget]), publish },
      { throttle: { ledger: unreachable }, retry: { maxAttempts: 3 } },
    );
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status).toBe('failed');
    const error = outcome.status === 'failed' ? outcome.error : undefined;
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'transient', retryable: true });
    expect(error?.hint).toContain('Nothing reached the platform');
    expect(publish).not.toHaveBeenCalled();
    // Tried three times, as any transient failure is.
    expect(events.filter((event) => event.name === 'retry')).toHaveLength(2);
  });
});
