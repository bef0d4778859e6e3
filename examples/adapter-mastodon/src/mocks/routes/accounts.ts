import { readParams } from '@smmkit/testkit/simulator-kit';
import { canSee, localAccount, type MastodonContext, statusExtra } from '../context.js';
import { renderAccount, renderCredentialAccount } from '../entities/account.js';
import { renderStatus } from '../entities/status.js';
import { mastodonError, RECORD_NOT_FOUND } from '../errors.js';
import { pagedJson } from '../pagination.js';
import { paramBoolean } from '../request-params.js';

/** Declares the accounts endpoints: verify_credentials, lookup, view, and an account's statuses. */
export function registerAccountRoutes(context: MastodonContext): void {
  const { sim } = context;

  // docs.joinmastodon.org/methods/accounts/#verify_credentials — the token's own account with
  // `source` and `role`. Declared before /:id, which would otherwise match "verify_credentials".
  sim.route('GET', '/api/v1/accounts/verify_credentials', { bucket: 'api' }, ({ accountId }) => {
    const account = sim.accounts.get(accountId);
    if (account === undefined) return mastodonError(404, RECORD_NOT_FOUND);
    return Response.json(renderCredentialAccount(context, account));
  });

  // https://docs.joinmastodon.org/methods/accounts/#lookup — the account with `acct` (`username`, or
  // `username@domain` where the domain is this server's: the simulator federates with no other), without
  // WebFinger; public, no token needed; 404 "Record not found" for an unknown one (and, ASSUMED, for a
  // missing `acct`). Usernames match regardless of case. Declared before /:id, which would match "lookup".
  sim.route('GET', '/api/v1/accounts/lookup', { bucket: 'api', auth: false }, async ({ request }) => {
    const acct = (await readParams(request)).string('acct')?.replace(/^@/, '') ?? '';
    const [username = '', domain] = acct.split('@');
    const account = localAccount(context, username, domain);
    if (account === undefined) return mastodonError(404, RECORD_NOT_FOUND);
    return Response.json(renderAccount(context, account));
  });

  // docs.joinmastodon.org/methods/accounts/#get — 404 "Record not found" for an unknown id.
  sim.route('GET', '/api/v1/accounts/:id', { bucket: 'api' }, ({ params }) => {
    const account = sim.accounts.get(String(params.id));
    if (account === undefined) return mastodonError(404, RECORD_NOT_FOUND);
    return Response.json(renderAccount(context, account));
  });

  // docs.joinmastodon.org/methods/accounts/#statuses — newest first, the statuses the viewer may
  // see. Api::V1::Accounts::StatusesController only links `next` when the page is full
  // (`records_continue?`), and `prev` whenever it is not empty.
  sim.route(
    'GET',
    '/api/v1/accounts/:id/statuses',
    { bucket: 'api' },
    async ({ params, request, url, accountId, now }) => {
      const account = sim.accounts.get(String(params.id));
      if (account === undefined) return mastodonError(404, RECORD_NOT_FOUND);
      const query = await readParams(request);
      // `exclude_replies` keeps self-replies (threads), as Status.without_replies does; `only_media`
      // keeps statuses with attachments; nothing is pinned in the simulator.
      const excludeReplies = paramBoolean(query, 'exclude_replies') === true;
      const onlyMedia = paramBoolean(query, 'only_media') === true;
      const pinned = paramBoolean(query, 'pinned') === true;
      const statuses = sim.posts.filter((post) => {
        if (post.accountId !== account.id || !canSee(post, accountId) || pinned) return false;
        if (onlyMedia && post.media.length === 0) return false;
        return (
          !excludeReplies ||
          post.inReplyToId === undefined ||
          statusExtra(post).inReplyToAccountId === account.id
        );
      });
      return pagedJson(statuses, url, query, {
        // docs.joinmastodon.org/methods/accounts/#statuses: "Defaults to 20 statuses. Max 40 statuses."
        defaultLimit: 20,
        keep: ['limit', 'only_media', 'exclude_replies', 'exclude_reblogs', 'pinned'],
        nextOnlyWhenFull: true,
        render: (post) => renderStatus(context, post, { viewerId: accountId, now }),
      });
    },
  );
}
