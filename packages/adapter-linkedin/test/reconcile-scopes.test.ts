import { AuthError, staticTokenProvider } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, START, useLinkedIn } from './support/harness.js';

// A doctor compares `capabilities.auth.scopes` with a token's grant: what it lists for
// findRecentPosts must be enough for the read the publisher makes after a lost create answer.
// LinkedIn grants member and organization permissions apart, so both authors are checked.
const h = useLinkedIn();
const { linkedin, ana, acme } = h;

describe('the scopes LinkedIn declares for findRecentPosts', () => {
  it.each([
    { who: 'a member', author: undefined, declared: ['r_member_social'], without: ['r_organization_social'] },
    {
      who: 'an organization',
      author: acme,
      declared: ['r_organization_social'],
      without: ['r_member_social'],
    },
  ])('are enough to find a post by $who, and the read is refused without them', async (example) => {
    const adapter = h.adapter(example.author === undefined ? {} : { author: example.author });
    await adapter.publish({ text: 'Did it post?' }, h.context());
    const declared = adapter.capabilities.auth.scopes?.findRecentPosts;
    expect(declared).toEqual(example.declared);
    const withToken = (scopes: readonly string[]) =>
      h.context({
        tokens: staticTokenProvider(linkedin.sim.tokens.issue(ana.account.id, { scopes }).accessToken),
      });
    const query = { since: new Date(START), text: 'Did it post?' };

    const found = await adapter.findRecentPosts(query, withToken(declared ?? []));
    expect(found.map((post) => post.text)).toEqual(['Did it post?']);
    const refused = await failureOf(adapter.findRecentPosts(query, withToken(example.without)), linkedin);
    expect(AuthError.isInstance(refused)).toBe(true);
  });
});
