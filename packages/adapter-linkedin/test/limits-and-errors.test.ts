import {
  AmbiguousOutcomeError,
  AuthError,
  PlatformError,
  RateLimitError,
  TransientError,
} from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { nextUtcMidnight } from '../src/index.js';
import { CREATE_POST, failureOf, START, useLinkedIn } from './support/harness.js';

const h = useLinkedIn({ dailyPosts: { perMember: 1 } });

describe('daily limits', () => {
  it('pauses a 429 until the next midnight UTC, keeping LinkedIn’s message and code', async () => {
    const adapter = h.adapter();
    await adapter.publish({ text: 'First of the day' }, h.context());
    const error = await failureOf(adapter.publish({ text: 'One too many' }, h.context()), h.linkedin);
    expect(RateLimitError.isInstance(error) && error.code).toBe('quota_exceeded');
    expect((error as RateLimitError).resetAt?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(error.retryable).toBe(true);
    expect(error.platformError).toEqual({
      code: 101,
      message: 'Resource level throttle limit for calls to this resource is reached.',
    });
    // At the reset, the simulator takes posts again.
    h.clock.set((error as RateLimitError).resetAt?.getTime() ?? 0);
    await expect(adapter.publish({ text: 'Next day' }, h.context())).resolves.toBeDefined();
  });

  it('pauses a 429 for the configured time instead, when set', async () => {
    h.linkedin.sim.faults.inject({ kind: 'rate_limit', route: CREATE_POST });
    const error = await failureOf(
      h.adapter({ throttleResetMs: 600_000 }).publish({ text: 'Throttled' }, h.context()),
      h.linkedin,
    );
    expect((error as RateLimitError).resetAt?.getTime()).toBe(START + 600_000);
  });

  it('computes the next midnight UTC', () => {
    expect(nextUtcMidnight(Date.parse('2026-12-31T23:59:59.999Z')).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    expect(nextUtcMidnight(Date.parse('2026-12-04T00:00:00.000Z')).toISOString()).toBe(
      '2026-12-05T00:00:00.000Z',
    );
  });
});

describe('errors', () => {
  it('says to raise the version when LinkedIn answers 426 NONEXISTENT_VERSION', async () => {
    const error = await failureOf(
      h.adapter({ version: '202301' }).publish({ text: 'Old version' }, h.context()),
      h.linkedin,
    );
    expect(PlatformError.isInstance(error) && error.code).toBe('platform_refused');
    expect(error.status).toBe(426);
    expect(error.platformError).toMatchObject({
      type: 'NONEXISTENT_VERSION',
      message: 'Requested version 202301 is not active',
    });
    expect(error.hint).toContain('raise');
    expect(error.hint).toContain('202301');
  });

  it('names the scope a post needs when the token lacks it', async () => {
    const reader = h.linkedin.addMember('reader', { scopes: ['r_member_social'] });
    const error = await failureOf(
      h.adapter().publish({ text: 'No scope' }, h.context({}, reader)),
      h.linkedin,
    );
    expect(AuthError.isInstance(error) && error.code).toBe('auth_missing_scope');
    // It posted as the member: the member's scope is named, not the organization's.
    expect(error.message).toContain('(the token needs w_member_social)');
    expect(error.hint).toContain('w_member_social');
    expect(error.hint).not.toContain('w_organization_social');
    expect(error.retryable).toBe(false);
  });

  it('tells a revoked token from an expired one', async () => {
    const revoked = h.linkedin.addMember('revoked');
    h.linkedin.sim.tokens.revoke({ accessToken: revoked.accessToken });
    const gone = await failureOf(h.adapter().publish({ text: 'x' }, h.context({}, revoked)), h.linkedin);
    expect(AuthError.isInstance(gone) && gone.code).toBe('auth_revoked');
    expect(gone.platformError?.code).toBe(65601);
    const expired = h.linkedin.addMember('expired');
    h.linkedin.sim.tokens.expire(expired.accessToken);
    const old = await failureOf(h.adapter().publish({ text: 'y' }, h.context({}, expired)), h.linkedin);
    expect(AuthError.isInstance(old) && old.code).toBe('auth_expired');
  });

  it('takes a 5xx on a create for an ambiguous outcome, and on a read for a retryable failure', async () => {
    h.linkedin.sim.faults.inject({ kind: 'server_error', route: CREATE_POST });
    const create = await failureOf(h.adapter().publish({ text: 'Maybe' }, h.context()), h.linkedin);
    expect(AmbiguousOutcomeError.isInstance(create)).toBe(true);
    const published = await h.adapter().publish({ text: 'Read me' }, h.context());
    h.linkedin.sim.faults.inject({ kind: 'server_error' });
    const read = await failureOf(h.adapter().getPostMetrics([published.ref], h.context()), h.linkedin);
    expect(TransientError.isInstance(read) && read.retryable).toBe(true);
  });

  it('keeps LinkedIn’s message and serviceErrorCode of a refused request', async () => {
    // ana's token has w_organization_social; she holds no role on this organization. The post is
    // the organization's (its own author option), so LinkedIn's refusal is read as the missing role,
    // as for an adapter bound to the organization (acting-author.test.ts).
    const error = await failureOf(
      h
        .adapter()
        .publish(
          { text: 'To a stranger', options: { linkedin: { author: 'urn:li:organization:999' } } },
          h.context(),
        ),
      h.linkedin,
    );
    expect(PlatformError.isInstance(error) && error.code).toBe('platform_refused');
    expect(error.platformError).toMatchObject({ code: 100, type: 'ACCESS_DENIED' });
    expect(error.message).toContain('Data Processing Exception while processing fields [/author]');
    expect(error.hint).toContain('role on the organization (LinkedIn Page) to post as it');
  });

  it('is refused by LinkedIn, with its words, when maxTextLength was raised past the 3,000 it takes', async () => {
    const text = `${'a'.repeat(2990)} (12345678)`;
    const adapter = h.adapter({ maxTextLength: 5000 });
    const error = await failureOf(adapter.publish({ text }, h.context()), h.linkedin);
    expect(PlatformError.isInstance(error) && error.code).toBe('platform_refused');
    expect(error.message).toContain(
      'ShareCommentary text length (3001 characters) exceeded the maximum allowed (3000 characters)',
    );
    expect(h.linkedin.sim.posts.filter(() => true)).toHaveLength(0);
    // Escapes are not text: 3,000 characters with reserved ones in them are taken.
    const full = `${'a'.repeat(2989)} (12345678)`;
    const published = await adapter.publish({ text: full }, h.context());
    expect(h.linkedin.sim.posts.get(published.ref.platformPostId)?.text).toBe(full);
  });
});
