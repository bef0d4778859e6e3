import { createHmac } from 'node:crypto';
import { ValidationError, type WebhookRequest } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { createLinkedInAdapter, createLinkedInWebhookHandler } from '../src/index.js';

const SECRET = 'li-client-secret';
const ORG = 'urn:li:organization:2414183';
const POST = 'urn:li:share:7000000000000000001';

function delivery(body: string, signature?: string): WebhookRequest {
  const headers = new Headers({ 'content-type': 'application/json' });
  const signed = signature ?? createHmac('sha256', SECRET).update(`hmacsha256=${body}`).digest('hex');
  headers.set('x-li-signature', signed);
  return { method: 'POST', url: 'https://app.example/webhooks/linkedin', headers, rawBody: body };
}

const notifications = JSON.stringify({
  type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
  notifications: [
    {
      notificationId: 11,
      action: 'COMMENT',
      organizationalEntity: ORG,
      sourcePost: POST,
      generatedActivity: `urn:li:comment:(${POST},501)`,
      decoratedGeneratedActivity: { comment: { text: 'Great news!' } },
      actor: 'urn:li:person:ana',
      lastModifiedAt: Date.parse('2026-11-22T12:00:00Z'),
    },
    {
      notificationId: 12,
      action: 'COMMENT',
      organizationalEntity: ORG,
      sourcePost: POST,
      generatedActivity: `urn:li:comment:(${POST},502)`,
      decoratedGeneratedActivity: {
        comment: { text: 'Agreed', parentComment: `urn:li:comment:(${POST},501)` },
      },
      actor: 'urn:li:person:bob',
      lastModifiedAt: Date.parse('2026-11-22T12:01:00Z'),
    },
    {
      notificationId: 13,
      action: 'SHARE_MENTION',
      organizationalEntity: ORG,
      sourcePost: POST,
      generatedActivity: 'urn:li:share:7000000000000000009',
      decoratedGeneratedActivity: { share: { text: 'Thanks Acme' } },
      actor: 'urn:li:person:cy',
      lastModifiedAt: 1,
    },
    {
      notificationId: 14,
      action: 'LIKE',
      organizationalEntity: ORG,
      sourcePost: POST,
      actor: 'urn:li:person:di',
      lastModifiedAt: 2,
    },
    {
      notificationId: 15,
      action: 'SHARE',
      organizationalEntity: ORG,
      sourcePost: POST,
      actor: 'urn:li:person:ed',
      lastModifiedAt: 3,
    },
  ],
});

describe('webhooks', () => {
  const webhooks = createLinkedInWebhookHandler(SECRET);

  it('answers the challenge with the hex HMAC of the challenge code', async () => {
    const code = '890e4d5d-0a37-4b5d-8a1a-0f3e5c6d7e8f';
    const answer = await webhooks.challenge({
      method: 'GET',
      url: `https://app.example/webhooks/linkedin?challengeCode=${code}`,
      headers: new Headers(),
      rawBody: '',
    });
    expect(answer?.status).toBe(200);
    expect(JSON.parse(answer?.body ?? '')).toEqual({
      challengeCode: code,
      challengeResponse: createHmac('sha256', SECRET).update(code).digest('hex'),
    });
    expect(await webhooks.challenge(delivery(notifications))).toBeUndefined();
  });

  it('does not answer a challenge code that would sign a delivery, so nobody can forge one with it', async () => {
    const forged = `hmacsha256=${notifications}`;
    const url = `https://app.example/webhooks/linkedin?challengeCode=${encodeURIComponent(forged)}`;
    expect(
      await webhooks.challenge({ method: 'GET', url, headers: new Headers(), rawBody: '' }),
    ).toBeUndefined();
    // What the answer would have been is exactly the delivery's signature.
    const signature = createHmac('sha256', SECRET).update(forged).digest('hex');
    expect(await webhooks.verify(delivery(notifications, signature))).toBe(true);
  });

  it('verifies the signature of a delivery, and nothing else', async () => {
    expect(await webhooks.verify(delivery(notifications))).toBe(true);
    expect(
      await webhooks.verify({ ...delivery(notifications), rawBody: new TextEncoder().encode(notifications) }),
    ).toBe(true);
    expect(
      await webhooks.verify(
        delivery(
          `${notifications} `,
          createHmac('sha256', SECRET).update(`hmacsha256=${notifications}`).digest('hex'),
        ),
      ),
    ).toBe(false);
    expect(
      await webhooks.verify(
        delivery(notifications, createHmac('sha256', SECRET).update(notifications).digest('hex')),
      ),
    ).toBe(false);
    const unsigned = delivery(notifications);
    unsigned.headers.delete('x-li-signature');
    expect(await webhooks.verify(unsigned)).toBe(false);
    const small = createLinkedInWebhookHandler(SECRET, { webhookMaxBodyBytes: 100 });
    expect(await small.verify(delivery(notifications))).toBe(false);
  });

  it('parses comments, replies, mentions and reactions into engagements', () => {
    const engagements = webhooks.parse(delivery(notifications));
    expect(engagements.map((item) => [item.kind, item.id, item.author.id, item.text])).toEqual([
      ['comment', `urn:li:comment:(${POST},501)`, 'urn:li:person:ana', 'Great news!'],
      ['reply', `urn:li:comment:(${POST},502)`, 'urn:li:person:bob', 'Agreed'],
      ['mention', 'urn:li:share:7000000000000000009', 'urn:li:person:cy', 'Thanks Acme'],
      ['reaction', '14', 'urn:li:person:di', ''],
    ]);
    expect(engagements[1]).toMatchObject({
      parentId: `urn:li:comment:(${POST},501)`,
      accountId: ORG,
      postRef: { platformPostId: POST },
    });
    expect(engagements[3]?.reaction).toBe('LIKE');
  });

  it('refuses a body that is not a notifications delivery', () => {
    expect(() => webhooks.parse(delivery('not json'))).toThrow(ValidationError);
    let caught: unknown;
    try {
      webhooks.parse(delivery('{"events":[]}'));
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught) && caught.problems[0]?.rule).toBe('webhook.payload');
  });

  it('is declared only with a client secret, and a blank one is refused', () => {
    expect(createLinkedInAdapter().capabilities.webhooks).toBe(false);
    expect(createLinkedInAdapter().webhooks).toBeUndefined();
    expect(createLinkedInAdapter({ webhookClientSecret: SECRET }).webhooks).toBeDefined();
    expect(() => createLinkedInWebhookHandler('  ')).toThrow(ValidationError);
  });
});
