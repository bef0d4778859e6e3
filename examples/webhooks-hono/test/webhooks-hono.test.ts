import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { createFacebookAdapter } from '@smmkit/adapter-facebook';
import { facebookWebhook } from '@smmkit/adapter-facebook/mocks';
import { createXAdapter } from '@smmkit/adapter-x';
import { signXWebhook, xAccountActivityEvent, xCrcResponse } from '@smmkit/adapter-x/mocks';
import type { Engagement } from '@smmkit/core';
import { createWebhookRouter } from '@smmkit/core/inbox';
import { signGraphWebhook } from '@smmkit/graph-api/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const X_SECRET = 'x-consumer-secret-hono-1';
const META_SECRET = 'meta-app-secret-hono-1';
const VERIFY_TOKEN = 'verify-hono-1';
const received: Engagement[] = [];
const app = createApp(
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
let server: ServerType | undefined;
let base = '';

beforeAll(async () => {
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(info.port),
    );
  });
  base = `http://127.0.0.1:${port}`;
});
afterAll(
  () => new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve()))),
);

function xReply(id: string): string {
  const ana = { id: '100', username: 'ana' };
  const brand = { id: '42', username: 'brand' };
  const tweet = {
    id,
    text: '@brand still broken',
    author: ana,
    createdAt: Date.now(),
    inReplyTo: { id: '1500', user: brand },
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

describe('webhooks in a Hono app', () => {
  it("answers X's CRC check and Meta's verification challenge", async () => {
    const crc = await fetch(`${base}/webhooks/x?crc_token=hono-crc`);
    expect(await crc.json()).toEqual(await xCrcResponse(X_SECRET, 'hono-crc'));
    const query = `hub.mode=subscribe&hub.challenge=31337&hub.verify_token=${VERIFY_TOKEN}`;
    const meta = await fetch(`${base}/webhooks/facebook?${query}`);
    expect([meta.status, await meta.text()]).toEqual([200, '31337']);
  });

  it('feeds a signed delivery once, drops its redelivery and rejects a forged one', async () => {
    const body = xReply('3001');
    expect((await postX(body)).status).toBe(200);
    expect((await postX(body)).status).toBe(200);
    const forged = await postX(xReply('3002'), 'forged-secret');
    expect(forged.status).toBe(401);
    expect(await forged.text()).not.toContain('3002');
    expect(received.map((item) => [item.platform, item.kind, item.id])).toEqual([['x', 'reply', '3001']]);
  });

  it('feeds a Meta comment and drops its redelivery', async () => {
    const delivery = facebookWebhook.comment({
      pageId: 'page-2',
      postId: 'page-2_5',
      commentId: 'page-2_5_1',
      from: { id: '8', name: 'Cy' },
      message: 'Refund please',
    });
    const body = JSON.stringify(delivery);
    const post = async () =>
      fetch(`${base}/webhooks/facebook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': await signGraphWebhook(META_SECRET, body),
        },
        body,
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    expect(received.filter((item) => item.platform === 'facebook').map((item) => item.id)).toEqual([
      'page-2_5_1',
    ]);
  });

  it('leaves the rest of the app alone', async () => {
    expect(await (await fetch(`${base}/health`)).text()).toBe('ok');
    expect((await fetch(`${base}/webhooks/mastodon`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
