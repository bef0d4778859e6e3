import type { SimulatedAccount } from '@smmkit/testkit';
import { selectFields } from '@smmkit/testkit/simulator-kit';
import type { XContext } from '../context.js';
import type { XUserJson } from './types.js';

/**
 * A User as X renders it: `id`, `name`, `username` always, and the `user.fields` asked for
 * (`User` in https://api.x.com/2/openapi.json). `public_metrics` carries followers_count, following_count,
 * tweet_count (`post_count` in the `post` vocabulary, as the spec's `UserPublicMetrics`
 * names it) and listed_count.
 */
export function renderUser(
  context: XContext,
  account: SimulatedAccount,
  fields: ReadonlySet<string>,
): XUserJson {
  const user = { id: account.id, name: account.displayName, username: account.handle };
  return selectFields(user, fields, {
    // 2020-01-01 for an account with no creation date (stored straight in `sim.accounts`).
    created_at: () => new Date(account.createdAt ?? Date.parse('2020-01-01T00:00:00.000Z')).toISOString(),
    description: () => '',
    protected: () => false,
    verified: () => false,
    profile_image_url: () => `https://pbs.twimg.com/profile_images/${account.id}/avatar_normal.jpg`,
    public_metrics: () => ({
      followers_count: account.followers,
      following_count: account.following,
      [context.vocabulary === 'post' ? 'post_count' : 'tweet_count']: context.sim.posts.filter(
        (post) => post.accountId === account.id,
      ).length,
      listed_count: 0,
    }),
  }) as XUserJson;
}

/** The users of `ids` that exist, rendered with `fields` (for `includes.users`). */
export function renderUsers(
  context: XContext,
  ids: Iterable<string>,
  fields: ReadonlySet<string>,
): XUserJson[] {
  return [...ids].flatMap((id) => {
    const account = context.sim.accounts.get(id);
    return account === undefined ? [] : [renderUser(context, account, fields)];
  });
}
