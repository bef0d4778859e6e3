/**
 * The smmkit adapter for X (API v2), built on `@smmkit/core`: publish posts, threads, polls and
 * media (chunked upload with processing), first comments, delete, metrics, mentions, replies and
 * direct messages, reply, hide and like, brand-mention search (recent search), other accounts' public figures and posts (competitors,
 * influencers), reconciliation,
 * rate-limit headers, OAuth 2.0 with PKCE, and Account Activity webhooks. The `./mocks` entry exports an MSW simulator of the X API.
 *
 * @packageDocumentation
 */
export {
  type ExchangeXCodeOptions,
  exchangeXCode,
  type RefreshXTokenOptions,
  type RevokeXTokenOptions,
  refreshXToken,
  revokeXToken,
  X_AUTHORIZE_URL,
  type XAuthorizationUrlOptions,
  type XTokenEndpointOptions,
  xAuthorizationUrl,
} from './auth.js';
export { X_RATE_BUDGETS, xCapabilities } from './capabilities.js';
export { classifyXError, xErrorDetails } from './classify-error.js';
export { countXText, X_URL_LENGTH } from './count-text.js';
export { createXAdapter, type XAdapter } from './create-x-adapter.js';
export {
  type PickedXMetric,
  pickXPostMetrics,
  X_POST_METRIC_FIELDS,
  type XMetricField,
  type XMetricSource,
} from './metric-mapping.js';
export { type XPostOptions, XPostOptionsSchema } from './post-options.js';
export { xPostRef, xPostUrl } from './post-ref.js';
export { parseXRateLimit, xRateLimitBucket } from './rate-limit.js';
export { X_DEFAULTS, X_MAX_UPLOAD_CHUNK_BYTES, type XAccessLevel, type XSettings } from './settings.js';
export { validateXPost } from './validate.js';
export { accountActivityEngagements } from './webhook-payload.js';
export { createXWebhookHandler, type XWebhookOptions } from './webhooks.js';
