import { PlatformError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { CREATE_POST, failureOf, useX } from './support/harness.js';

// X bills every request against the app's pay-per-use credits and blocks requests "until you add
// credits" (https://docs.x.com/x-api/getting-started/pricing); live answers are a 402
// `{"detail":"credits depleted","status":402,"title":"Payment Required","type":…/credits-depleted}`.
const h = useX();
const { x, ana } = h;
const CREDITS_DEPLETED = 'https://api.x.com/2/problems/credits-depleted';

describe('used-up API credits', () => {
  it('are reported as a refusal that says to add credits, is not retried, and posts nothing', async () => {
    x.depleteCredits();
    const error = await failureOf(h.adapter().publish({ text: 'Hello' }, h.context()), x);

    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'platform_refused', status: 402, retryable: false });
    expect(error.platformError).toEqual({
      code: CREDITS_DEPLETED,
      message: 'credits depleted',
      type: 'Payment Required',
    });
    expect(error.message).toContain('credits');
    expect(error.hint).toMatch(/add credits.*Developer Console \(https:\/\/console\.x\.com\)/);
    expect(h.requests(CREATE_POST).map((entry) => entry.status)).toEqual([402]);
    expect(x.sim.posts.filter((post) => post.accountId === ana.account.id)).toEqual([]);

    x.addCredits();
    const published = await h.adapter().publish({ text: 'Hello' }, h.context());
    expect(x.sim.posts.get(published.ref.platformPostId)?.text).toBe('Hello');
  });

  it('are reported the same way on a read', async () => {
    x.depleteCredits();
    const error = await failureOf(h.adapter().getAccountMetrics(h.context()), x);
    expect(error).toMatchObject({ code: 'platform_refused', status: 402, retryable: false });
    expect(error.hint).toContain('add credits');
  });

  it('are recognised from a 402 whatever its body says', async () => {
    const fetch = async () => new Response(null, { status: 402 });
    const error = await failureOf(h.adapter({ fetch }).publish({ text: 'Hello' }, h.context()), x);
    expect(error).toMatchObject({ code: 'platform_refused', status: 402, retryable: false });
    expect(error.hint).toContain('add credits');
  });
});

describe("the simulator's credits", () => {
  it('answer every API request with X’s 402 while used up, and the reset tops them up', async () => {
    x.depleteCredits();
    const me = await fetch(`${x.baseUrl}/2/users/me`, {
      headers: { authorization: `Bearer ${ana.accessToken}` },
    });
    expect(me.status).toBe(402);
    expect(me.headers.get('content-type')).toBe('application/problem+json');
    expect(await me.json()).toEqual({
      detail: 'credits depleted',
      status: 402,
      title: 'Payment Required',
      type: CREDITS_DEPLETED,
    });

    x.sim.reset();
    const again = await fetch(`${x.baseUrl}/2/users/me`, {
      headers: { authorization: `Bearer ${ana.accessToken}` },
    });
    expect(again.status).toBe(200);
  });
});
