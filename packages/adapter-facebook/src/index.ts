/**
 * The smmkit adapter for Facebook Pages (Graph API), built on `@smmkit/core` and
 * `@smmkit/graph-api`: text, link, photo and multi-photo posts (photos by URL or uploaded), videos
 * (by URL or resumable upload) and reels to a Page with the Page token, a first comment, native
 * scheduling 10 minutes to 30 days ahead, delete and reconciliation of recent posts; Facebook
 * Login for Pages and a token provider that finds the Page token from the user's. The `./mocks`
 * entry exports an MSW simulator.
 *
 * @example
 * ```ts
 * import { createFacebookAdapter } from '@smmkit/adapter-facebook';
 *
 * const facebook = createFacebookAdapter();
 * ```
 *
 * @packageDocumentation
 */
export {
  type DiscoverFacebookPagesOptions,
  discoverFacebookPages,
  type FacebookPageAccess,
} from './auth/discover-facebook-pages.js';
export {
  exchangeFacebookCode,
  exchangeFacebookToken,
  FACEBOOK_PAGE_SCOPES,
  type FacebookPagesAuthorizationUrlOptions,
  facebookLoginAuthorizationUrl,
} from './auth/facebook-login.js';
export { FACEBOOK_MAX_PHOTOS, facebookCapabilities } from './capabilities.js';
export { createFacebookAdapter, type FacebookAdapter } from './create-facebook-adapter.js';
export { type FacebookPageTokensOptions, facebookPageTokens } from './page-tokens.js';
export { type FacebookPostOptions, FacebookPostOptionsSchema } from './post-options.js';
export {
  FACEBOOK_DEFAULTS,
  type FacebookSettings,
  type ResolvedFacebookSettings,
  resolveFacebookSettings,
} from './settings.js';
export { validateFacebookPost } from './validate.js';
export { facebookWebhookEngagements } from './webhook-payload.js';
export { createFacebookWebhookHandler, type FacebookWebhookOptions } from './webhooks.js';
