import { ValidationError, type WebhookRequest } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { createXAdapter, createXWebhookHandler } from '../src/index.js';
import { signXWebhook } from '../src/mocks/index.js';

const SECRET = 'consumer-secret-for-webhooks';
const MIB = 1024 * 1024;

/** A signed delivery whose JSON body is `size` bytes long. */
async function signedDelivery(size: number, secret = SECRET): Promise<WebhookRequest> {
  const prefix = '{"for_user_id":"2244994945","tweet_create_events":[],"pad":"';
  const rawBody = `${prefix}${'a'.repeat(size - prefix.length - 2)}"}`;
  const headers = new Headers({ 'x-twitter-webhooks-signature': await signXWebhook(secret, rawBody) });
  return { method: 'POST', url: 'https://app.example/webhooks/x', headers, rawBody };
}

function validationErrorOf(make: () => unknown): ValidationError | undefined {
  try {
    make();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  return undefined;
}

describe('X webhook handler: secrets', () => {
  it.each([
    ['empty', ''],
    ['blank', '  '],
    ['missing', undefined],
  ])('refuses a consumer secret that is %s when it is made', (_name, secret) => {
    const error = validationErrorOf(() => createXWebhookHandler(secret as string));
    expect(error?.problems).toMatchObject([{ path: ['consumerSecret'] }]);
    expect(error?.platform).toBe('x');
  });

  it('refuses an empty consumer secret in the adapter settings too', () => {
    expect(validationErrorOf(() => createXAdapter({ webhookConsumerSecret: '' }))?.problems).toMatchObject([
      { path: ['webhookConsumerSecret'], rule: 'settings.non_empty' },
    ]);
  });
});

describe('X webhook handler: body size', () => {
  it('refuses a body over 1 MiB by default, without checking its signature, and parses one at the limit', async () => {
    const webhooks = createXWebhookHandler(SECRET);
    const atLimit = await signedDelivery(MIB);
    expect(await webhooks.verify(atLimit)).toBe(true);
    expect(webhooks.parse(atLimit)).toEqual([]);

    const over = await signedDelivery(MIB + 1);
    expect(await webhooks.verify(over)).toBe(false);
    const error = validationErrorOf(() => webhooks.parse(over));
    expect(error?.problems).toEqual([
      {
        path: [],
        rule: 'webhook.body_too_large',
        message: `is ${MIB + 1} bytes; at most ${MIB} are accepted`,
        limit: MIB,
        actual: MIB + 1,
      },
    ]);
  });

  it('counts bytes, not characters, of a text body', async () => {
    const webhooks = createXWebhookHandler(SECRET, { maxBodyBytes: 40 });
    const rawBody = '{"tweet_create_events":[],"p":"éééééé"}';
    const headers = new Headers({ 'x-twitter-webhooks-signature': await signXWebhook(SECRET, rawBody) });
    expect(rawBody.length).toBe(39);
    expect(new TextEncoder().encode(rawBody).length).toBe(45);
    expect(await webhooks.verify({ method: 'POST', url: 'https://app.example', headers, rawBody })).toBe(
      false,
    );
  });

  it('takes a smaller or larger maximum, from the handler options or the adapter settings', async () => {
    const small = createXWebhookHandler(SECRET, { maxBodyBytes: 1024 });
    expect(await small.verify(await signedDelivery(1024))).toBe(true);
    expect(await small.verify(await signedDelivery(1025))).toBe(false);

    const { webhooks } = createXAdapter({ webhookConsumerSecret: SECRET, webhookMaxBodyBytes: 2 * MIB });
    expect(await webhooks?.verify(await signedDelivery(MIB + 1))).toBe(true);
  });

  it('refuses a maximum that is not a positive whole number', () => {
    expect(
      validationErrorOf(() => createXWebhookHandler(SECRET, { maxBodyBytes: 0 }))?.problems,
    ).toMatchObject([{ path: ['maxBodyBytes'], rule: 'settings.positive_integer' }]);
    expect(
      validationErrorOf(() => createXAdapter({ webhookConsumerSecret: SECRET, webhookMaxBodyBytes: 1.5 }))
        ?.problems,
    ).toMatchObject([{ path: ['webhookMaxBodyBytes'], rule: 'settings.positive_integer' }]);
  });
});
