import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { SpikeAlert } from '../../src/inbox/listening/rules.js';
import { DAY, emitted, HOUR, MINUTE, START, useInboxWorld } from './support/world.js';

const world = useInboxWorld();
const { x, xAna } = world;

/** Fans mention ana on X with these texts, a minute apart, the last one now. Returns their ids. */
function mentions(...texts: string[]): string[] {
  return x.sim
    .seedMentions(xAna.accountId, texts.length, { text: (_author, index) => `@ana ${texts[index] ?? ''}` })
    .map((mention) => mention.id);
}

const NEGATIVE = 'Your app is broken and useless';
const NEUTRAL = 'When does the new season start?';

describe('keyword and sentiment rules', () => {
  it('alerts on words and phrases, leaving out what the rule negates', async () => {
    const [twice, refund] = mentions(
      'I was charged TWICE for one order',
      'Where is my refund??',
      'Thanks for the refund policy link',
      'Start the art show!',
    );
    const inbox = world.inbox({
      accounts: [xAna],
      rules: [
        { type: 'keyword', name: 'billing', anyOf: ['charged twice', 'refund*'], noneOf: ['refund policy'] },
        { type: 'keyword', name: 'art', anyOf: ['art'] },
      ],
    });
    await inbox.poll();
    const alerts = emitted(inbox, 'alert');
    expect(alerts.map((alert) => [alert.rule, alert.engagements.map((item) => item.id).sort()])).toEqual([
      ['billing', [twice, refund].sort()],
      ['art', [expect.any(String)]],
    ]);
    expect(alerts[1]?.engagements[0]?.text).toBe('@ana Start the art show!');
  });

  it('alerts on strongly negative items with their AFINN scores', async () => {
    const [angry] = mentions('I hate this, worst service ever', 'not bad at all', NEUTRAL);
    const inbox = world.inbox({
      accounts: [xAna],
      rules: [{ type: 'sentiment', name: 'angry', atMost: -4 }],
    });
    await inbox.poll();
    const [alert] = emitted(inbox, 'alert');
    expect(alert?.type === 'sentiment' && alert.engagements.map((item) => item.id)).toEqual([angry]);
    expect(alert?.type === 'sentiment' && alert.scores).toEqual([-6]);
  });

  it('refuses rules that cannot work, all problems at once', () => {
    expect(() =>
      world.inbox({
        rules: [
          { type: 'keyword', name: 'empty', anyOf: [] },
          { type: 'spike', name: 'empty', windowMs: 0 },
        ],
      }),
    ).toThrow(ValidationError);
  });
});

describe('spike alerts against the account’s own baseline', () => {
  /** A quiet week: each day one negative and two neutral mentions. Read in one poll at START. */
  async function quietWeek() {
    for (let day = 6; day >= 1; day -= 1) {
      world.time.set(START - day * DAY);
      mentions(NEGATIVE, NEUTRAL, NEUTRAL);
    }
    world.time.set(START);
    const inbox = world.inbox({
      accounts: [{ ...xAna, kinds: ['mention'] }],
      rules: [{ type: 'spike', name: 'crisis' }],
    });
    await inbox.poll();
    return inbox;
  }

  it('alerts when negatives pile up in an hour, carrying the engagements that did it', async () => {
    const inbox = await quietWeek();
    expect(emitted(inbox, 'alert')).toEqual([]);
    world.time.advance(30 * MINUTE);
    const crisis = mentions(
      NEGATIVE,
      NEUTRAL,
      NEGATIVE,
      NEGATIVE,
      'Total scam. Disgusting.',
      NEGATIVE,
      'Fraud!!',
    );
    await inbox.poll();
    const [alert] = emitted(inbox, 'alert') as SpikeAlert[];
    const negatives = crisis.filter((_, index) => index !== 1);
    expect(alert).toMatchObject({
      type: 'spike',
      rule: 'crisis',
      account: xAna,
      windowMs: HOUR,
      count: 5,
      baseline: 6 / (7 * 24),
    });
    // The fifth negative tips it; the alert carries the five, oldest first.
    expect(alert?.engagements.map((item) => item.id)).toEqual(negatives.slice(0, 5));
    // One alert per window: the sixth negative, in the same hour, does not alert again.
    expect(emitted(inbox, 'alert')).toHaveLength(1);
  });

  it('does not alert at a volume the account always has', async () => {
    // A noisy day: six negatives every hour.
    for (let hour = 24; hour >= 1; hour -= 1) {
      world.time.set(START - hour * HOUR);
      mentions(NEGATIVE, NEGATIVE, NEGATIVE, NEGATIVE, NEGATIVE, NEGATIVE);
    }
    world.time.set(START);
    const rules = [{ type: 'spike', name: 'crisis', baselineMs: DAY } as const];
    const inbox = world.inbox({ accounts: [{ ...xAna, kinds: ['mention'] }], rules });
    await inbox.poll();
    world.time.advance(30 * MINUTE);
    mentions(NEGATIVE, NEGATIVE, NEGATIVE, NEGATIVE, NEGATIVE, NEGATIVE);
    await inbox.poll();
    expect(emitted(inbox, 'alert')).toEqual([]);
    // Three times its usual hour is a spike for it.
    world.time.advance(10 * MINUTE);
    mentions(...Array.from({ length: 12 }, () => NEGATIVE));
    await inbox.poll();
    const [alert] = emitted(inbox, 'alert') as SpikeAlert[];
    expect(alert).toMatchObject({ count: 18, baseline: 6 });
  });

  it('keeps the baseline across a restart, reading it back from the store', async () => {
    await quietWeek();
    world.time.advance(30 * MINUTE);
    mentions(NEGATIVE, NEGATIVE, NEGATIVE, NEGATIVE, NEGATIVE);
    const restarted = world.inbox({
      accounts: [{ ...xAna, kinds: ['mention'] }],
      rules: [{ type: 'spike', name: 'crisis' }],
    });
    await restarted.poll();
    const [alert] = emitted(restarted, 'alert') as SpikeAlert[];
    expect(alert).toMatchObject({ count: 5, baseline: 6 / (7 * 24) });
  });
});
