import { createFacebookWebhookHandler } from '@smmkit/adapter-facebook';
import { facebookWebhook } from '@smmkit/adapter-facebook/mocks';
import { createLinkedInWebhookHandler, linkedInChallengeResponse } from '@smmkit/adapter-linkedin';
import { createXWebhookHandler } from '@smmkit/adapter-x';
import { signXWebhook, xAccountActivityEvent, xCrcResponse } from '@smmkit/adapter-x/mocks';
import { signGraphWebhook } from '@smmkit/graph-api/mocks';
import { manualClock } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { memoryInboxStore } from '../../../src/inbox/memory-inbox-store.js';
import { seenStoreOf } from '../../../src/inbox/webhooks/seen-ids-store.js';
import { memorySeenStore, type SeenStore } from '../../../src/inbox/webhooks/seen-store.js';
import type { WebhookOutcome } from '../../../src/inbox/webhooks/webhook-outcome.js';
import {
  createWebhookRouter,
  type WebhookRouterOptions,
} from '../../../src/inbox/webhooks/webhook-router.js';
import type { Engagement } from '../../../src/models/engagement.js';
import { STAMPED_SECRET, stampedHandler, stampedRequest } from './support/stamped-platform.js';

const X_SECRET = 'x-consumer-secret-7d1e';
const META_SECRET = 'meta-app-secret-0b9c';
const VERIFY_TOKEN = 'verify-me-5521';
const LINKEDIN_SECRET = 'linkedin-client-secret-3a8f';
const BASE = 'https://app.example';
const NOW = Date.parse('2026-11-22T09:00:00Z');
const ana = { id: '100', username: 'ana' };
const brand = { id: '42', username: 'brand' };

function world(options: Partial<WebhookRouterOptions> = {}) {
  const received: Engagement[][] = [];
  const outcomes: WebhookOutcome[] = [];
  const clock = manualClock(NOW);
  const router = createWebhookRouter({
    adapters: [
      { platform: 'x', webhooks: createXWebhookHandler(X_SECRET) },
      {
        platform: 'facebook',
        webhooks: createFacebookWebhookHandler({ appSecret: META_SECRET, verifyToken: VERIFY_TOKEN }),
      },
      { platform: 'linkedin', webhooks: createLinkedInWebhookHandler(LINKEDIN_SECRET) },
      { platform: 'stamped', webhooks: stampedHandler },
    ],
    onEngagements: (engagements) => {
      received.push([...engagements]);
    },
    onOutcome: (outcome) => outcomes.push(outcome),
    clock,
    ...options,
  });
  return { router, received, outcomes, clock };
}

function xMention(id: string, text = '@brand your jacket tore on day two') {
  return JSON.stringify(
    xAccountActivityEvent.tweetCreate({
      forUserId: brand.id,
      tweet: { id, text, author: ana, createdAt: NOW - 60_000, mentions: [brand] },
    }),
  );
}

async function xDelivery(body: string, secret = X_SECRET, path = '/webhooks/x'): Promise<Request> {
  return new Request(`${BASE}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-twitter-webhooks-signature': await signXWebhook(secret, body),
    },
    body,
  });
}

async function facebookDelivery(commentId: string, secret = META_SECRET): Promise<Request> {
  const delivery = facebookWebhook.comment({
    pageId: 'page-1',
    postId: 'page-1_7',
    commentId,
    from: { id: '9', name: 'Bo' },
    message: 'Where is my order?',
    time: NOW - 30_000,
  });
  const body = JSON.stringify(delivery);
  return new Request(`${BASE}/webhooks/facebook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': await signGraphWebhook(secret, body),
    },
    body,
  });
}

describe('createWebhookRouter: challenges', () => {
  it("answers X's CRC check with the signed response token", async () => {
    const { router, outcomes } = world();
    const response = await router(new Request(`${BASE}/webhooks/x?crc_token=abc123`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(await xCrcResponse(X_SECRET, 'abc123'));
    expect(outcomes).toMatchObject([{ kind: 'challenge', status: 200, route: 'x' }]);
  });

  it("echoes Meta's hub.challenge for the right verify token, and refuses a wrong one", async () => {
    const { router } = world();
    const query = (token: string) =>
      `${BASE}/webhooks/facebook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${token}`;
    const ok = await router(new Request(query(VERIFY_TOKEN)));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await router(new Request(query('guess')));
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('1158201444');
  });

  it("answers LinkedIn's challengeCode", async () => {
    const { router } = world();
    const response = await router(new Request(`${BASE}/webhooks/linkedin?challengeCode=c0de`));
    expect(await response.json()).toEqual({
      challengeCode: 'c0de',
      challengeResponse: await linkedInChallengeResponse(LINKEDIN_SECRET, 'c0de'),
    });
  });

  it('answers 400 to a GET that is no challenge', async () => {
    const { router } = world();
    expect((await router(new Request(`${BASE}/webhooks/x`))).status).toBe(400);
  });
});

describe('createWebhookRouter: deliveries', () => {
  it('feeds the engagements of a signed delivery and answers 200', async () => {
    const { router, received, outcomes } = world();
    const response = await router(await xDelivery(xMention('1790')));
    expect(response.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject([{ platform: 'x', accountId: '42', id: '1790', kind: 'mention' }]);
    expect(outcomes).toMatchObject([
      { kind: 'accepted', status: 200, route: 'x', engagements: 1, duplicates: 0 },
    ]);
  });

  it('feeds Meta comment changes signed over the raw body', async () => {
    const { router, received } = world();
    const response = await router(await facebookDelivery('page-1_7_1'));
    expect(response.status).toBe(200);
    expect(received.flat()).toMatchObject([{ platform: 'facebook', accountId: 'page-1', id: 'page-1_7_1' }]);
  });

  it('refuses a forged delivery with 401 before reading it, and echoes nothing', async () => {
    const { router, received, outcomes } = world();
    const body = xMention('1791', '@brand secret-looking text 9f3k');
    const forged = await router(await xDelivery(body, 'not-the-secret'));
    const unsigned = await router(new Request(`${BASE}/webhooks/x`, { method: 'POST', body }));
    const metaForged = await router(await facebookDelivery('page-1_7_2', 'not-the-secret'));
    for (const response of [forged, unsigned, metaForged]) {
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(text).not.toContain('9f3k');
      expect(text).not.toContain(X_SECRET);
    }
    expect(received).toEqual([]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['forged', 'forged', 'forged']);
  });

  it('drops an at-least-once redelivery and still answers 200, so the platform stops retrying', async () => {
    const { router, received, outcomes } = world();
    const body = xMention('1792');
    await router(await xDelivery(body));
    const again = await router(await xDelivery(body));
    const metaFirst = await router(await facebookDelivery('page-1_7_3'));
    const metaAgain = await router(await facebookDelivery('page-1_7_3'));
    expect([again.status, metaFirst.status, metaAgain.status]).toEqual([200, 200, 200]);
    expect(received.flat().map((item) => item.id)).toEqual(['1792', 'page-1_7_3']);
    expect(outcomes.filter((outcome) => outcome.duplicates > 0)).toMatchObject([
      { route: 'x', engagements: 0, duplicates: 1 },
      { route: 'facebook', engagements: 0, duplicates: 1 },
    ]);
  });

  it('refuses a delivery signed longer ago than maxAgeMs, where the platform signs a time', async () => {
    const { router, received, clock } = world({ maxAgeMs: 60_000 });
    const delivery = { event_id: 'evt-1', account_id: 'acct', comments: [{ id: 'c1', text: 'hi' }] };
    const request = await stampedRequest(`${BASE}/webhooks/stamped`, delivery, NOW);
    clock.advance(61_000);
    const replayed = await router(request);
    expect(replayed.status).toBe(401);
    expect(await replayed.text()).toBe('stale delivery');
    expect(received).toEqual([]);
    const fresh = await router(await stampedRequest(`${BASE}/webhooks/stamped`, delivery, clock.now()));
    expect(fresh.status).toBe(200);
    expect(received.flat().map((item) => item.id)).toEqual(['c1']);
  });

  it('drops a redelivery by the id the platform gives it, even re-signed', async () => {
    const { router, received, clock } = world();
    const delivery = { event_id: 'evt-2', account_id: 'acct', comments: [{ id: 'c2', text: 'hi' }] };
    await router(await stampedRequest(`${BASE}/webhooks/stamped`, delivery, clock.now()));
    clock.advance(30_000);
    const edited = { ...delivery, comments: [{ id: 'c3', text: 'same event, new item' }] };
    const again = await router(await stampedRequest(`${BASE}/webhooks/stamped`, edited, clock.now()));
    expect(again.status).toBe(200);
    expect(received.flat().map((item) => item.id)).toEqual(['c2']);
  });

  it('checks the signed time only after the signature', async () => {
    const { router, outcomes } = world();
    const delivery = { event_id: 'evt-3', account_id: 'acct', comments: [] };
    const request = await stampedRequest(
      `${BASE}/webhooks/stamped`,
      delivery,
      NOW - 3_600_000,
      `${STAMPED_SECRET}-wrong`,
    );
    expect((await router(request)).status).toBe(401);
    expect(outcomes).toMatchObject([{ kind: 'forged' }]);
  });

  it('takes a verify that throws as a failed check, never as a pass', async () => {
    const received: Engagement[] = [];
    const router = createWebhookRouter({
      adapters: [
        {
          platform: 'odd',
          webhooks: {
            challenge: async () => undefined,
            verify: () => {
              throw new Error('header parser broke');
            },
            parse: () => {
              throw new Error('must not be reached');
            },
          },
        },
      ],
      onEngagements: (engagements) => {
        received.push(...engagements);
      },
    });
    const response = await router(new Request(`${BASE}/webhooks/odd`, { method: 'POST', body: '{}' }));
    expect(response.status).toBe(401);
    expect(received).toEqual([]);
  });

  it('answers 400 to a signed body it cannot read, without echoing it', async () => {
    const { router, received, outcomes } = world();
    const response = await router(await xDelivery('{"for_user_id": 7 leaked-part'));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('unreadable delivery');
    expect(received).toEqual([]);
    expect(outcomes[0]?.kind).toBe('unreadable');
  });

  it("answers 200 to X's signed subscription revoke, so X does not retry it, and hands nothing on", async () => {
    const { router, received, outcomes } = world();
    const revoke = JSON.stringify({
      user_event: {
        revoke: {
          date_time: '2018-05-24T09:48:12+00:00',
          target: { app_id: '13090192' },
          source: { user_id: '42' },
        },
      },
    });
    expect((await router(await xDelivery(revoke))).status).toBe(200);
    expect(received).toEqual([]);
    expect(outcomes).toMatchObject([{ kind: 'accepted', engagements: 0 }]);
  });

  it('answers 500 when onEngagements fails, and takes the retry', async () => {
    let fail = true;
    const taken: Engagement[] = [];
    const { router, outcomes } = world({
      onEngagements: (engagements) => {
        if (fail) throw new Error('database is down');
        taken.push(...engagements);
      },
    });
    const body = xMention('1793');
    const first = await router(await xDelivery(body));
    expect(first.status).toBe(500);
    expect(await first.text()).not.toContain('database');
    fail = false;
    expect((await router(await xDelivery(body))).status).toBe(200);
    expect(taken.map((item) => item.id)).toEqual(['1793']);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['failed', 'accepted']);
  });

  it('answers 500 to a retry that arrives while the first attempt is still handing on, so its failure loses nothing', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let attempts = 0;
    const taken: Engagement[] = [];
    const { router, outcomes } = world({
      onEngagements: async (engagements) => {
        attempts += 1;
        if (attempts === 1) {
          await gate;
          throw new Error('database is down');
        }
        taken.push(...engagements);
      },
    });
    const body = xMention('1795');
    const first = router(await xDelivery(body));
    await new Promise((resolve) => setTimeout(resolve, 10));
    // X retries a delivery it has had no answer to within 3 seconds.
    const early = await router(await xDelivery(body));
    expect(early.status).toBe(500);
    release();
    expect((await first).status).toBe(500);
    // The platform retries both; the engagement is taken now.
    expect((await router(await xDelivery(body))).status).toBe(200);
    expect(taken.map((item) => item.id)).toEqual(['1795']);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['failed', 'failed', 'accepted']);
  });

  it('still answers 500 to a retry that arrives while a failed attempt’s marks are being forgotten', async () => {
    const inner = memorySeenStore();
    let release = (): void => undefined;
    const forgetting = new Promise<void>((resolve) => {
      release = resolve;
    });
    let forgetStarted = (): void => undefined;
    const started = new Promise<void>((resolve) => {
      forgetStarted = resolve;
    });
    const seen: SeenStore = {
      markSeen: (keys) => inner.markSeen(keys),
      forget: async (keys) => {
        forgetStarted();
        await forgetting;
        await inner.forget?.(keys);
      },
    };
    let fail = true;
    const taken: Engagement[] = [];
    const { router } = world({
      seen,
      onEngagements: (engagements) => {
        if (fail) throw new Error('database is down');
        taken.push(...engagements);
      },
    });
    const body = xMention('1796');
    const first = router(await xDelivery(body));
    await started;
    fail = false;
    expect((await router(await xDelivery(body))).status).toBe(500);
    release();
    expect((await first).status).toBe(500);
    expect((await router(await xDelivery(body))).status).toBe(200);
    expect(taken.map((item) => item.id)).toEqual(['1796']);
  });

  it('answers 500 to a retry that reaches another process while the first still hands on, sharing the inbox’s store', async () => {
    // Two receivers behind one load balancer, one inbox store between them.
    const store = memoryInboxStore();
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const taken: Engagement[] = [];
    const one = world({
      seen: seenStoreOf(store),
      onEngagements: async () => {
        await gate;
        throw new Error('database is down');
      },
    });
    const two = world({
      seen: seenStoreOf(store),
      onEngagements: (engagements) => {
        taken.push(...engagements);
      },
    });
    const body = xMention('1797');
    const first = one.router(await xDelivery(body));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await two.router(await xDelivery(body))).status).toBe(500);
    release();
    expect((await first).status).toBe(500);
    expect((await two.router(await xDelivery(body))).status).toBe(200);
    expect(taken.map((item) => item.id)).toEqual(['1797']);
    // Handed on and settled: a later retry is a duplicate.
    expect((await two.router(await xDelivery(body))).status).toBe(200);
    expect(two.outcomes.map((outcome) => [outcome.kind, outcome.engagements, outcome.duplicates])).toEqual([
      ['failed', 0, 0],
      ['accepted', 1, 0],
      ['accepted', 0, 1],
    ]);
  });

  it('takes over a delivery whose first attempt stopped mid-way, once the take-over time has passed', async () => {
    const store = memoryInboxStore();
    const taken: Engagement[] = [];
    // The first process marks the delivery and dies before handing it on.
    const stopped = world({
      seen: seenStoreOf(store),
      onEngagements: () => new Promise<void>(() => undefined),
    });
    const body = xMention('1798');
    void stopped.router(await xDelivery(body));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const other = world({
      seen: seenStoreOf(store),
      takeOverAfterMs: 30_000,
      onEngagements: (engagements) => {
        taken.push(...engagements);
      },
    });
    other.clock.set(NOW + 20_000);
    expect((await other.router(await xDelivery(body))).status).toBe(500);
    other.clock.set(NOW + 40_000);
    expect((await other.router(await xDelivery(body))).status).toBe(200);
    expect(taken.map((item) => item.id)).toEqual(['1798']);
  });

  it('lets one of two retries that arrive together take over what a stopped process left', async () => {
    const store = memoryInboxStore();
    const stopped = world({
      seen: seenStoreOf(store),
      onEngagements: () => new Promise<void>(() => undefined),
    });
    const body = xMention('1799');
    void stopped.router(await xDelivery(body));
    await new Promise((resolve) => setTimeout(resolve, 10));
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const taken: string[] = [];
    const receiver = () => {
      const made = world({
        seen: seenStoreOf(store),
        onEngagements: async (engagements) => {
          await gate;
          taken.push(...engagements.map((item) => item.id));
        },
      });
      made.clock.set(NOW + 2 * 60_000);
      return made.router;
    };
    const [one, two] = [receiver(), receiver()];
    const statuses: number[] = [];
    const answered = [one, two].map(async (router) =>
      statuses.push((await router(await xDelivery(body))).status),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The taker still hands on; the other was told to retry later.
    expect(statuses).toEqual([500]);
    release();
    await Promise.all(answered);
    expect(statuses).toEqual([500, 200]);
    expect(taken).toEqual(['1799']);
  });

  it('keeps a retry in flight when the failed attempt before it finishes forgetting its marks', async () => {
    // A seen store of its own, without settling: only this router's in-flight keys guard retries.
    const marks = new Set<string>();
    let release = (): void => undefined;
    const forgetting = new Promise<void>((resolve) => {
      release = resolve;
    });
    let forgets = 0;
    const seen: SeenStore = {
      markSeen: async (keys) => keys.map((key) => (marks.has(key) ? false : Boolean(marks.add(key)))),
      forget: async (keys) => {
        for (const key of keys) marks.delete(key);
        forgets += 1;
        if (forgets === 1) await forgetting;
      },
    };
    let calls = 0;
    let releaseSecond = (): void => undefined;
    const second = new Promise<void>((resolve) => {
      releaseSecond = resolve;
    });
    const { router } = world({
      seen,
      onEngagements: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database is down');
        await second;
        throw new Error('still down');
      },
    });
    const body = xMention('1800');
    const first = router(await xDelivery(body));
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The first attempt forgot its mark and is still finishing; a retry takes the delivery anew.
    const retry = router(await xDelivery(body));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    expect((await first).status).toBe(500);
    // The first attempt's end must not release the retry's hold: a third one waits too.
    expect((await router(await xDelivery(body))).status).toBe(500);
    releaseSecond();
    expect((await retry).status).toBe(500);
  });

  it('works through a seen store of its own', async () => {
    const marks: string[][] = [];
    const inner = memorySeenStore();
    const seen: SeenStore = {
      markSeen: (keys) => {
        marks.push([...keys]);
        return inner.markSeen(keys);
      },
    };
    const { router, received } = world({ seen });
    const body = xMention('1794');
    await router(await xDelivery(body));
    await router(await xDelivery(body));
    expect(received).toHaveLength(1);
    const key = expect.stringMatching(/^engagement:x:42:1794:[0-9a-f]{16}$/);
    expect(marks).toEqual([[key], [key]]);
  });

  it('answers 500 and feeds nothing when the seen store fails', async () => {
    const { router, received } = world({ seen: { markSeen: () => Promise.reject(new Error('redis gone')) } });
    expect((await router(await xDelivery(xMention('1795')))).status).toBe(500);
    expect(received).toEqual([]);
  });
});

describe('createWebhookRouter: limits and routing', () => {
  it('answers 413 to a body over maxBodyBytes, unverified', async () => {
    const { router, outcomes } = world({ maxBodyBytes: 64 });
    const response = await router(await xDelivery(xMention('1796')));
    expect(response.status).toBe(413);
    expect(outcomes).toMatchObject([{ kind: 'too_large', route: 'x' }]);
  });

  it('answers 404 off its routes and 405 to other methods', async () => {
    const { router } = world();
    expect(
      (await router(new Request(`${BASE}/webhooks/mastodon`, { method: 'POST', body: '{}' }))).status,
    ).toBe(404);
    expect((await router(new Request(`${BASE}/elsewhere/x?crc_token=a`))).status).toBe(404);
    const put = await router(new Request(`${BASE}/webhooks/x`, { method: 'PUT', body: '{}' }));
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
  });

  it('serves under the base path it is given', async () => {
    const { router, received } = world({ basePath: '/hooks/in/' });
    expect((await router(await xDelivery(xMention('1797'), X_SECRET, '/hooks/in/x'))).status).toBe(200);
    expect((await router(await xDelivery(xMention('1798')))).status).toBe(404);
    expect(received.flat().map((item) => item.id)).toEqual(['1797']);
  });

  it('refuses limits that are not positive whole numbers', () => {
    expect(() => world({ maxAgeMs: 0 })).toThrow(/maxAgeMs/);
    expect(() => world({ maxBodyBytes: -1 })).toThrow(/maxBodyBytes/);
    expect(() => world({ takeOverAfterMs: Number.NaN })).toThrow(/takeOverAfterMs/);
  });

  it('answers the platform even when onOutcome throws', async () => {
    const { router } = world({
      onOutcome: () => {
        throw new Error('logger broke');
      },
    });
    expect((await router(await xDelivery(xMention('1799')))).status).toBe(200);
  });
});
