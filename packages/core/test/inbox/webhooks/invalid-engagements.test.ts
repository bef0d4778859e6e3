import { describe, expect, it } from 'vitest';
import type { WebhookHandler, WebhookRequest } from '../../../src/adapter/webhooks.js';
import { ValidationError } from '../../../src/errors/validation-error.js';
import type { WebhookOutcome } from '../../../src/inbox/webhooks/webhook-outcome.js';
import { createWebhookRouter } from '../../../src/inbox/webhooks/webhook-router.js';
import type { Engagement } from '../../../src/models/engagement.js';
import { START, useInboxWorld } from '../support/world.js';

const TOKEN = 'loose-signing-token-5e1a';
const PRIVATE_TEXT = 'my card number is 4111';

/**
 * A made-up platform whose parser trusts the payload: it hands on whatever items it reads,
 * unchecked, the way a parser that misses a rule would (an empty account or author id).
 */
const looseHandler: WebhookHandler = {
  async challenge() {
    return undefined;
  },
  async verify(request) {
    return request.headers.get('loose-token') === TOKEN;
  },
  parse(request: WebhookRequest) {
    const text =
      typeof request.rawBody === 'string' ? request.rawBody : new TextDecoder().decode(request.rawBody);
    return (JSON.parse(text) as { items: Engagement[] }).items;
  },
};

function comment(id: string, accountId: string, authorId: string, text: string) {
  return {
    platform: 'loose',
    accountId,
    id,
    kind: 'comment',
    author: { id: authorId },
    text,
    createdAt: new Date(START - 60_000).toISOString(),
    raw: {},
  };
}

function delivery(items: readonly unknown[]): Request {
  return new Request('https://app.example/webhooks/loose', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'loose-token': TOKEN },
    body: JSON.stringify({ items }),
  });
}

const world = useInboxWorld();

function looseInbox() {
  const inbox = world.inbox({ accounts: [] });
  const outcomes: WebhookOutcome[] = [];
  const router = createWebhookRouter({
    adapters: [{ platform: 'loose', webhooks: looseHandler }],
    onEngagements: async (engagements) => {
      await inbox.ingest(engagements);
    },
    onOutcome: (outcome) => outcomes.push(outcome),
    clock: world.time,
  });
  return { inbox, router, outcomes };
}

describe('a delivery with an item that is no valid engagement', () => {
  const batch = [
    comment('c-good', 'acct-1', 'fan-9', 'Where is my order?'),
    comment('c-bad', '', '', PRIVATE_TEXT),
  ];

  it('takes the valid items, answers 200, and reports the invalid one by id and rule only', async () => {
    const { inbox, router, outcomes } = looseInbox();

    const response = await router(delivery(batch));

    expect(response.status).toBe(200);
    expect(await inbox.get({ platform: 'loose', accountId: 'acct-1', id: 'c-good' })).toMatchObject({
      text: 'Where is my order?',
    });
    expect(outcomes).toMatchObject([{ kind: 'accepted', status: 200, engagements: 1, invalid: 1 }]);
    const error = outcomes[0]?.error;
    expect(ValidationError.isInstance(error)).toBe(true);
    const { problems, message } = error as ValidationError;
    expect(problems.map((problem) => [problem.path, problem.rule])).toEqual([
      [[1, 'accountId'], 'schema.too_small'],
      [[1, 'author', 'id'], 'schema.too_small'],
    ]);
    expect(message).toContain('"c-bad"');
    expect(JSON.stringify({ message, problems })).not.toContain(PRIVATE_TEXT);
  });

  it('answers its redelivery 200 too, instead of 500 for ever, and adds nothing twice', async () => {
    const { inbox, router, outcomes } = looseInbox();
    await router(delivery(batch));
    world.time.advance(60_000);

    expect((await router(delivery(batch))).status).toBe(200);
    expect(outcomes[1]).toMatchObject({ kind: 'accepted', engagements: 0, duplicates: 1, invalid: 1 });
    const kept = [];
    for await (const item of inbox.items({})) kept.push(item.id);
    expect(kept).toEqual(['c-good']);
  });

  it('answers 200 to a delivery of invalid items only: the platform cannot mend them by retrying', async () => {
    const { router, outcomes } = looseInbox();
    expect((await router(delivery([comment('c-bad', '', 'fan-9', 'hi')]))).status).toBe(200);
    expect(outcomes).toMatchObject([{ kind: 'accepted', engagements: 0, invalid: 1 }]);
  });
});
