import { ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { createTikTokWebhookHandler } from '../src/index.js';
import { signedTikTokWebhook, type TikTokWebhookBody } from '../src/mocks/index.js';
import { publicOptions, START, useTikTok, video } from './support/harness.js';

const h = useTikTok({ processingMs: 2000, moderationMs: 60_000 });
const { tiktok, acme } = h;
const SECRET = 'tiktok-webhook-client-secret';
const CLIENT_KEY = 'awclientkey';
const nowSec = () => Math.floor(h.clock.now() / 1000);
const handler = (toleranceSec?: number) =>
  createTikTokWebhookHandler(SECRET, { clientKey: CLIENT_KEY, clock: h.clock, toleranceSec });

const removed: TikTokWebhookBody = {
  client_key: CLIENT_KEY,
  event: 'authorization.removed',
  create_time: Math.floor(START / 1000),
  user_openid: 'act.example12345',
  content: '{"reason": 1 }',
};

describe('TikTok-Signature', () => {
  it('verifies t=…,s=… over "{t}.{raw body}" and refuses a changed body or another secret', async () => {
    const webhooks = handler();
    const delivery = signedTikTokWebhook(SECRET, removed, nowSec());
    expect(await webhooks.verify(delivery)).toBe(true);
    expect(await webhooks.verify({ ...delivery, rawBody: `${delivery.rawBody} ` })).toBe(false);
    expect(await webhooks.verify(signedTikTokWebhook('another-secret', removed, nowSec()))).toBe(false);
    const unsigned = new Headers(delivery.headers);
    unsigned.delete('tiktok-signature');
    expect(await webhooks.verify({ ...delivery, headers: unsigned })).toBe(false);
  });

  it('refuses a replay: a signed timestamp older than the tolerance, or a timestamp changed after signing', async () => {
    const webhooks = handler(300);
    const old = signedTikTokWebhook(SECRET, removed, nowSec() - 301);
    expect(await webhooks.verify(old)).toBe(false);
    expect(await webhooks.verify(signedTikTokWebhook(SECRET, removed, nowSec() - 299))).toBe(true);
    const header = old.headers.get('tiktok-signature') ?? '';
    const moved = new Headers({ 'tiktok-signature': header.replace(/t=\d+/, `t=${nowSec()}`) });
    expect(await webhooks.verify({ ...old, headers: moved })).toBe(false);
  });

  it('refuses a tolerance that is not a positive whole number, which would let every replay through', () => {
    for (const toleranceSec of [Number.NaN, -1, 0, 1.5]) {
      expect(() => handler(toleranceSec)).toThrowError(ValidationError);
    }
    expect(() => handler(Number.NaN)).toThrowError(/toleranceSec/);
  });

  it('refuses a body over the limit without hashing it', async () => {
    const webhooks = createTikTokWebhookHandler(SECRET, { clock: h.clock, webhookMaxBodyBytes: 64 });
    expect(await webhooks.verify(signedTikTokWebhook(SECRET, removed, nowSec()))).toBe(false);
  });
});

describe('events', () => {
  it('reads a publish from complete to publicly available, with the 19-digit post id exact', async () => {
    const result = await h
      .adapter()
      .publish({ text: 'Hooked', media: [video()], options: publicOptions() }, h.context());
    const publishId = result.ref.platformPostId;
    expect(tiktok.publishEvents(publishId, CLIENT_KEY).map((body) => body.event)).toEqual([
      'post.publish.complete',
    ]);
    h.clock.advance(60_000);
    const [complete, available] = tiktok
      .publishEvents(publishId, CLIENT_KEY)
      .map((body) => handler().events(signedTikTokWebhook(SECRET, body, nowSec())));
    expect(complete).toEqual([
      expect.objectContaining({ event: 'post.publish.complete', publishId, userOpenId: acme.account.id }),
    ]);
    const postId = tiktok.publication(publishId)?.postId;
    expect(available?.[0]).toMatchObject({
      event: 'post.publish.publicly_available',
      publishId,
      postId,
      createdAt: new Date(START + 2000 + 60_000),
    });
    expect(postId).toMatch(/^\d{19}$/);
  });

  it('reads a failed publish with its reason, and authorization.removed with its code', async () => {
    tiktok.failNextPublish('video_pull_failed');
    await h
      .adapter()
      .publish(
        {
          media: [video(0, { source: { type: 'url', url: 'https://media.acme.test/v.mp4' } })],
          options: publicOptions(),
        },
        h.context(),
      )
      .catch(() => undefined);
    const publishId = [...tiktok.sim.log.bodies('POST /v2/post/publish/status/fetch/')][0]
      ?.publish_id as string;
    const [failed] = tiktok.publishEvents(publishId, CLIENT_KEY);
    expect(handler().events(signedTikTokWebhook(SECRET, failed as TikTokWebhookBody, nowSec()))).toEqual([
      expect.objectContaining({ event: 'post.publish.failed', publishId, reason: 'video_pull_failed' }),
    ]);
    const [event] = handler().events(signedTikTokWebhook(SECRET, removed, nowSec()));
    expect(event).toMatchObject({ event: 'authorization.removed', reason: 1, createdAt: new Date(START) });
  });

  it('gives every redelivery of an event the same deliveryKey, and other events other keys', async () => {
    const webhooks = handler();
    const first = webhooks.events(signedTikTokWebhook(SECRET, removed, nowSec()))[0];
    h.clock.advance(3_600_000); // TikTok retries later, signing again
    const again = webhooks.events(signedTikTokWebhook(SECRET, removed, nowSec()))[0];
    const other = webhooks.events(
      signedTikTokWebhook(SECRET, { ...removed, create_time: removed.create_time + 1 }, nowSec()),
    )[0];
    expect(again?.deliveryKey).toBe(first?.deliveryKey);
    expect(other?.deliveryKey).not.toBe(first?.deliveryKey);
  });

  it('refuses a delivery for another app, and one that is not a TikTok delivery', () => {
    const webhooks = handler();
    expect(() =>
      webhooks.events(signedTikTokWebhook(SECRET, { ...removed, client_key: 'someone-else' }, nowSec())),
    ).toThrowError(ValidationError);
    expect(() => webhooks.events(signedTikTokWebhook(SECRET, '{"hello":"world"}', nowSec()))).toThrowError(
      /TikTok webhook delivery/,
    );
    expect(() => webhooks.parse(signedTikTokWebhook(SECRET, 'not json', nowSec()))).toThrowError(
      ValidationError,
    );
  });

  it('is on the adapter when the settings have a secret: declared, no engagement parsed, no challenge', async () => {
    expect(h.adapter().webhooks).toBeUndefined();
    expect(h.adapter().capabilities.webhooks).toBe(false);
    const adapter = h.adapter({ webhookClientSecret: SECRET, clientKey: CLIENT_KEY });
    expect(adapter.capabilities.webhooks).toBe(true);
    const delivery = signedTikTokWebhook(SECRET, removed, Math.floor(Date.now() / 1000));
    expect(await adapter.webhooks?.verify(delivery)).toBe(true);
    expect(adapter.webhooks?.parse(delivery)).toEqual([]);
    expect(await adapter.webhooks?.challenge({ ...delivery, method: 'GET' })).toBeUndefined();
    expect(adapter.webhooks?.events(delivery)).toHaveLength(1);
  });
});
