import { createLinkedInAdapter } from '@smmkit/adapter-linkedin';
import { describe, expect, it } from 'vitest';
import { scopeChecks } from '../src/commands/doctor.js';

describe("doctor's scope check", () => {
  const declared = { publish: ['tweet.read', 'tweet.write', 'media.write'], like: ['like.write'] };

  it('names the scopes an operation needs that the token was not granted', () => {
    expect(scopeChecks(declared, ['tweet.read', 'tweet.write', 'like.write'])).toEqual([
      { operation: 'publish', needed: declared.publish, state: 'missing', missing: ['media.write'] },
      { operation: 'like', needed: declared.like, state: 'ok', missing: [] },
    ]);
  });

  it('says unknown, not missing, when the platform did not report the granted scopes', () => {
    expect(scopeChecks(declared, undefined).map((check) => check.state)).toEqual(['unknown', 'unknown']);
  });

  it('flags a LinkedIn member token that can post but not read its posts back to reconcile a lost create', () => {
    const declared = createLinkedInAdapter({}).capabilities.auth.scopes;
    const checks = scopeChecks(declared, ['w_member_social']);
    expect(checks.find((check) => check.operation === 'publish')?.state).toBe('ok');
    expect(checks.find((check) => check.operation === 'findRecentPosts')).toEqual({
      operation: 'findRecentPosts',
      needed: ['r_member_social'],
      state: 'missing',
      missing: ['r_member_social'],
    });
  });

  it('checks nothing for an adapter that declares no scopes', () => {
    expect(scopeChecks(undefined, ['tweet.read'])).toEqual([]);
  });
});
