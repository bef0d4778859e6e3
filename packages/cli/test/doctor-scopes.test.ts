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

  it('checks nothing for an adapter that declares no scopes', () => {
    expect(scopeChecks(undefined, ['tweet.read'])).toEqual([]);
  });
});
