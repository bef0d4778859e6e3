import { createHmac } from 'node:crypto';
import { type Engagement, ValidationError, type WebhookHandler, type WebhookRequest } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { graphWebhookHandler, readGraphWebhookChanges } from '../src/index.js';
import { graphWebhookDelivery, graphWebhookRequest, signGraphWebhook } from '../src/mocks/index.js';

const SECRET = 'meta-app-secret-for-webhooks';
const VERIFY = 'my-verify-token';
const URL_BASE = 'https://app.example/webhooks/facebook';
const PAGE = '104000000000001';
const START = Date.parse('2026-11-22T12:00:00.000Z');

/** A `feed` comment as a Page webhook carries it (only the fields this test reads). */
const FeedComment = z.looseObject({ comment_id: z.string(), message: z.string() });

/** A platform's reading of a delivery: each `feed` change is a comment on the Page. */
function pageEngagements(payload: unknown): Engagement[] {
  return readGraphWebhookChanges(payload, 'facebook').flatMap((change): Engagement[] => {
    if (change.field !== 'feed') return [];
    const value = change.parseValue(FeedComment);
    return [
      {
        platform: 'facebook',
        accountId: change.objectId,
        id: value.comment_id,
        kind: 'comment',
        postRef: { platform: 'facebook', accountId: change.objectId, platformPostId: PAGE },
        author: { id: 'unknown' },
        text: value.message,
        createdAt: change.time ?? new Date(0),
        raw: change.value,
      },
    ];
  });
}

/** The handler; `null`: no verify token configured. */
function handler(verifyToken: string | null = VERIFY): WebhookHandler {
  return graphWebhookHandler({
    platform: 'facebook',
    appSecret: SECRET,
    verifyToken: verifyToken ?? undefined,
    engagements: pageEngagements,
  });
}

/** A delivery as Meta posts it, signed with `secret` unless a signature is given. */
async function delivery(
  payload: unknown,
  options: { readonly secret?: string; readonly signature?: string | null; readonly rawBody?: string } = {},
): Promise<WebhookRequest> {
  const rawBody = options.rawBody ?? JSON.stringify(payload);
  const signature =
    options.signature === undefined
      ? await signGraphWebhook(options.secret ?? SECRET, rawBody)
      : options.signature;
  const headers = new Headers({ 'content-type': 'application/json' });
  if (signature !== null) headers.set('x-hub-signature-256', signature);
  return { method: 'POST', url: URL_BASE, headers, rawBody };
}

const challenge = (query: string, method = 'GET'): WebhookRequest => ({
  method,
  url: `${URL_BASE}?${query}`,
  headers: new Headers(),
  rawBody: '',
});

const commentPayload = () =>
  graphWebhookDelivery({
    object: 'page',
    objectId: PAGE,
    field: 'feed',
    value: { item: 'comment', verb: 'add', comment_id: `${PAGE}_1`, message: 'Love this!' },
    time: START,
  });

describe('subscription challenge', () => {
  it('refuses a wrong verify token, or any when none is configured, with 403', async () => {
    const wrong = await handler().challenge(
      challenge('hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess'),
    );
    expect(wrong?.status).toBe(403);
    expect(wrong?.body).not.toContain('1');
    const none = await handler(null).challenge(
      challenge(`hub.mode=subscribe&hub.challenge=1&hub.verify_token=${VERIFY}`),
    );
    expect(none?.status).toBe(403);
  });

  it('leaves deliveries and other GETs alone', async () => {
    const webhooks = handler();
    expect(
      await webhooks.challenge(challenge(`hub.mode=subscribe&hub.verify_token=${VERIFY}`, 'POST')),
    ).toBeUndefined();
    expect(await webhooks.challenge(challenge('foo=bar'))).toBeUndefined();
  });
});

describe('X-Hub-Signature-256', () => {
  it('accepts sha256=<hex HMAC-SHA256(app secret, raw body)>, as text or bytes', async () => {
    const request = await delivery(commentPayload());
    const expected = createHmac('sha256', SECRET).update(String(request.rawBody)).digest('hex');
    expect(request.headers.get('x-hub-signature-256')).toBe(`sha256=${expected}`);
    expect(await handler().verify(request)).toBe(true);
    expect(
      await handler().verify({ ...request, rawBody: new TextEncoder().encode(String(request.rawBody)) }),
    ).toBe(true);
  });

  it('refuses a tampered body, another secret, a truncated signature and a missing one', async () => {
    const webhooks = handler();
    const signed = await delivery(commentPayload());
    expect(await webhooks.verify({ ...signed, rawBody: `${String(signed.rawBody)} ` })).toBe(false);
    expect(await webhooks.verify(await delivery(commentPayload(), { secret: 'another-secret' }))).toBe(false);
    const header = signed.headers.get('x-hub-signature-256') ?? '';
    expect(await webhooks.verify(await delivery(commentPayload(), { signature: header.slice(0, -2) }))).toBe(
      false,
    );
    expect(await webhooks.verify(await delivery(commentPayload(), { signature: '' }))).toBe(false);
    expect(await webhooks.verify(await delivery(commentPayload(), { signature: null }))).toBe(false);
  });

  it('checks the bytes as Meta sends them: non-ASCII escaped as \\uXXXX, lowercase hex', async () => {
    // https://developers.facebook.com/docs/graph-api/webhooks/getting-started, Validating Payloads
    const payload = graphWebhookDelivery({
      object: 'page',
      objectId: PAGE,
      field: 'feed',
      value: { item: 'comment', verb: 'add', comment_id: `${PAGE}_2`, message: 'äöå très bon 🍞' },
      time: START,
    });
    const request = await graphWebhookRequest(SECRET, payload);
    const raw = String(request.rawBody);
    expect(raw).toContain('\\u00e4\\u00f6\\u00e5 tr\\u00e8s bon \\ud83c\\udf5e');
    expect(raw).toMatch(/^[\x20-\x7e]*$/);
    const webhooks = handler();
    expect(await webhooks.verify(request)).toBe(true);
    expect(webhooks.parse(request)).toEqual([
      expect.objectContaining({ id: `${PAGE}_2`, text: 'äöå très bon 🍞' }),
    ]);
    // Signing the parsed JSON written out again is not what Meta signed.
    const rewritten = JSON.stringify(JSON.parse(raw));
    const header = request.headers.get('x-hub-signature-256');
    expect(header).not.toBe(await signGraphWebhook(SECRET, rewritten));
  });

  it('accepts the signature in upper case, as some proxies pass it on', async () => {
    const signed = await delivery(commentPayload());
    const upper = (signed.headers.get('x-hub-signature-256') ?? '').toUpperCase();
    expect(await handler().verify(await delivery(commentPayload(), { signature: upper }))).toBe(true);
  });
});

describe('parse', () => {
  it('hands the delivery to the platform, each change with its object, time and field', async () => {
    expect(handler().parse(await delivery(commentPayload()))).toEqual([
      expect.objectContaining({
        accountId: PAGE,
        id: `${PAGE}_1`,
        text: 'Love this!',
        createdAt: new Date(START),
      }),
    ]);
  });

  it('names where a malformed change is, for the platform it reads', async () => {
    const broken = {
      object: 'page',
      entry: [
        { id: PAGE, time: 1, changes: [{ field: 'other', value: {} }] },
        { id: PAGE, time: 1, changes: [{ field: 'feed', value: { comment_id: 7 } }] },
      ],
    };
    let caught: unknown;
    try {
      handler().parse(await delivery(broken));
    } catch (error) {
      caught = error;
    }
    if (!ValidationError.isInstance(caught)) throw new Error('expected a ValidationError');
    expect(caught.platform).toBe('facebook');
    expect(caught.message).toContain('Facebook webhook payload');
    expect(caught.problems.map((problem) => problem.path)).toEqual([
      ['entry', 1, 'changes', 0, 'value', 'comment_id'],
      ['entry', 1, 'changes', 0, 'value', 'message'],
    ]);
  });

  it('refuses a body that is not a delivery or not JSON', async () => {
    expect(() => readGraphWebhookChanges({ object: 'page' }, 'instagram')).toThrow(
      /Instagram webhook payload/,
    );
    const notJson = { ...(await delivery(undefined, { rawBody: '{' })) };
    expect(() => handler().parse(notJson)).toThrow(ValidationError);
  });
});

describe('options', () => {
  it('refuses a blank app secret and verify token and a bad body limit at once, for the platform', () => {
    let caught: unknown;
    try {
      graphWebhookHandler({
        platform: 'instagram',
        appSecret: ' ',
        verifyToken: '',
        maxBodyBytes: 0,
        engagements: () => [],
      });
    } catch (error) {
      caught = error;
    }
    if (!ValidationError.isInstance(caught)) throw new Error('expected a ValidationError');
    expect(caught.platform).toBe('instagram');
    expect(caught.problems.map((problem) => problem.path.join('.'))).toEqual([
      'appSecret',
      'verifyToken',
      'maxBodyBytes',
    ]);
  });
});
