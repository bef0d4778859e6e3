import { staticTokenProvider } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, START, useX } from './support/harness.js';

// A doctor compares `capabilities.auth.scopes` with a token's grant: what it lists for
// findRecentPosts must be enough for the read the publisher makes after a lost create answer.
const h = useX();
const { x, ana } = h;

describe('the scopes X declares for findRecentPosts', () => {
  it('are enough to find a post, and the read is refused without them', async () => {
    const adapter = h.adapter();
    await adapter.publish({ text: 'Did it post?' }, h.context());
    const declared = adapter.capabilities.auth.scopes?.findRecentPosts;
    expect(declared).toEqual(['tweet.read', 'users.read']);
    const withToken = (scopes: readonly string[]) =>
      h.context({ tokens: staticTokenProvider(x.sim.tokens.issue(ana.account.id, { scopes }).accessToken) });
    const query = { since: new Date(START), text: 'Did it post?' };

    const found = await adapter.findRecentPosts(query, withToken(declared ?? []));
    expect(found.map((post) => post.text)).toEqual(['Did it post?']);
    const refused = await failureOf(adapter.findRecentPosts(query, withToken(['tweet.write'])), x);
    // X's bare 403 "Forbidden" is its answer to a token without the scope (classify-error.ts).
    expect(refused).toMatchObject({ code: 'auth_missing_scope', status: 403 });
  });
});
