import { AuthError, staticTokenProvider } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, publicOptions, START, useTikTok, video } from './support/harness.js';

// A doctor compares `capabilities.auth.scopes` with a token's grant: what it lists for
// findRecentPosts must be enough for the read the publisher makes after a lost create answer.
const h = useTikTok({ processingMs: 0 });
const { tiktok, acme } = h;

describe('the scopes TikTok declares for findRecentPosts', () => {
  it('are enough to find a post, and the read is refused without them', async () => {
    const adapter = h.adapter();
    await adapter.publish({ text: 'Did it post?', media: [video()], options: publicOptions() }, h.context());
    const declared = adapter.capabilities.auth.scopes?.findRecentPosts;
    expect(declared).toEqual(['video.list']);
    const withToken = (scopes: readonly string[]) =>
      h.context({
        tokens: staticTokenProvider(tiktok.sim.tokens.issue(acme.account.id, { scopes }).accessToken),
      });
    const query = { since: new Date(START), text: 'Did it post?' };

    const found = await adapter.findRecentPosts(query, withToken(declared ?? []));
    expect(found.map((post) => post.text)).toEqual(['Did it post?']);
    const refused = await failureOf(adapter.findRecentPosts(query, withToken(['video.publish'])), tiktok);
    expect(AuthError.isInstance(refused)).toBe(true);
    expect(refused.code).toBe('auth_missing_scope');
  });
});
