import type { AddressInfo } from 'node:net';
import { createFacebookAdapter } from '@smmkit/adapter-facebook';
import { facebookWebhook } from '@smmkit/adapter-facebook/mocks';
import { createXAdapter } from '@smmkit/adapter-x';
import { signXWebhook, xAccountActivityEvent, xCrcResponse } from '@smmkit/adapter-x/mocks';
import type { Engagement } from '@smmkit/core';
import { createWebhookRouter } from '@smmkit/core/inbox';
import { signGraphWebhook } from '@smmkit/graph-api/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookServer } from '../src/server.js';

const X_SECRET = 'x-consumer-secret-node-1';
const META_SECRET = 'meta-app-secret-node-1';
const VERIFY_TOKEN = 'verify-node-1';
const received: Engagement[] = [];
const server = createWebhookServer(
  createWebhookRouter({
    adapters: [
      createXAdapter({ webhookConsumerSecret: X_SECRET }),
      createFacebookAdapter({ appSecret: META_SECRET, webhookVerifyToken: VERIFY_TOKEN }),
    ],
    onEngagements: (engagements) => {
      received.push(...engagements);
    },
  }),
);
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function xMention(id: string): string {
  const ana = { id: '100', username: 'ana' };
  const brand = { id: '42', username: 'brand' };
  const tweet = {
    id,
    text: '@brand where is my order?',
    author: ana,
    createdAt: Date.now(),
    mentions: [brand],
  };
  return JSON.stringify(xAccountActivityEvent.tweetCreate({ forUserId: brand.id, tweet }));
}

async function postX(body: string, secret = X_SECRET): Promise<Response> {
  const signature = await signXWebhook(secret, body);
  return fetch(`${base}/webhooks/x`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-twitter-webhooks-signature': signature },
    body,
  });
}

describe('webhooks on Node http', () => {
  it("answers X's CRC check and Meta's verification challenge", async () => {
    const crc = await fetch(`${base}/webhooks/x?crc_token=node-crc`);
    expect(await crc.json()).toEqual(await xCrcResponse(X_SECRET, 'node-crc'));
    const query = `hub.mode=subscribe&hub.challenge=84210&hub.verify_token=${VERIFY_TOKEN}`;
    const meta = await fetch(`${base}/webhooks/facebook?${query}`);
    expect([meta.status, await meta.text()]).toEqual([200, '84210']);
  });

  it('feeds a signed delivery once, drops its redelivery and rejects a forged one', async () => {
    const body = xMention('2001');
    expect((await postX(body)).status).toBe(200);
    expect((await postX(body)).status).toBe(200);
    expect((await postX(xMention('2002'), 'forged-secret')).status).toBe(401);
    expect(received.map((item) => [item.platform, item.id])).toEqual([['x', '2001']]);
  });

  it('feeds a Meta comment signed over the raw body', async () => {
    const delivery = facebookWebhook.comment({
      pageId: 'page-1',
      postId: 'page-1_3',
      commentId: 'page-1_3_9',
      from: { id: '7', name: 'Bo' },
      message: 'Ça marche ? 👍',
    });
    const body = JSON.stringify(delivery);
    const response = await fetch(`${base}/webhooks/facebook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': await signGraphWebhook(META_SECRET, body),
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(received.at(-1)).toMatchObject({ platform: 'facebook', id: 'page-1_3_9', text: 'Ça marche ? 👍' });
  });

  it('answers 413 to a body over the limit, declared or streamed', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    expect((await fetch(`${base}/webhooks/x`, { method: 'POST', body: big })).status).toBe(413);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new Uint8Array(64 * 1024));
        controller.close();
      },
    });
    const streamed = await fetch(`${base}/webhooks/x`, {
      method: 'POST',
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});
