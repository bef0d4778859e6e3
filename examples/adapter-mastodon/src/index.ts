/**
 * A complete smmkit adapter for Mastodon's REST API, built only on `@smmkit/core`: publish
 * (media, polls, threads, first comment, idempotency keys), delete, metrics, mentions and
 * replies, other accounts' public figures, reconciliation and OAuth with PKCE. It is the template for third-party adapters.
 *
 * @packageDocumentation
 */
export {
  type ExchangeMastodonCodeOptions,
  exchangeMastodonCode,
  type MastodonAuthorizationUrlOptions,
  mastodonAuthorizationUrl,
} from './auth.js';
export { mastodonCapabilities } from './capabilities.js';
export { classifyMastodonError, mastodonErrorDetails } from './classify-error.js';
export { countStatusLength, MASTODON_URL_LENGTH } from './count-status-length.js';
export { createMastodonAdapter, type MastodonAdapter } from './create-mastodon-adapter.js';
export { htmlToPlainText } from './html-to-text.js';
export { type MastodonPostOptions, MastodonPostOptionsSchema } from './post-options.js';
export { parseMastodonRateLimit } from './rate-limit.js';
export type {
  MastodonAccount,
  MastodonAccountWithCounts,
  MastodonContext,
  MastodonMediaAttachment,
  MastodonNotification,
  MastodonStatus,
  MastodonToken,
} from './schemas.js';
export { MASTODON_DEFAULTS, type MastodonSettings } from './settings.js';
export { validateMastodonPost } from './validate.js';
