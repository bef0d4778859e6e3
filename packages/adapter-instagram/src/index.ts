/**
 * The smmkit adapter for Instagram professional accounts (Graph API), built on `@smmkit/core`:
 * images, carousels, reels and stories through media containers (URL or resumable video
 * upload, status polling), the live publishing quota, first comments, media insights and
 * account counts, comments, replies and mentions (reply, hide, delete), reconciliation,
 * Facebook Login and Instagram Login token helpers, and webhooks. What every Graph platform
 * shares (error bodies, usage headers, webhook signatures, Facebook Login, token exchange) comes
 * from `@smmkit/graph-api`. The `./mocks` entry exports an MSW simulator of the Instagram Graph API.
 *
 * @packageDocumentation
 */
export {
  type DiscoverInstagramAccountsOptions,
  discoverInstagramAccounts,
  type InstagramAccountLink,
} from './auth/discover-instagram-accounts.js';
export {
  exchangeFacebookCode,
  exchangeFacebookToken,
  facebookLoginAuthorizationUrl,
} from './auth/facebook-login.js';
export {
  type ExchangeInstagramCodeOptions,
  type ExchangeInstagramTokenOptions,
  exchangeInstagramCode,
  exchangeInstagramToken,
  INSTAGRAM_LOGIN_AUTHORIZE_URL,
  INSTAGRAM_LOGIN_TOKEN_URL,
  type InstagramCodeGrant,
  type InstagramLoginAuthorizationUrlOptions,
  instagramLoginAuthorizationUrl,
  type RefreshInstagramTokenOptions,
  refreshInstagramToken,
} from './auth/instagram-login.js';
export {
  INSTAGRAM_CONTAINER_BUCKET,
  INSTAGRAM_GRAPH_BUCKET,
  INSTAGRAM_PUBLISH_BUCKET,
  INSTAGRAM_RATE_BUDGETS,
  instagramCapabilities,
} from './capabilities.js';
export { classifyInstagramError } from './classify-error.js';
export { createInstagramAdapter, type InstagramAdapter } from './create-instagram-adapter.js';
export { INSTAGRAM_RECENT_MEDIA_FOR_COMMENTS } from './list-engagements.js';
export { INSTAGRAM_ACCOUNT_METRICS, INSTAGRAM_MEDIA_METRICS } from './metric-mapping.js';
export { type InstagramPostOptions, InstagramPostOptionsSchema } from './post-options.js';
export { instagramPostRef } from './post-ref.js';
export { type InstagramPublishKind, instagramPublishKind } from './publish-format.js';
export {
  INSTAGRAM_DEFAULTS,
  INSTAGRAM_HOSTS,
  type InstagramHost,
  type InstagramSettings,
} from './settings.js';
export { validateInstagramPost } from './validate.js';
export { instagramWebhookEngagements } from './webhook-payload.js';
export { createInstagramWebhookHandler, type InstagramWebhookOptions } from './webhooks.js';
