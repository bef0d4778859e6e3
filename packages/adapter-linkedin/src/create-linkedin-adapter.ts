import type { Adapter } from '@smmkit/core';
import { defineAdapter } from '@smmkit/core/adapter-kit';
import { linkedInCapabilities } from './capabilities.js';
import { deleteLinkedInPost } from './delete.js';
import { createLinkedInHttpClient } from './http-client.js';
import { LinkedInPostOptionsSchema } from './post-options.js';
import { publishToLinkedIn } from './publish.js';
import { type LinkedInSettings, resolveLinkedInSettings } from './settings.js';
import { validateLinkedInPost } from './validate.js';

/**
 * A LinkedIn adapter: a core `Adapter` whose always-supported operations are present, so callers
 * need no `?.`.
 */
export type LinkedInAdapter = Adapter & Required<Pick<Adapter, 'delete'>>;

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
  });
  const publishOptions = {
    author: resolved.author,
    baseUrl: resolved.baseUrl,
    polling: { intervalMs: resolved.mediaPollIntervalMs, timeoutMs: resolved.mediaPollTimeoutMs },
  };

  return defineAdapter({
    platform: 'linkedin',
    capabilities,
    postOptions: LinkedInPostOptionsSchema,
    validate: (post, options) => validateLinkedInPost(post, options, capabilities, resolved.author),
    publish: (checked, context) => publishToLinkedIn(http, publishOptions, checked, context),
    delete: (ref, context) => deleteLinkedInPost(http, ref, context),
  });
}
