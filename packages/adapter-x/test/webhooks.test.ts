import { createHmac } from 'node:crypto';
import { ValidationError, type WebhookHandler, type WebhookRequest } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { accountActivityEngagements, createXAdapter } from '../src/index.js';
import { type ActivityUser, signXWebhook, xAccountActivityEvent, xCrcResponse } from '../src/mocks/index.js';

const SECRET = 'consumer-secret-for-webhooks';
const URL_BASE = 'https://app.example/webhooks/x';
const AT = Date.parse('2026-11-22T12:00:00.000Z');
const ANA: ActivityUser = { id: '2244994945', username: 'ana', name: 'Ana' };
const BOB: ActivityUser = { id: '783214', username: 'bob', name: 'Bob' };

function handler(): WebhookHandler {
  const { webhooks } = createXAdapter({ webhookConsumerSecret: SECRET });
  if (webhooks === undefined) throw new Error('expected webhooks with a consumer secret');
  return webhooks;
}

/** A delivery as X posts it, signed with `secret` unless a signature is given. */
async function delivery(
  payload: unknown,
  options: { readonly secret?: string; readonly signature?: string | null; readonly rawBody?: string } = {},
): Promise<WebhookRequest> {
  const rawBody = options.rawBody ?? JSON.stringify(payload);
  const signature =
    options.signature === undefined
      ? await signXWebhook(options.secret ?? SECRET, rawBody)
      : options.signature;
  const headers = new Headers({ 'content-type': 'application/json' });
  if (signature !== null) headers.set('x-twitter-webhooks-signature', signature);
  return { method: 'POST', url: URL_BASE, headers, rawBody };
}

const mentionOfAna = () =>
  xAccountActivityEvent.tweetCreate({
    forUserId: ANA.id,
    tweet: {
      id: '1850000000000000001',
      text: '@ana have you seen this?',
      author: BOB,
      createdAt: AT,
      mentions: [ANA],
    },
  });

describe('CRC challenge', () => {
  it('answers a GET with crc_token with sha256= and the base64 HMAC of the token', async () => {
    const answer = await handler().challenge({
      method: 'GET',
      url: `${URL_BASE}?crc_token=challenge-123`,
      headers: new Headers(),
      rawBody: '',
    });
    expect(answer?.status).toBe(200);
    expect(answer?.contentType).toBe('application/json');
    const body: unknown = JSON.parse(answer?.body ?? 'null');
    expect(body).toEqual(await xCrcResponse(SECRET, 'challenge-123'));
    const hmac = createHmac('sha256', SECRET).update('challenge-123').digest('base64');
    expect(body).toEqual({ response_token: `sha256=${hmac}` });
  });

  it('does not sign a crc_token that is a delivery body, so nobody can forge a signed delivery with it', async () => {
    const forged = JSON.stringify(mentionOfAna());
    const url = `${URL_BASE}?crc_token=${encodeURIComponent(forged)}`;
    expect(
      await handler().challenge({ method: 'GET', url, headers: new Headers(), rawBody: '' }),
    ).toBeUndefined();
    // What the answer would have been is exactly the delivery's signature.
    const signature = (await xCrcResponse(SECRET, forged)).response_token;
    expect(await handler().verify(await delivery(undefined, { rawBody: forged, signature }))).toBe(true);
  });

  it('leaves requests that are not a CRC check alone', async () => {
    const webhooks = handler();
    const post = { method: 'POST', url: `${URL_BASE}?crc_token=abc`, headers: new Headers(), rawBody: '{}' };
    expect(await webhooks.challenge(post)).toBeUndefined();
    expect(await webhooks.challenge({ ...post, method: 'GET', url: URL_BASE })).toBeUndefined();
  });
});

describe('signature', () => {
  it('accepts a body signed with the consumer secret, as text or bytes', async () => {
    const request = await delivery(mentionOfAna());
    expect(await handler().verify(request)).toBe(true);
    const rawBody = new TextEncoder().encode(String(request.rawBody));
    expect(await handler().verify({ ...request, rawBody })).toBe(true);
  });

  it('refuses a tampered body, another secret and a missing or empty signature', async () => {
    const webhooks = handler();
    const signed = await delivery(mentionOfAna());
    expect(await webhooks.verify({ ...signed, rawBody: `${String(signed.rawBody)} ` })).toBe(false);
    expect(await webhooks.verify(await delivery(mentionOfAna(), { secret: 'another-secret' }))).toBe(false);
    expect(await webhooks.verify(await delivery(mentionOfAna(), { signature: null }))).toBe(false);
    expect(await webhooks.verify(await delivery(mentionOfAna(), { signature: 'sha256=' }))).toBe(false);
  });
});

describe('parse', () => {
  it('turns a post mentioning the account into a mention', async () => {
    const [item, ...rest] = handler().parse(await delivery(mentionOfAna()));
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      platform: 'x',
      accountId: ANA.id,
      id: '1850000000000000001',
      kind: 'mention',
      author: { id: BOB.id, handle: 'bob', name: 'Bob' },
      text: '@ana have you seen this?',
      createdAt: new Date(AT),
    });
  });

  it('finds a mention past the 140th character of a long post, with its whole text', async () => {
    // X delivers a post over 140 characters cut short, with top-level entities only for that start;
    // the whole text and every mention are in `extended_tweet`.
    const text = `${'Long thoughts about roasting, grinders and water temperature. '.repeat(3)}Thanks @ana!`;
    const payload = xAccountActivityEvent.tweetCreate({
      forUserId: ANA.id,
      tweet: { id: '1850000000000000004', text, author: BOB, createdAt: AT, mentions: [ANA] },
    });
    expect(payload).toMatchObject({
      tweet_create_events: [{ truncated: true, entities: { user_mentions: [] } }],
    });
    expect(handler().parse(await delivery(payload))).toEqual([
      expect.objectContaining({ kind: 'mention', id: '1850000000000000004', text }),
    ]);
  });

  it('reads the mentions of extended_tweet in a payload written by hand as X sends it', () => {
    const text = `${'x'.repeat(180)} thanks @ana`;
    const tweet = {
      id_str: '1850000000000000005',
      timestamp_ms: String(AT),
      text: `${text.slice(0, 115)}… https://t.co/abcdefghij`,
      truncated: true,
      user: { id_str: BOB.id, screen_name: 'bob' },
      entities: { user_mentions: [] },
      extended_tweet: {
        full_text: text,
        entities: { user_mentions: [{ id_str: ANA.id, screen_name: 'ana', indices: [188, 192] }] },
      },
    };
    expect(accountActivityEngagements({ for_user_id: ANA.id, tweet_create_events: [tweet] })).toEqual([
      expect.objectContaining({ kind: 'mention', text }),
    ]);
  });

  it("turns a reply to the account's post into a reply about that post", async () => {
    const payload = xAccountActivityEvent.tweetCreate({
      forUserId: ANA.id,
      tweet: {
        id: '1850000000000000002',
        text: 'Great post',
        author: BOB,
        createdAt: AT,
        inReplyTo: { id: '1850000000000000000', user: ANA },
      },
    });
    expect(handler().parse(await delivery(payload))).toEqual([
      expect.objectContaining({
        kind: 'reply',
        postRef: { platform: 'x', accountId: ANA.id, platformPostId: '1850000000000000000' },
        parentId: '1850000000000000000',
      }),
    ]);
  });

  it('turns a direct message the account received into a direct_message', async () => {
    const payload = xAccountActivityEvent.directMessage({
      forUserId: ANA.id,
      message: { id: '1850000000000000003', text: 'Hi Ana', sender: BOB, recipient: ANA, createdAt: AT },
    });
    expect(handler().parse(await delivery(payload))).toEqual([
      expect.objectContaining({
        accountId: ANA.id,
        id: '1850000000000000003',
        kind: 'direct_message',
        author: { id: BOB.id, handle: 'bob', name: 'Bob' },
        text: 'Hi Ana',
        createdAt: new Date(AT),
      }),
    ]);
  });

  it("ignores the account's own posts and messages, posts not about it, and other events", async () => {
    const webhooks = handler();
    const own = xAccountActivityEvent.tweetCreate({
      forUserId: ANA.id,
      tweet: { id: '11', text: 'My own post @bob', author: ANA, createdAt: AT },
    });
    const unrelated = xAccountActivityEvent.tweetCreate({
      forUserId: ANA.id,
      tweet: { id: '12', text: 'Nothing about ana', author: BOB, createdAt: AT },
    });
    const sent = xAccountActivityEvent.directMessage({
      forUserId: ANA.id,
      message: { id: '13', text: 'Sent by Ana', sender: ANA, recipient: BOB, createdAt: AT },
    });
    const likes = { for_user_id: ANA.id, favorite_events: [{ id: 'f1', favorited_status: { id_str: '1' } }] };
    const follows = { for_user_id: ANA.id, follow_events: [{ type: 'follow', source: { id: BOB.id } }] };
    for (const payload of [own, unrelated, sent, likes, follows]) {
      expect(webhooks.parse(await delivery(payload))).toEqual([]);
    }
  });

  it('takes a subscription revoke, which names no for_user_id, as a delivery with no engagement', async () => {
    // The documented user_event payload (developer.x.com: Account Activity data objects).
    const revoke = {
      user_event: {
        revoke: {
          date_time: '2018-05-24T09:48:12+00:00',
          target: { app_id: '13090192' },
          source: { user_id: '63046977' },
        },
      },
    };
    const webhooks = handler();
    const request = await delivery(revoke);
    expect(await webhooks.verify(request)).toBe(true);
    expect(webhooks.parse(request)).toEqual([]);
    const nameless = await delivery({ user_event: { revoke: { date_time: '2018-05-24T09:48:12+00:00' } } });
    expect(() => webhooks.parse(nameless)).toThrow(ValidationError);
  });

  it('refuses a body that is not an Account Activity delivery with a ValidationError', async () => {
    const webhooks = handler();
    const notJson = await delivery(undefined, { rawBody: 'not json' });
    expect(() => webhooks.parse(notJson)).toThrow(ValidationError);
    try {
      webhooks.parse(notJson);
    } catch (error) {
      if (!ValidationError.isInstance(error)) throw error;
      expect(error.problems.map((problem) => problem.rule)).toEqual(['webhook.invalid_json']);
    }
    const request = await delivery({ tweet_create_events: [] });
    expect(() => webhooks.parse(request)).toThrow(ValidationError);
  });
});

describe('configuration', () => {
  it('has no webhooks without a consumer secret', () => {
    const adapter = createXAdapter();
    expect(adapter.capabilities.webhooks).toBe(false);
    expect(adapter.webhooks).toBeUndefined();
    const configured = createXAdapter({ webhookConsumerSecret: SECRET });
    expect(configured.capabilities.webhooks).toBe(true);
    expect(configured.webhooks).toBeDefined();
  });
});
