/**
 * The smmkit adapter for TikTok (Content Posting API and Display API), built on `@smmkit/core`:
 * direct video posts (uploaded in TikTok's chunks or pulled from a verified URL) after the
 * creator-info checks TikTok requires, photo posts, inbox drafts, status polling with a "published,
 * public id pending" outcome and a later lookup, cancel, Display API metrics, reconciliation reads,
 * TikTok's error codes with their `log_id`, and declared per-minute budgets. The `./mocks` entry
 * exports an MSW simulator of the API.
 *
 * @packageDocumentation
 */
export {
  type ExchangeTikTokCodeOptions,
  exchangeTikTokCode,
  type RefreshTikTokTokenOptions,
  refreshTikTokToken,
  TIKTOK_AUTHORIZE_URL,
  TIKTOK_TOKEN_URL,
  type TikTokAuthorizationUrlOptions,
  type TikTokTokenEndpointOptions,
  type TikTokTokenSet,
  tiktokAuthorizationUrl,
} from './auth.js';
export {
  TIKTOK_BUCKETS,
  type TikTokCapabilitySettings,
  tiktokCapabilities,
  tiktokRateBudgets,
} from './capabilities.js';
export {
  MAX_CHUNK_BYTES,
  MAX_CHUNK_COUNT,
  MAX_FINAL_CHUNK_BYTES,
  MIN_CHUNK_BYTES,
  type TikTokChunk,
  type TikTokChunkPlan,
  tiktokChunkPlan,
} from './chunk-plan.js';
export { classifyTikTokError, tiktokErrorDetails } from './classify-error.js';
export { createTikTokAdapter, type TikTokAdapter } from './create-tiktok-adapter.js';
export { exactPublicIds } from './exact-public-ids.js';
export { VIDEO_QUERY_MAX_IDS } from './metrics.js';
export {
  TIKTOK_PRIVACY_LEVELS,
  type TikTokPostOptions,
  TikTokPostOptionsSchema,
  type TikTokPrivacyLevel,
} from './post-options.js';
export { isTikTokPublicId, tiktokPostUrl } from './post-ref.js';
export type { TikTokPublishStatus } from './publish-lookup.js';
export { requiredTikTokScope, TIKTOK_SCOPES } from './scopes.js';
export { TIKTOK_DEFAULTS, type TikTokSettings } from './settings.js';
export {
  isPhotoPost,
  type TikTokValidationSettings,
  VIDEO_CAPTION_MAX_LENGTH,
  validateTikTokPost,
} from './validate.js';
export { type TikTokWebhookEvent, tiktokWebhookEvent } from './webhook-events.js';
export {
  isTikTokSignature,
  parseTikTokSignatureHeader,
  type SignatureFreshness,
  type TikTokSignatureHeader,
  tiktokSignature,
} from './webhook-signature.js';
export {
  createTikTokWebhookHandler,
  type TikTokWebhookHandler,
  type TikTokWebhookOptions,
} from './webhooks.js';
