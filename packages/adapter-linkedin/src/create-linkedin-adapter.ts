import type { Adapter } from '@smmkit/core';
import { defineAdapter } from '@smmkit/core/adapter-kit';
import { linkedInCapabilities } from './capabilities.js';
import { deleteLinkedInPost } from './delete.js';
import { findRecentLinkedInPosts } from './find-recent-posts.js';
import { getLinkedInAudience } from './follower-statistics.js';
import { createLinkedInHttpClient } from './http-client.js';
import { likeOnLinkedIn } from './like.js';
import { listLinkedInEngagements } from './list-engagements.js';
import { getLinkedInAccountMetrics, getLinkedInPostMetrics } from './metrics.js';
import { LinkedInPostOptionsSchema } from './post-options.js';
import { publishToLinkedIn } from './publish.js';
import { replyOnLinkedIn } from './reply.js';
import { type LinkedInSettings, resolveLinkedInSettings } from './settings.js';
import { validateLinkedInPost } from './validate.js';
import { createLinkedInWebhookHandler } from './webhooks.js';

/**
 * A LinkedIn adapter: a core `Adapter` whose always-supported operations are present, so callers
 * need no `?.`. `webhooks` is present when the settings have a `webhookClientSecret`.
 * `getAudience` reads an organization's follower demographics (a member account is refused).
 */
export type LinkedInAdapter = Adapter &
  Required<
    Pick<
      Adapter,
      | 'delete'
      | 'getPostMetrics'
      | 'getAccountMetrics'
      | 'listEngagements'
      | 'reply'
      | 'like'
      | 'findRecentPosts'
      | 'getAudience'
    >
  >;

/**
 * Makes an adapter for LinkedIn's Community Management API (versioned `/rest` endpoints). Every
 * request goes through one HTTP client made here, which sends `LinkedIn-Version` and
 * `X-Restli-Protocol-Version: 2.0.0`; the adapter keeps no tokens and no state between calls.
 * Get tokens with `linkedInAuthorizationUrl` and `exchangeLinkedInCode`.
 *
 * @param settings - version, author, limits and transport; see {@link LinkedInSettings}
 * @returns the adapter
 * @throws ValidationError when a setting is invalid
 *
 * @example
 * ```ts
 * const linkedin = createLinkedInAdapter({ author: 'urn:li:organization:2414183' });
 * const result = await linkedin.publish(
 *   { text: 'We are hiring! #typescript', link: 'https://example.com/jobs', title: 'Join us' },
 *   { account: { platform: 'linkedin', accountId: 'urn:li:organization:2414183' }, tokens },
 * );
 * console.log(result.url); // https://www.linkedin.com/feed/update/urn:li:share:…/
 * ```
 */
export function createLinkedInAdapter(settings: LinkedInSettings = {}): LinkedInAdapter {
  const resolved = resolveLinkedInSettings(settings);
  const http = createLinkedInHttpClient(resolved);
  const capabilities = linkedInCapabilities({
    maxTextLength: resolved.maxTextLength,
    webhooks: resolved.webhookClientSecret !== undefined,
    dailyPostsPerMember: resolved.dailyPostsPerMember,
    dailyPostsPerApp: resolved.dailyPostsPerApp,
    author: resolved.author,
  });
  const { author, webhookClientSecret: secret } = resolved;
  const publishOptions = {
    author,
    baseUrl: resolved.baseUrl,
    polling: { intervalMs: resolved.mediaPollIntervalMs, timeoutMs: resolved.mediaPollTimeoutMs },
  };

  return defineAdapter({
    platform: 'linkedin',
    capabilities,
    postOptions: LinkedInPostOptionsSchema,
    validate: (post, options) => validateLinkedInPost(post, options, capabilities, resolved.author),
    publish: (checked, context) => publishToLinkedIn(http, publishOptions, checked, context),
    delete: (ref, context) => deleteLinkedInPost(http, ref, author, context),
    getPostMetrics: (refs, context) => getLinkedInPostMetrics(http, refs, author, context),
    getAccountMetrics: (context) => getLinkedInAccountMetrics(http, author, context),
    listEngagements: (query, context) => listLinkedInEngagements(http, query, author, context),
    reply: (to, text, context) => replyOnLinkedIn(http, to, text, author, context),
    like: (engagement, liked, context) => likeOnLinkedIn(http, engagement, liked, author, context),
    findRecentPosts: (query, context) => findRecentLinkedInPosts(http, query, author, context),
    getAudience: (context) => getLinkedInAudience(http, author, context),
    ...(secret === undefined
      ? {}
      : {
          webhooks: createLinkedInWebhookHandler(secret, {
            webhookMaxBodyBytes: resolved.webhookMaxBodyBytes,
          }),
        }),
  });
}
