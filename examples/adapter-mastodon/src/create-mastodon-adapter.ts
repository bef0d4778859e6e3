import type { Adapter } from '@smmkit/core';
import { defineAdapter } from '@smmkit/core/adapter-kit';
import { mastodonCapabilities } from './capabilities.js';
import { deleteStatus } from './delete.js';
import { findRecentMastodonPosts } from './find-recent-posts.js';
import { createMastodonHttpClient } from './http-client.js';
import { likeOnMastodon } from './like.js';
import { listMastodonEngagements } from './list-engagements.js';
import { lookupMastodonPublicAccount } from './lookup-public-account.js';
import { getMastodonAccountMetrics, getMastodonPostMetrics } from './metrics.js';
import { MastodonPostOptionsSchema } from './post-options.js';
import { publishToMastodon } from './publish.js';
import { replyOnMastodon } from './reply.js';
import { searchMastodonMentions } from './search-mentions.js';
import { type MastodonSettings, resolveMastodonSettings } from './settings.js';
import { validateMastodonPost } from './validate.js';

/** The operations a Mastodon adapter always has, beyond the required ones. */
type MastodonOperations =
  | 'delete'
  | 'getPostMetrics'
  | 'getAccountMetrics'
  | 'listEngagements'
  | 'reply'
  | 'like'
  | 'searchMentions'
  | 'lookupPublicAccount'
  | 'findRecentPosts';

/**
 * A Mastodon adapter: an {@link Adapter} whose optional operations it supports are always
 * present, so callers need no `?.`.
 */
export type MastodonAdapter = Adapter & Required<Pick<Adapter, MastodonOperations>>;

/**
 * Makes an adapter for one Mastodon server. Every request goes through one HTTP client made
 * here, with the context of the call (tokens, signal, rate-limit listener); the adapter keeps
 * no tokens and no state between calls.
 *
 * @param settings - the server's URL and optional limits; see {@link MastodonSettings}
 * @returns the adapter
 * @throws ValidationError when a setting is invalid
 *
 * @example
 * ```ts
 * const mastodon = createMastodonAdapter({ instanceUrl: 'https://mastodon.social' });
 * const result = await mastodon.publish(
 *   { text: 'Hello, fediverse!', options: { mastodon: { visibility: 'unlisted' } } },
 *   {
 *     account: { platform: 'mastodon', accountId: '109000000000000000' },
 *     tokens: staticTokenProvider(process.env.MASTODON_TOKEN ?? ''),
 *     idempotencyKey: crypto.randomUUID(),
 *   },
 * );
 * console.log(result.url);
 * ```
 */
export function createMastodonAdapter(settings: MastodonSettings): MastodonAdapter {
  const resolved = resolveMastodonSettings(settings);
  const http = createMastodonHttpClient(resolved);
  const capabilities = mastodonCapabilities(resolved);
  const polling = { intervalMs: resolved.mediaPollIntervalMs, timeoutMs: resolved.mediaPollTimeoutMs };

  return defineAdapter({
    platform: 'mastodon',
    capabilities,
    postOptions: MastodonPostOptionsSchema,
    validate: (post, options) => validateMastodonPost(post, options, capabilities),
    publish: (checked, context) => publishToMastodon(http, polling, checked, context),
    delete: (ref, context) => deleteStatus(http, ref, context),
    getPostMetrics: (refs, context) => getMastodonPostMetrics(http, refs, context),
    getAccountMetrics: (context) => getMastodonAccountMetrics(http, context),
    listEngagements: (query, context) => listMastodonEngagements(http, query, context),
    reply: (to, text, context) => replyOnMastodon(http, to, text, context),
    like: (engagement, liked, context) => likeOnMastodon(http, engagement, liked, context),
    searchMentions: (query, context) => searchMastodonMentions(http, query, context),
    lookupPublicAccount: (query, context) => lookupMastodonPublicAccount(http, query, context),
    findRecentPosts: (query, context) => findRecentMastodonPosts(http, query, context),
  });
}
