import type {
  Adapter,
  Engagement,
  MentionSearchQuery,
  PublicAccountQuery,
  RequestContext,
} from '@smmkit/core';
import { defineAdapter } from '@smmkit/core/adapter-kit';
import { deleteGraphComment, hideGraphComment } from '@smmkit/graph-api';
import { lookupInstagramAccount } from './business-discovery.js';
import { instagramCapabilities } from './capabilities.js';
import { findRecentInstagramPosts } from './find-recent-posts.js';
import { getInstagramAudience } from './follower-demographics.js';
import { InstagramHashtagDirectory } from './hashtag-directory.js';
import { createInstagramHttpClient } from './http-client.js';
import { listInstagramEngagements } from './list-engagements.js';
import { resolveInstagramMention } from './mentions.js';
import { getInstagramAccountMetrics, getInstagramPostMetrics } from './metrics.js';
import { InstagramPostOptionsSchema } from './post-options.js';
import { publishToInstagram } from './publish.js';
import { replyOnInstagram } from './reply.js';
import { searchInstagramMentions } from './search-mentions.js';
import { type InstagramSettings, resolveInstagramSettings } from './settings.js';
import { validateInstagramPost } from './validate.js';
import { createInstagramWebhookHandler } from './webhooks.js';

/**
 * An Instagram adapter: a core `Adapter` whose always-supported operations are present, so
 * callers need no `?.`. `webhooks` is present when the settings have an `appSecret`, and
 * `searchMentions` (hashtag search) and `lookupPublicAccount` (business discovery) with the
 * `facebook` host, Facebook Login's.
 */
export type InstagramAdapter = Adapter &
  Required<
    Pick<
      Adapter,
      | 'getPostMetrics'
      | 'getAccountMetrics'
      | 'listEngagements'
      | 'reply'
      | 'hide'
      | 'deleteEngagement'
      | 'findRecentPosts'
      | 'getAudience'
    >
  > & {
    /**
     * Fills in a mention from a `mentions` webhook (which names only the media and comment) with
     * its author, text and time, through the `mentioned_comment` / `mentioned_media` lookups;
     * see mentions.ts.
     *
     * @example
     * ```ts
     * const full = await instagram.resolveMention(mention, ctx);
     * ```
     */
    resolveMention(mention: Engagement, context: RequestContext): Promise<Engagement>;
  };

/**
 * Makes an adapter for Instagram professional accounts (Graph API). Every request goes through
 * one HTTP client made here (Bearer token, Graph error taxonomy, usage headers), with the
 * context of the call; the adapter keeps no tokens, and no state between calls but the hashtag
 * ids it looked up and the hashtags each account queried this week (see `searchMentions`).
 * `getAudience` reads the account's follower demographics and `lookupPublicAccount` another
 * professional account's public figures (business discovery). The context's
 * `account.accountId` is the IG user id (see `discoverInstagramAccounts`). Get tokens with the
 * auth helpers (auth.ts).
 *
 * @param settings - host, version, polling, transport and webhook secrets; see {@link InstagramSettings}
 * @returns the adapter
 * @throws ValidationError when a setting is invalid
 *
 * @example
 * ```ts
 * const instagram = createInstagramAdapter({ host: 'instagram' });
 * const result = await instagram.publish(
 *   { text: 'Hello', media: [{ kind: 'image', mimeType: 'image/jpeg', source: { type: 'url', url: 'https://cdn.example.com/a.jpg' } }] },
 *   { account: { platform: 'instagram', accountId: '17841400000000000' }, tokens },
 * );
 * ```
 */
export function createInstagramAdapter(settings: InstagramSettings = {}): InstagramAdapter {
  const resolved = resolveInstagramSettings(settings);
  const http = createInstagramHttpClient(resolved);
  const secret = resolved.appSecret;
  const capabilities = instagramCapabilities({ webhooks: secret !== undefined, host: resolved.host });
  const hashtags = new InstagramHashtagDirectory();
  const publishOptions = {
    graphVersion: resolved.graphVersion,
    origin: resolved.origin,
    ruploadOrigin: resolved.ruploadOrigin,
    pollIntervalMs: resolved.containerPollIntervalMs,
    pollTimeoutMs: resolved.containerPollTimeoutMs,
  };

  return defineAdapter({
    platform: 'instagram',
    capabilities,
    postOptions: InstagramPostOptionsSchema,
    validate: (post, options) => validateInstagramPost(post, options, capabilities),
    publish: (checked, context) => publishToInstagram(http, publishOptions, checked, context),
    getPostMetrics: (refs, context) => getInstagramPostMetrics(http, refs, context),
    getAccountMetrics: (context) => getInstagramAccountMetrics(http, context),
    listEngagements: (query, context) => listInstagramEngagements(http, query, context),
    reply: (to, text, context) => replyOnInstagram(http, to, text, context),
    hide: (engagement, hidden, context) => hideGraphComment(http, 'instagram', engagement, hidden, context),
    deleteEngagement: (engagement, context) => deleteGraphComment(http, 'instagram', engagement, context),
    findRecentPosts: (query, context) => findRecentInstagramPosts(http, query, context),
    getAudience: (context) => getInstagramAudience(http, context),
    ...(capabilities.research?.publicAccounts === true
      ? {
          lookupPublicAccount: (query: PublicAccountQuery, context: RequestContext) =>
            lookupInstagramAccount(http, query, context),
        }
      : {}),
    resolveMention: (mention: Engagement, context: RequestContext) =>
      resolveInstagramMention(http, mention, context),
    ...(capabilities.engagement.search === false
      ? {}
      : {
          searchMentions: (query: MentionSearchQuery, context: RequestContext) =>
            searchInstagramMentions(http, hashtags, query, context),
        }),
    ...(secret === undefined
      ? {}
      : {
          webhooks: createInstagramWebhookHandler({
            appSecret: secret,
            verifyToken: resolved.webhookVerifyToken,
            maxBodyBytes: resolved.webhookMaxBodyBytes,
          }),
        }),
  });
}
