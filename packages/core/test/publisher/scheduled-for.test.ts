import { describe, expect, it, vi } from 'vitest';
import type { CheckedPost } from '../../src/adapter/adapter.js';
import type { PublishContext } from '../../src/adapter/context.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { PublishResult } from '../../src/models/publish-result.js';
import { fakePublishResult } from '../fixtures/capabilities.js';
import { capabilities, fakeWorld, only, START } from './support/world.js';

const target = { platform: 'fake', accountId: 'acct-1' };
const post = { text: 'Out next week' };
type Publish = (checked: CheckedPost, ctx: PublishContext) => Promise<PublishResult>;

/** A platform that holds posts for 10 minutes to 30 days, like Facebook Pages. */
const scheduling = capabilities({ nativeScheduling: { minLeadSeconds: 600, maxLeadSeconds: 30 * 86_400 } });
const minutes = (n: number) => new Date(START + n * 60_000);

describe('native scheduling (scheduledFor)', () => {
  it('hands scheduledFor to the adapter and returns the instant the platform will publish at', async () => {
    const publish = vi.fn<Publish>(async (_checked, ctx) => ({
      ...fakePublishResult,
      scheduledFor: ctx.scheduledFor,
    }));
    const { publisher } = fakeWorld({ publish, capabilities: scheduling });
    const outcome = only(await publisher.publish(post, [target], { scheduledFor: minutes(60) }));
    expect(publish.mock.calls[0]?.[1].scheduledFor).toEqual(minutes(60));
    expect(outcome.status === 'published' && outcome.result.scheduledFor).toEqual(minutes(60));
  });

  it('sends no scheduledFor when none is asked for', async () => {
    const publish = vi.fn<Publish>(async () => fakePublishResult);
    const { publisher } = fakeWorld({ publish, capabilities: scheduling });
    await publisher.publish(post, [target]);
    expect(publish.mock.calls[0]?.[1]).not.toHaveProperty('scheduledFor');
  });

  it('refuses scheduledFor for a platform without native scheduling and sends nothing', async () => {
    const publish = vi.fn<Publish>(async () => fakePublishResult);
    const { publisher } = fakeWorld({ publish });
    const outcome = only(await publisher.publish(post, [target], { scheduledFor: minutes(60) }));
    expect(outcome.status === 'failed' && outcome.error.code).toBe('unsupported_capability');
    expect(outcome.status === 'failed' && outcome.hint).toMatch(/publish without scheduledFor at the time/);
    expect(publish).not.toHaveBeenCalled();
  });

  it.each([
    [
      'too soon',
      minutes(5),
      'scheduledFor.min_lead',
      /is 5 min from now; fake schedules posts from 10 min to 30 days/,
    ],
    ['in the past', minutes(-1), 'scheduledFor.min_lead', /is -1 min from now/],
    ['too far ahead', minutes(31 * 24 * 60), 'scheduledFor.max_lead', /is 31 days from now/],
  ])('refuses an instant %s for the lead window and sends nothing', async (_case, at, rule, message) => {
    const publish = vi.fn<Publish>(async () => fakePublishResult);
    const { publisher } = fakeWorld({ publish, capabilities: scheduling });
    const outcome = only(await publisher.publish(post, [target], { scheduledFor: at }));
    expect(outcome.status).toBe('failed');
    const error = outcome.status === 'failed' ? outcome.error : undefined;
    expect(ValidationError.isInstance(error) && error.problems[0]?.rule).toBe(rule);
    expect(error?.message).toMatch(message);
    expect(publish).not.toHaveBeenCalled();
  });

  it('accepts both ends of the lead window', async () => {
    const publish = vi.fn<Publish>(async () => fakePublishResult);
    const { publisher } = fakeWorld({ publish, capabilities: scheduling });
    const outcomes = await Promise.all([
      publisher.publish(post, [target], { scheduledFor: minutes(10) }),
      publisher.publish(post, [target], { scheduledFor: minutes(30 * 24 * 60) }),
    ]);
    expect(outcomes.flat().map((o) => o.status)).toEqual(['published', 'published']);
  });
});
