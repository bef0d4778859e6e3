import type { Adapter } from '@smmkit/core';
import { defineAdapter } from '@smmkit/core/adapter-kit';
import { xCapabilities } from './capabilities.js';
import { deleteXPost } from './delete.js';
import { findRecentXPosts } from './find-recent-posts.js';
import { hideXReply } from './hide.js';
import { createXHttpClient } from './http-client.js';
import { likeOnX } from './like.js';
import { listXEngagements } from './list-engagements.js';
import { lookupXPublicAccount } from './lookup-public-account.js';
import { getXAccountMetrics, getXPostMetrics } from './metrics.js';
import { XPostOptionsSchema } from './post-options.js';
import { publishToX } from './publish.js';
import { replyOnX } from './reply.js';
import { searchXMentions } from './search-mentions.js';
import { MAX_SEARCH_QUERY_LENGTH, resolveXSettings, X_DEFAULTS, type XSettings } from './settings.js';
import { validateXPost } from './validate.js';
import { createXWebhookHandler } from './webhooks.js';

/**
 * An X adapter: a core `Adapter` whose always-supported operations are present, so callers need
 * no `?.`. `webhooks` is present when the settings have a `webhookConsumerSecret`, `like` with
 * `access: 'enterprise'` (self-serve access cannot like through the API).
 */
export type XAdapter = Adapter &
  Required<
    Pick<
      Adapter,
      | 'delete'
      | 'getPostMetrics'
      | 'getAccountMetrics'
      | 'listEngagements'
      | 'reply'
      | 'hide'
      | 'searchMentions'
      | 'lookupPublicAccount'
      | 'findRecentPosts'
    >
  >;

/**
 * Makes an adapter for X (API v2). Every request goes through one HTTP client made here, with the
 * context of the call (tokens, signal, clock, rate-limit listener); the adapter keeps no tokens
 * and no state between calls. Get tokens with `xAuthorizationUrl`, `exchangeXCode` and
 * `refreshXToken`.
 *
 * @param settings - optional limits and transport; see {@link XSettings}
 * @returns the adapter
 * @throws ValidationError when a setting is invalid
 *
 * @example
 * ```ts
 * const x = createXAdapter({ username: 'XDevelopers' });
 * const result = await x.publish(
 *   { text: 'Hello from smmkit', options: { x: { reply_settings: 'following' } } },
 *   { account: { platform: 'x', accountId: '2244994945', handle: 'XDevelopers' }, tokens },
 * );
 * console.log(result.url); // https://x.com/XDevelopers/status/…
 * ```
 */
export function createXAdapter(settings: XSettings = {}): XAdapter {
  const resolved = resolveXSettings(settings);
  const http = createXHttpClient(resolved);
  const secret = resolved.webhookConsumerSecret;
  const capabilities = xCapabilities({
    maxTextLength: resolved.maxTextLength,
    webhooks: secret !== undefined,
    access: resolved.access,
  });
  // The access level's longest search query unless set: 4,096 for Enterprise, else 512.
  const searchQueryMaxLength =
    resolved.searchQueryMaxLength ??
    (resolved.access === 'enterprise' ? MAX_SEARCH_QUERY_LENGTH : X_DEFAULTS.searchQueryMaxLength);
  const publishOptions = {
    chunkBytes: resolved.uploadChunkBytes,
    pollTimeoutMs: resolved.mediaPollTimeoutMs,
    username: resolved.username,
  };

  return defineAdapter({
    platform: 'x',
    capabilities,
    postOptions: XPostOptionsSchema,
    validate: (post, options) => validateXPost(post, options, capabilities, resolved.access),
    publish: (checked, context) => publishToX(http, publishOptions, checked, context),
    delete: (ref, context) => deleteXPost(http, ref, context),
    getPostMetrics: (refs, context) => getXPostMetrics(http, refs, context),
    getAccountMetrics: (context) => getXAccountMetrics(http, context),
    listEngagements: (query, context) => listXEngagements(http, query, context),
    reply: (to, text, context) =>
      replyOnX(http, to, text, context, {
        maxTextLength: capabilities.text.maxLength,
        access: resolved.access,
      }),
    hide: (engagement, hidden, context) => hideXReply(http, engagement, hidden, context),
    // Likes need Enterprise access (see XSettings.access).
    ...(resolved.access === 'enterprise'
      ? { like: (engagement, liked, context) => likeOnX(http, engagement, liked, context) }
      : {}),
    searchMentions: (query, context) => searchXMentions(http, query, context, searchQueryMaxLength),
    lookupPublicAccount: (query, context) => lookupXPublicAccount(http, query, context),
    findRecentPosts: (query, context) => findRecentXPosts(http, query, context, resolved.username),
    ...(secret === undefined
      ? {}
      : { webhooks: createXWebhookHandler(secret, { maxBodyBytes: resolved.webhookMaxBodyBytes }) }),
  });
}
