import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../src/simulator/fault-injector.js';
import { compareIds, createIdGenerator } from '../src/simulator/id-generator.js';
import { RateLimiter } from '../src/simulator/rate-limiter.js';
import { manualClock } from '../src/simulator/sim-clock.js';
import { growingCount } from '../src/simulator/state.js';
import { TokenRegistry } from '../src/simulator/token-registry.js';

describe('TokenRegistry', () => {
  it('expires access tokens with simulated time', () => {
    const clock = manualClock(0);
    const tokens = new TokenRegistry(clock, 'sim_test');
    const issued = tokens.issue('acct', { expiresInMs: 7_200_000 });
    expect(tokens.check(issued.accessToken)).toMatchObject({ status: 'valid', accountId: 'acct' });
    clock.advance(7_200_000);
    expect(tokens.check(issued.accessToken)).toEqual({ status: 'expired', accountId: 'acct' });
    expect(tokens.check('nope')).toEqual({ status: 'unknown' });
    expect(tokens.check(undefined)).toEqual({ status: 'missing' });
  });

  it('tells when a token it accepts was issued, so a platform can refuse to refresh a young one', () => {
    const clock = manualClock(1_000);
    const tokens = new TokenRegistry(clock, 'sim_test');
    const first = tokens.issue('acct');
    clock.advance(86_400_000);
    const second = tokens.issue('acct', { refreshable: true });
    expect(tokens.check(first.accessToken)).toMatchObject({ status: 'valid', issuedAt: 1_000 });
    expect(tokens.check(second.accessToken)).toMatchObject({ status: 'valid', issuedAt: 86_401_000 });
    clock.advance(5_000);
    const refreshed = tokens.refresh(second.refreshToken ?? '', true);
    expect(tokens.check(refreshed?.accessToken)).toMatchObject({ issuedAt: 86_406_000 });
  });

  it('refuses a rotated refresh token the second time, as X and TikTok do', () => {
    const tokens = new TokenRegistry(manualClock(0), 'sim_test');
    const issued = tokens.issue('acct', { refreshable: true, expiresInMs: 1000 });
    const refreshToken = issued.refreshToken ?? '';
    const next = tokens.refresh(refreshToken, true);
    expect(next?.refreshToken).toBeDefined();
    expect(next?.refreshToken).not.toBe(refreshToken);
    expect(tokens.refresh(refreshToken, true)).toBeUndefined();
    expect(tokens.check(next?.accessToken)).toMatchObject({ status: 'valid' });
  });

  it('keeps a non-rotating refresh token usable', () => {
    const tokens = new TokenRegistry(manualClock(0), 'sim_test');
    const refreshToken = tokens.issue('acct', { refreshable: true }).refreshToken ?? '';
    expect(tokens.refresh(refreshToken, false)?.refreshToken).toBe(refreshToken);
    expect(tokens.refresh(refreshToken, false)).toBeDefined();
  });

  it('refuses a refresh token past its lifetime, which refreshing does not extend', () => {
    const clock = manualClock(0);
    const tokens = new TokenRegistry(clock, 'sim_test');
    const rotating = tokens.issue('acct', { refreshable: true, refreshTtlMs: 10_000 });
    const kept = tokens.issue('acct', { refreshable: true, refreshTtlMs: 10_000 });
    expect(rotating.refreshExpiresAt).toEqual(new Date(10_000));
    clock.advance(4_000);
    const rotated = tokens.refresh(rotating.refreshToken ?? '', true);
    expect(rotated?.refreshExpiresAt).toEqual(new Date(10_000));
    expect(tokens.refresh(kept.refreshToken ?? '', false)).toMatchObject({
      refreshToken: kept.refreshToken,
      refreshExpiresAt: new Date(10_000),
    });
    clock.advance(6_000);
    expect(tokens.refresh(rotated?.refreshToken ?? '', true)).toBeUndefined();
    expect(tokens.refresh(kept.refreshToken ?? '', false)).toBeUndefined();
  });

  it('revokes one refresh token, leaving its access token alone', () => {
    const tokens = new TokenRegistry(manualClock(0), 'sim_test');
    const issued = tokens.issue('acct', { refreshable: true });
    tokens.revoke({ refreshToken: issued.refreshToken ?? '' });
    tokens.revoke({ refreshToken: 'unknown' });
    expect(tokens.refresh(issued.refreshToken ?? '', true)).toBeUndefined();
    expect(tokens.check(issued.accessToken).status).toBe('valid');
  });

  it('revokes every token of an account', () => {
    const tokens = new TokenRegistry(manualClock(0), 'sim_test');
    const a = tokens.issue('acct', { refreshable: true });
    tokens.revoke({ accountId: 'acct' });
    expect(tokens.check(a.accessToken).status).toBe('revoked');
    expect(tokens.refresh(a.refreshToken ?? '', false)).toBeUndefined();
  });
});

describe('RateLimiter', () => {
  it('resets a fixed window after windowMs', () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter(clock, { b: { limit: 2, windowMs: 1000 } });
    expect(limiter.take('k', 'b')?.allowed).toBe(true);
    expect(limiter.take('k', 'b')?.window.remaining).toBe(0);
    expect(limiter.take('k', 'b')).toMatchObject({ allowed: false, window: { resetAt: 1000 } });
    expect(limiter.take('other', 'b')?.allowed).toBe(true);
    clock.advance(1000);
    expect(limiter.take('k', 'b')?.allowed).toBe(true);
    expect(limiter.take('k', 'unbudgeted')).toBeUndefined();
  });

  it('counts each request for windowMs in a sliding window', () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter(clock, { b: { limit: 2, windowMs: 1000, kind: 'sliding' } });
    limiter.take('k', 'b');
    clock.advance(600);
    limiter.take('k', 'b');
    expect(limiter.take('k', 'b')).toMatchObject({ allowed: false, window: { resetAt: 1000 } });
    clock.advance(400);
    expect(limiter.take('k', 'b')?.allowed).toBe(true);
    expect(limiter.take('k', 'b')?.allowed).toBe(false);
  });
});

describe('ids and growing metrics', () => {
  it('makes increasing ids that compare as numbers', () => {
    const next = createIdGenerator(8n);
    const [a, b, c] = [next(), next(), next()];
    expect([a, b, c]).toEqual(['9', '10', '11']);
    expect(compareIds('9', '10')).toBe(-1);
  });

  it('grows counts with age, differently per post, the same every run', () => {
    const hour = 3_600_000;
    expect(growingCount('p1', 'likes', 0, 40)).toBe(0);
    expect(growingCount('p1', 'likes', 4 * hour, 40)).toBeGreaterThan(growingCount('p1', 'likes', hour, 40));
    expect(growingCount('p1', 'likes', hour, 40)).toBe(growingCount('p1', 'likes', hour, 40));
    expect(growingCount('p1', 'likes', hour, 40)).not.toBe(growingCount('p2', 'likes', hour, 40));
  });
});

describe('RateLimiter reset', () => {
  it('restores the budgets given at construction, so a test that lowered one does not leak', () => {
    const limiter = new RateLimiter(manualClock(0), { b: { limit: 5, windowMs: 1000 } });
    limiter.setBudget('b', { limit: 1, windowMs: 1000 });
    limiter.take('k', 'b');
    expect(limiter.take('k', 'b')?.allowed).toBe(false);
    limiter.reset();
    expect(limiter.take('k', 'b')?.window.limit).toBe(5);
  });
});

describe('FaultInjector', () => {
  it('lets skipped requests through and then hits the next matching ones', () => {
    const faults = new FaultInjector();
    faults.inject({ kind: 'server_error', route: 'POST /posts', skip: 1, times: 2 });
    expect(faults.draw('GET /posts')).toBeUndefined();
    expect(faults.draw('POST /posts')).toBeUndefined();
    expect(faults.draw('POST /posts')).toBe('server_error');
    expect(faults.draw('POST /posts')).toBe('server_error');
    expect(faults.draw('POST /posts')).toBeUndefined();
    expect(faults.injectedTotal).toBe(2);
  });
});
