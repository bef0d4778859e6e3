import { PlatformError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { CREATE_POST, failureOf, useX } from './support/harness.js';

// With a spending limit set in the Developer Console, "When the limit is reached, API requests will
// be blocked until the next billing cycle" (https://docs.x.com/x-api/getting-started/pricing). The
// docs give no body; users report a 403 with the type …/problems/spend-cap-reached (ASSUMED).
const h = useX();
const { x, ana } = h;
const SPEND_CAP_REACHED = 'https://api.x.com/2/problems/spend-cap-reached';

describe('a reached spending limit', () => {
  it('is reported as a refusal that says to raise the limit or wait, is not retried, and posts nothing', async () => {
    x.reachSpendCap();
    const error = await failureOf(h.adapter().publish({ text: 'Hello' }, h.context()), x);

    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'platform_refused', status: 403, retryable: false });
    expect(error.platformError).toMatchObject({
      code: SPEND_CAP_REACHED,
      message: 'Your monthly spend cap has been reached.',
    });
    expect(error.message).toContain('spending limit');
    expect(error.hint).toMatch(/raise the spending limit.*Developer Console \(https:\/\/console\.x\.com\)/);
    expect(error.hint).toContain('next billing cycle');
    expect(error.hint).not.toContain('add credits');
    expect(h.requests(CREATE_POST).map((entry) => entry.status)).toEqual([403]);
    expect(x.sim.posts.filter((post) => post.accountId === ana.account.id)).toEqual([]);

    x.raiseSpendCap();
    const published = await h.adapter().publish({ text: 'Hello' }, h.context());
    expect(x.sim.posts.get(published.ref.platformPostId)?.text).toBe('Hello');
  });

  it('is reported the same way on a read, not as a missing scope', async () => {
    x.reachSpendCap();
    const error = await failureOf(h.adapter().getAccountMetrics(h.context()), x);
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'platform_refused', status: 403, retryable: false });
    expect(error.hint).toContain('raise the spending limit');
  });

  it('is recognised from its wording when the 403 has no problem type', async () => {
    const fetch = async () =>
      Response.json(
        { title: 'Forbidden', detail: 'Your monthly spend cap has been reached.' },
        { status: 403 },
      );
    const error = await failureOf(h.adapter({ fetch }).publish({ text: 'Hello' }, h.context()), x);
    expect(error).toMatchObject({ code: 'platform_refused', status: 403, retryable: false });
    expect(error.hint).toContain('raise the spending limit');
  });
});

describe("the simulator's spending limit", () => {
  it('answers every API request with a 403 spend-cap-reached problem while reached, and the reset lifts it', async () => {
    x.reachSpendCap();
    const me = await fetch(`${x.baseUrl}/2/users/me`, {
      headers: { authorization: `Bearer ${ana.accessToken}` },
    });
    expect(me.status).toBe(403);
    expect(me.headers.get('content-type')).toBe('application/problem+json');
    expect(await me.json()).toEqual({
      detail: 'Your monthly spend cap has been reached.',
      status: 403,
      title: 'SpendCapReached',
      type: SPEND_CAP_REACHED,
    });

    x.sim.reset();
    const again = await fetch(`${x.baseUrl}/2/users/me`, {
      headers: { authorization: `Bearer ${ana.accessToken}` },
    });
    expect(again.status).toBe(200);
  });
});
