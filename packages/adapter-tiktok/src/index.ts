/**
 * The smmkit adapter for TikTok (Content Posting API and Display API), built on `@smmkit/core`.
 * The `./mocks` entry exports an MSW simulator of the API.
 *
 * @packageDocumentation
 */
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
export {
  TIKTOK_PRIVACY_LEVELS,
  type TikTokPostOptions,
  TikTokPostOptionsSchema,
  type TikTokPrivacyLevel,
} from './post-options.js';
export { resolveTikTokSettings, TIKTOK_DEFAULTS, type TikTokSettings } from './settings.js';
export {
  isPhotoPost,
  PHOTO_DESCRIPTION_MAX_LENGTH,
  type TikTokValidationSettings,
  validateTikTokPost,
} from './validate.js';
