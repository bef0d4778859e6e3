import type { PostRef } from '@smmkit/core';

/**
 * A post's public URL: `https://x.com/{username}/status/{id}`, or
 * `https://x.com/i/web/status/{id}` when the username is unknown, which works without it (X
 * documents no rule; its own payloads link both forms, e.g. `expanded_url` in
 * https://docs.x.com/x-api/account-activity/introduction).
 *
 * @param id - the post id
 * @param username - the author's username, without `@`, when known
 * @returns the URL
 *
 * @example
 * ```ts
 * xPostUrl('1850000000000000000', 'XDevelopers'); // 'https://x.com/XDevelopers/status/1850000000000000000'
 * xPostUrl('1850000000000000000'); // 'https://x.com/i/web/status/1850000000000000000'
 * ```
 */
export function xPostUrl(id: string, username?: string | undefined): string {
  const post = encodeURIComponent(id);
  return username === undefined || username === ''
    ? `https://x.com/i/web/status/${post}`
    : `https://x.com/${encodeURIComponent(username.replace(/^@/, ''))}/status/${post}`;
}

/**
 * A `PostRef` to a post of the account `accountId`, with its URL.
 *
 * @param id - the post id
 * @param accountId - the account that published it
 * @param username - the account's username, when known
 * @returns the reference
 *
 * @example
 * ```ts
 * xPostRef('1850000000000000000', '2244994945', 'XDevelopers').url; // 'https://x.com/XDevelopers/status/1850000000000000000'
 * ```
 */
export function xPostRef(id: string, accountId: string, username?: string | undefined): PostRef {
  return { platform: 'x', accountId, platformPostId: id, url: xPostUrl(id, username) };
}
