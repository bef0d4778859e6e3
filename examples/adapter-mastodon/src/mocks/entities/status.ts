import type { SimulatedPost } from '@smmkit/testkit';
import { growingCount } from '@smmkit/testkit/simulator-kit';
import { isDistributable, localAccount, type MastodonContext, statusExtra } from '../context.js';
import { hashtagsOf, statusHtml, type TextRenderer } from '../status-text.js';
import { accountUrl, renderAccount } from './account.js';
import { renderMediaAttachment } from './media-attachment.js';

/** Boosts per hour a fresh public status collects (the simulated audience). */
export const REBLOGS_PER_HOUR = 6;
/** Favourites per hour a fresh status collects (the simulated audience). */
export const FAVOURITES_PER_HOUR = 20;

/** Options of {@link renderStatus}. */
export interface RenderStatusOptions {
  /** The account asking, for the owner-only fields (`application`, `pinned`, poll `voted`). */
  readonly viewerId: string;
  /** Simulated now, for growing counts and processing media. */
  readonly now: number;
  /**
   * Return the plain-text source `text` instead of the HTML `content`, as the answer to
   * DELETE /api/v1/statuses/:id does (docs.joinmastodon.org/methods/statuses/#delete).
   */
  readonly source?: boolean | undefined;
}

/**
 * A Status (docs.joinmastodon.org/entities/Status/) for a stored post. `replies_count` is the
 * number of public and unlisted replies in the simulator's state (Mastodon only counts
 * distributable replies); `reblogs_count` and `favourites_count` grow with simulated time, and
 * `favourites_count` counts the simulator's own favourites too (`favourited` is the viewer's).
 */
export function renderStatus(context: MastodonContext, post: SimulatedPost, options: RenderStatusOptions) {
  const { viewerId, now } = options;
  const extra = statusExtra(post);
  const author = context.sim.accounts.get(post.accountId);
  const username = author?.handle ?? `account${post.accountId}`;
  const own = post.accountId === viewerId;
  const parent = post.inReplyToId === undefined ? undefined : context.sim.posts.get(post.inReplyToId);
  const age = now - post.createdAt;
  const distributable = isDistributable(post);
  const replies = context.sim.posts.filter(
    (reply) => reply.inReplyToId === post.id && isDistributable(reply),
  );
  // The HTML `content`, or the plain-text source `text` in the answer to DELETE (entities/Status/#text).
  const body: { readonly content?: string; readonly text?: string } =
    options.source === true ? { text: post.text } : { content: statusHtml(post.text, textRenderer(context)) };
  return {
    id: post.id,
    created_at: new Date(post.createdAt).toISOString(),
    in_reply_to_id: post.inReplyToId ?? null,
    in_reply_to_account_id: extra.inReplyToAccountId ?? parent?.accountId ?? null,
    sensitive: extra.sensitive,
    spoiler_text: extra.spoilerText,
    visibility: extra.visibility,
    language: extra.language,
    uri: `${context.instanceUrl}/users/${username}/statuses/${post.id}`,
    url: `${context.instanceUrl}/@${username}/${post.id}`,
    replies_count: replies.length,
    // Private and direct statuses cannot be boosted.
    reblogs_count: distributable ? growingCount(post.id, 'reblogs', age, REBLOGS_PER_HOUR) : 0,
    favourites_count:
      growingCount(post.id, 'favourites', age, FAVOURITES_PER_HOUR) + context.sim.likes.of(post.id).length,
    edited_at: null,
    favourited: context.sim.likes.has(post.id, viewerId),
    reblogged: false,
    muted: false,
    bookmarked: false,
    // `pinned` only appears on the viewer's own pinnable (public or unlisted) statuses.
    ...(own && distributable ? { pinned: false } : {}),
    ...body,
    filtered: [],
    reblog: null,
    // The posting application is shown on one's own statuses (REST::StatusSerializer#show_application?).
    ...(own ? { application: { name: 'smmkit', website: null } } : {}),
    // A post stored by another tool for an account the simulator does not know gets a stand-in.
    account: renderAccount(
      context,
      author ?? { id: post.accountId, handle: username, displayName: username, followers: 0, following: 0 },
    ),
    media_attachments: post.media.map((media) => renderMediaAttachment(context, media)),
    mentions: extra.mentions
      .flatMap((mention) => context.sim.accounts.get(mention.accountId) ?? [])
      .map((account) => ({
        id: account.id,
        username: account.handle,
        url: accountUrl(context, account),
        acct: account.handle,
      })),
    tags: [...hashtagsOf(post.text)].map((name) => ({
      name,
      url: `${context.instanceUrl}/tags/${encodeURIComponent(name)}`,
    })),
    emojis: [],
    card: null,
    poll: renderPoll(post, own, now),
  };
}

/** Resolves `@user` and `@user@this-host` to local accounts, for content HTML. */
function textRenderer(context: MastodonContext): TextRenderer {
  return {
    instanceUrl: context.instanceUrl,
    resolveMention(username, domain) {
      const account = localAccount(context, username, domain);
      return account && { username: account.handle, url: accountUrl(context, account) };
    },
  };
}

/** docs.joinmastodon.org/entities/Poll/: no votes yet; the author counts as having voted. */
function renderPoll(post: SimulatedPost, own: boolean, now: number) {
  const poll = statusExtra(post).poll;
  if (poll === undefined || post.pollOptions === undefined) return null;
  const expired = now >= poll.expiresAt;
  const hidden = poll.hideTotals && !expired && !own;
  return {
    id: poll.id,
    expires_at: new Date(poll.expiresAt).toISOString(),
    expired,
    multiple: poll.multiple,
    votes_count: 0,
    voters_count: 0,
    voted: own,
    own_votes: [],
    options: post.pollOptions.map((title) => ({ title, votes_count: hidden ? null : 0 })),
    emojis: [],
  };
}
