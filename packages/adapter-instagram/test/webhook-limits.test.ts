import { ValidationError, type WebhookRequest } from '@smmkit/core';
import { signGraphWebhook } from '@smmkit/graph-api/mocks';
import { describe, expect, it } from 'vitest';
import { createInstagramAdapter, createInstagramWebhookHandler } from '../src/index.js';

const SECRET = 'meta-app-secret-for-webhooks';
const URL_BASE = 'https://app.example/webhooks/instagram';
const MIB = 1024 * 1024;

function validationErrorOf(make: () => unknown): ValidationError | undefined {
  try {
    make();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  return undefined;
}

/** A signed delivery whose JSON body is `size` bytes long. */
async function signedDelivery(size: number): Promise<WebhookRequest> {
  const prefix = '{"object":"instagram","entry":[],"pad":"';
  const rawBody = `${prefix}${'a'.repeat(size - prefix.length - 2)}"}`;
  const headers = new Headers({ 'x-hub-signature-256': await signGraphWebhook(SECRET, rawBody) });
  return { method: 'POST', url: URL_BASE, headers, rawBody };
}

describe('Instagram webhook handler: secrets and verify tokens', () => {
  it('refuses an empty verify token when it is made, so a challenge without one is never answered', () => {
    const error = validationErrorOf(() =>
      createInstagramWebhookHandler({ appSecret: SECRET, verifyToken: '' }),
    );
    expect(error?.problems).toMatchObject([{ path: ['verifyToken'] }]);
    expect(error?.platform).toBe('instagram');
  });

  it.each([
    ['empty', ''],
    ['blank', ' '],
    ['missing', undefined],
  ])('refuses an app secret that is %s', (_name, appSecret) => {
    const error = validationErrorOf(() =>
      createInstagramWebhookHandler({ appSecret: appSecret as string, verifyToken: 'my-verify-token' }),
    );
    expect(error?.problems).toMatchObject([{ path: ['appSecret'] }]);
  });

  it('refuses them in the adapter settings too', () => {
    const error = validationErrorOf(() =>
      createInstagramAdapter({ appSecret: SECRET, webhookVerifyToken: '' }),
    );
    expect(error?.problems).toMatchObject([{ path: ['webhookVerifyToken'], rule: 'settings.non_empty' }]);
  });

  it('still answers only the configured verify token', async () => {
    const webhooks = createInstagramWebhookHandler({ appSecret: SECRET, verifyToken: 'my-verify-token' });
    const ask = (query: string) =>
      webhooks.challenge({ method: 'GET', url: `${URL_BASE}?${query}`, headers: new Headers(), rawBody: '' });
    expect((await ask('hub.mode=subscribe&hub.challenge=42'))?.status).toBe(403);
    expect((await ask('hub.mode=subscribe&hub.challenge=42&hub.verify_token='))?.status).toBe(403);
    expect(await ask('hub.mode=subscribe&hub.challenge=42&hub.verify_token=my-verify-token')).toMatchObject({
      status: 200,
      body: '42',
    });
  });
});

describe('Instagram webhook handler: body size', () => {
  it('refuses a body over 1 MiB by default, and parses one at the limit', async () => {
    const webhooks = createInstagramWebhookHandler({ appSecret: SECRET });
    const atLimit = await signedDelivery(MIB);
    expect(await webhooks.verify(atLimit)).toBe(true);
    expect(webhooks.parse(atLimit)).toEqual([]);
    const over = await signedDelivery(MIB + 1);
    expect(await webhooks.verify(over)).toBe(false);
    expect(validationErrorOf(() => webhooks.parse(over))?.problems).toMatchObject([
      { rule: 'webhook.body_too_large', limit: MIB, actual: MIB + 1 },
    ]);
  });

  it('takes another maximum from the handler options or the adapter settings', async () => {
    const small = createInstagramWebhookHandler({ appSecret: SECRET, maxBodyBytes: 2048 });
    expect(await small.verify(await signedDelivery(2048))).toBe(true);
    expect(await small.verify(await signedDelivery(2049))).toBe(false);
    const { webhooks } = createInstagramAdapter({ appSecret: SECRET, webhookMaxBodyBytes: 2048 });
    expect(await webhooks?.verify(await signedDelivery(2049))).toBe(false);
    expect(
      validationErrorOf(() => createInstagramAdapter({ appSecret: SECRET, webhookMaxBodyBytes: -1 }))
        ?.problems,
    ).toMatchObject([{ path: ['webhookMaxBodyBytes'], rule: 'settings.positive_integer' }]);
  });
});
