import type { Adapter } from '@smmkit/core';
import { defineAdapter } from '@smmkit/core/adapter-kit';
import { deleteGraphComment, hideGraphComment } from '@smmkit/graph-api';
import { facebookCapabilities } from './capabilities.js';
import { deleteFacebookPost } from './delete.js';
import { likeOnFacebook } from './engagement/like.js';
import { listFacebookEngagements } from './engagement/list-engagements.js';
import { replyOnFacebook } from './engagement/reply.js';
import { findRecentFacebookPosts } from './find-recent-posts.js';
import { createFacebookHttpClient } from './http-client.js';
import { getFacebookAccountMetrics, getFacebookPostMetrics } from './metrics.js';
import { FacebookPostOptionsSchema } from './post-options.js';
import { facebookPublishOptions, publishToFacebook } from './publish.js';
import { type FacebookSettings, resolveFacebookSettings } from './settings.js';
import { validateFacebookPost } from './validate.js';
import { createFacebookWebhookHandler } from './webhooks.js';

/** A Facebook Pages adapter: a core `Adapter` whose supported operations are present, so callers need no `?.`. */
export type FacebookAdapter = Adapter &
  Required<
    Pick<
      Adapter,
      | 'delete'
      | 'findRecentPosts'
      | 'getPostMetrics'
      | 'getAccountMetrics'
      | 'listEngagements'
      | 'reply'
      | 'hide'
      | 'like'
      | 'deleteEngagement'
    >
  >;

/**
 * Makes an adapter for Facebook Pages (Graph API). The context's `account.accountId` is the Page
 * id and its tokens give the Page access token. Every request goes through one HTTP client made
 * here (Bearer token, Graph error taxonomy, usage headers); the adapter keeps no state.
 *
 * @param settings - version, base URL, transport and webhook secrets; see {@link FacebookSettings}
 * @returns the adapter
 * @throws ValidationError when a setting is invalid
 *
 * @example
 * ```ts
 * const facebook = createFacebookAdapter();
 * await facebook.publish({ text: 'Hello' }, { account: { platform: 'facebook', accountId: '1234567890' }, tokens });
 * ```
 */
export function createFacebookAdapter(settings: FacebookSettings = {}): FacebookAdapter {
  const resolved = resolveFacebookSettings(settings);
  const http = createFacebookHttpClient(resolved);
  const publishing = facebookPublishOptions(resolved);
  const secret = resolved.appSecret;
  const capabilities = facebookCapabilities({ webhooks: secret !== undefined });
  return defineAdapter({
    platform: 'facebook',
    capabilities,
    postOptions: FacebookPostOptionsSchema,
    validate: (post, options) => validateFacebookPost(post, options, capabilities),
    publish: (checked, context) => publishToFacebook(http, publishing, checked, context),
    delete: (ref, context) => deleteFacebookPost(http, ref, context),
    findRecentPosts: (query, context) => findRecentFacebookPosts(http, query, context),
    getPostMetrics: (refs, context) => getFacebookPostMetrics(http, refs, context),
    getAccountMetrics: (context) => getFacebookAccountMetrics(http, context),
    listEngagements: (query, context) => listFacebookEngagements(http, query, context),
    reply: (to, text, context) => replyOnFacebook(http, to, text, context),
    hide: (engagement, hidden, context) => hideGraphComment(http, 'facebook', engagement, hidden, context),
    deleteEngagement: (engagement, context) => deleteGraphComment(http, 'facebook', engagement, context),
    like: (engagement, liked, context) => likeOnFacebook(http, engagement, liked, context),
    ...(secret === undefined
      ? {}
      : {
          webhooks: createFacebookWebhookHandler({
            appSecret: secret,
            verifyToken: resolved.webhookVerifyToken,
            maxBodyBytes: resolved.webhookMaxBodyBytes,
          }),
        }),
  });
}
