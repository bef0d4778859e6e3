import { RateLimitError, type RateLimitInfo, staticTokenProvider } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
import { GRAPH_USAGE_BUCKET } from '@smmkit/graph-api';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { START, useFacebook } from './support/harness.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const h = useFacebook();
// Small budgets, so a few calls use them up: 4 app calls per hour (which Page tokens never count
// against); 4 calls per hour on the Page's Business Use Case; 8 Page calls per 20 minutes for the
// publisher.
const app = h.sibling({
  baseUrl: 'https://app.graph.test',
  budgets: { app: { limit: 4, windowMs: HOUR, kind: 'fixed' } },
});
const page = h.sibling({
  baseUrl: 'https://page.graph.test',
  budgets: { pages: { limit: 4, windowMs: HOUR, kind: 'fixed' } },
});
const paced = h.sibling({
  baseUrl: 'https://paced.graph.test',
  budgets: { pages: { limit: 8, windowMs: 20 * MINUTE, kind: 'fixed' } },
});
const secrets = () => [app, page, paced].flatMap((world) => world.facebook.sim.tokens.allIssued());

/**
 * The Page's recent posts, looked for a feed post: two Graph requests per call (its feed, then
 * its scheduled posts).
 */
const since = new Date(START - HOUR);
const post = { text: 'Looked for' };

/** What `onRateLimit` saw, once per Graph request, over `calls` reads of the Page's recent posts on `world`. */
async function usageOver(world: typeof app, calls: number): Promise<RateLimitInfo[]> {
  const seen: RateLimitInfo[] = [];
  const adapter = world.adapter();
  const context = world.context({ onRateLimit: (info) => seen.push(info) });
  for (let call = 0; call < calls; call += 1) await adapter.findRecentPosts({ since, post }, context);
  return seen;
}

describe('usage headers', () => {
  it('holds the Page token to the Page’s use case, never the app budget (Meta: Page tokens are BUC-limited)', async () => {
    // Six calls over a 4-call app budget: it does not apply to a Page token.
    const seen = await usageOver(app, 3);
    expect(seen).toHaveLength(6);
    expect(seen.every((info) => info.scope === 'business' && info.bucket === GRAPH_USAGE_BUCKET)).toBe(true);
  });

  it('reads X-Business-Use-Case-Usage (type pages) and, at 100 %, when access returns', async () => {
    h.clock.advance(15 * MINUTE);
    const seen = await usageOver(page, 2);
    expect(seen.map((info) => info.usedFraction)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(seen.every((info) => info.scope === 'business')).toBe(true);
    // The window opened at START + 15 min: estimated_time_to_regain_access is the hour it lasts.
    expect(seen.at(-1)?.resetAt).toEqual(new Date(START + 15 * MINUTE + HOUR));
  });
});

describe('a person’s user token', () => {
  it('is held to the app budget instead: code 4 after it, with X-App-Usage', async () => {
    const { accessToken } = app.facebook.addUser('ana', { pages: [{ pageId: app.acme.account.id }] });
    const accounts = () =>
      fetch(`${app.facebook.baseUrl}/v25.0/me/accounts`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
    for (let call = 1; call <= 4; call += 1) {
      const answer = await accounts();
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.headers.get('x-app-usage') ?? '{}')).toMatchObject({ call_count: call * 25 });
    }
    const refused = await accounts();
    expect(((await refused.json()) as { error: { code: number } }).error.code).toBe(4);
  });
});

describe('throttling', () => {
  it('turns 80001 (Page use case) into a RateLimitError reset when Meta says access returns, message and trace id kept', async () => {
    await usageOver(page, 2);
    const error = await failureOf(page.adapter().findRecentPosts({ since, post }, page.context()), {
      secrets,
    });
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.platformError).toMatchObject({ code: 80001, traceId: expect.stringMatching(/^A/) });
    expect(error.message).toContain('There have been too many calls to this Page account');
    expect((error as RateLimitError).resetAt).toEqual(new Date(START + HOUR));
    expect(error.rateLimit).toMatchObject({ usedFraction: 1, scope: 'business' });
  });
});

describe('the publisher on Facebook’s usage headers', () => {
  /** A publisher posting to acme on `paced`, and the simulated instant of every feed post sent. */
  function pacedPublisher() {
    const sent: number[] = [];
    const recording: typeof fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/feed')) sent.push(h.clock.now());
      return fetch(input, init);
    };
    const publisher = createPublisher({
      adapters: [paced.adapter({ fetch: recording })],
      tokens: () => staticTokenProvider(paced.acme.accessToken),
      clock: h.adapterClock,
    });
    const target = { platform: 'facebook', accountId: paced.acme.account.id };
    return { sent, publish: (text: string) => publisher.publish({ text }, [target]) };
  }

  it('slows down from 75 % of the Page budget and waits out the rest of the window: no throttled answer', async () => {
    const { sent, publish } = pacedPublisher();
    const statuses: string[] = [];
    for (let post = 1; post <= 10; post += 1) {
      const [outcome] = await publish(`Post number ${post}`);
      statuses.push(outcome?.status ?? 'none');
    }
    expect(statuses).toEqual(Array(10).fill('published'));
    expect(paced.facebook.sim.log.entries.filter((entry) => entry.status !== 200)).toEqual([]);
    // Up to 75 % of the budget the posts go at once; at 87 % (Graph writes whole percents) the
    // publisher waits about half of its usage delay; at 100 % X-Business-Use-Case-Usage says when
    // access returns (estimated_time_to_regain_access), and the ninth post waits for it.
    expect(sent.slice(0, 7)).toEqual(Array(7).fill(START));
    const pause = (sent[7] ?? 0) - (sent[6] ?? 0);
    expect(pause).toBeGreaterThan(20_000);
    expect(pause).toBeLessThan(60_000);
    expect(sent[8]).toBeGreaterThanOrEqual(START + 20 * MINUTE);
  });
});
