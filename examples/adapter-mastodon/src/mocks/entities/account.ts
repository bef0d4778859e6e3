import type { SimulatedAccount } from '@smmkit/testkit';
import { compareIds } from '@smmkit/testkit/simulator-kit';
import type { MastodonContext } from '../context.js';

/** Creation date of accounts stored without `addAccount` (which records the date). */
const FALLBACK_CREATED_AT = Date.UTC(2022, 10, 1);

/** The profile URL Mastodon links to, `https://host/@username` (docs.joinmastodon.org/entities/Account/#url). */
export function accountUrl(context: MastodonContext, account: SimulatedAccount): string {
  return `${context.instanceUrl}/@${account.handle}`;
}

/**
 * An Account (docs.joinmastodon.org/entities/Account/). Counts come from the simulator's state:
 * `statuses_count` and `last_status_at` from the account's stored statuses, followers from
 * `SimulatedAccount.followers`. Avatars and headers are Mastodon's "missing" images.
 */
export function renderAccount(context: MastodonContext, account: SimulatedAccount) {
  const statuses = context.sim.posts.filter((post) => post.accountId === account.id);
  const latest = statuses.sort((a, b) => compareIds(a.id, b.id)).at(-1);
  const createdAt = account.createdAt ?? FALLBACK_CREATED_AT;
  return {
    id: account.id,
    username: account.handle,
    acct: account.handle,
    url: accountUrl(context, account),
    uri: `${context.instanceUrl}/users/${account.handle}`,
    display_name: account.displayName,
    note: '',
    avatar: `${context.instanceUrl}/avatars/original/missing.png`,
    avatar_static: `${context.instanceUrl}/avatars/original/missing.png`,
    header: `${context.instanceUrl}/headers/original/missing.png`,
    header_static: `${context.instanceUrl}/headers/original/missing.png`,
    locked: false,
    fields: [],
    emojis: [],
    bot: false,
    group: false,
    discoverable: true,
    indexable: true,
    noindex: false,
    hide_collections: false,
    // REST::AccountSerializer: `created_at.midnight`, and `last_status_at` as a date only.
    created_at: `${new Date(createdAt).toISOString().slice(0, 10)}T00:00:00.000Z`,
    last_status_at: latest === undefined ? null : new Date(latest.createdAt).toISOString().slice(0, 10),
    statuses_count: statuses.length,
    followers_count: account.followers,
    following_count: account.following,
    roles: [],
  };
}

/**
 * The authenticated user's Account with `source` and `role`, as
 * GET /api/v1/accounts/verify_credentials returns it (docs.joinmastodon.org/methods/accounts/#verify_credentials).
 */
export function renderCredentialAccount(context: MastodonContext, account: SimulatedAccount) {
  return {
    ...renderAccount(context, account),
    source: {
      privacy: 'public',
      sensitive: false,
      language: null,
      note: '',
      fields: [],
      follow_requests_count: 0,
    },
    role: { id: '-99', name: '', permissions: '65536', color: '', highlighted: false },
  };
}
