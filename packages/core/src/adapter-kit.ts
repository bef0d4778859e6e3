/**
 * The adapter kit: what an adapter author builds a platform adapter with. One HTTP client that
 * authorizes, maps errors, reports rate limits and redacts secrets; the rule checker that turns
 * declared capabilities into validation; helpers for uploads, polling, follow-up posts,
 * paging, settings and webhook signatures.
 *
 * A subpath of `@smmkit/core` rather than a package of its own: the kit shares the error
 * classes, redaction and clock with the publisher, so one install keeps them one copy, and an
 * app that never imports this entry never loads it. Test an adapter with `@smmkit/testkit`.
 *
 * @example
 * ```ts
 * import { defineAdapter } from '@smmkit/core/adapter-kit';
 *
 * export const adapter = defineAdapter({ platform: 'mastodon', capabilities, postOptions, validate, publish });
 * ```
 *
 * @packageDocumentation
 */

// The contract: define an adapter from its capabilities, checks and operations.

export { isEngagementTarget, type RecentPost, type RecentPostsQuery } from './adapter/adapter.js';
export type {
  AuthCapabilities,
  AuthScopes,
  EngagementCapabilities,
  MediaKindRules,
  MediaRules,
  MediaSet,
  MediaSourceType,
  MetricCapabilities,
  NativeScheduling,
  PollRules,
  PostFormat,
  PrivacyRules,
  RateBudget,
  RateLimitCapabilities,
  RateLimitOperations,
  ReconciliationCapabilities,
  TextCounting,
  TextRules,
  ThreadRules,
  TitleRules,
} from './adapter/capabilities.js';
export { type CheckPostRulesOptions, checkPostRules } from './adapter/check-post-rules.js';
export { type AdapterDefinition, type DefinedAdapter, defineAdapter } from './adapter/define-adapter.js';
export { type ResolvedSettings, resolveSettings } from './adapter/resolve-settings.js';
export {
  fetchSetting,
  type HttpSettings,
  httpBaseUrlSetting,
  nonEmptyTextSetting,
  positiveIntegerSetting,
  requiredSecretSetting,
  type SettingIssue,
  settingIssue,
  type WebhookLimitSettings,
} from './adapter/settings-schemas.js';

// Talking to the platform: one HTTP client, error mapping, rate-limit headers, response parsing.

export type { AmbiguousOutcomeErrorOptions } from './errors/ambiguous-outcome-error.js';
export type {
  AuthErrorCode,
  MediaProcessingErrorCode,
  PlatformErrorCode,
  RateLimitErrorCode,
  TransientErrorCode,
} from './errors/error-code.js';
export type { MediaProcessingErrorOptions } from './errors/media-processing-error.js';
export type { RateLimitErrorOptions } from './errors/rate-limit-error.js';
export type { PlatformErrorDetails, SmmkitErrorOptions } from './errors/smmkit-error.js';
export type { TransientErrorOptions } from './errors/transient-error.js';
export { classifyByStatus } from './http/classify-by-status.js';
export { exactIntegers } from './http/exact-integers.js';
export {
  type AuthPlacement,
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type QueryValues,
} from './http/http-client.js';
export {
  type PlatformErrorFields,
  type PlatformFailure,
  platformErrorDetails,
  platformFailure,
} from './http/platform-error-details.js';
export {
  type AnsweredRequest,
  describeFailure,
  type ErrorClassifier,
  errorOptionsFrom,
  type PlatformResponse,
  type RateLimitParser,
} from './http/platform-response.js';
export { parseRetryAfter } from './http/retry-after.js';
export { parseModel, type SafeParseModelResult, safeParseModel } from './parse/parse-model.js';
export { parsePublishResult } from './parse/parse-models.js';

// Publishing: text, media bytes, polling, waiting, thread parts and first comments.

export { mediaRefusalAsProcessingError } from './adapter/media-refusal.js';
export { type PollUntilOptions, pollUntil } from './adapter/poll-until.js';
export {
  type FollowUpResult,
  type FollowUps,
  publishFollowUps,
  publishWarningFromError,
} from './adapter/publish-follow-ups.js';
export { sleepInContext } from './adapter/sleep-in-context.js';
export {
  type AfterCreateOutcome,
  type AfterCreateWait,
  unfinishedWaitReason,
  waitAfterCreate,
} from './adapter/wait-after-create.js';
export {
  type MediaPolling,
  type MediaProcessingWait,
  waitForMediaProcessing,
} from './adapter/wait-for-media-processing.js';
export { readMediaBlob, readMediaChunks } from './content/media-bytes.js';
export { countHashtags, countMentions, countText } from './content/text-length.js';
export { textWithLink } from './content/text-with-link.js';
export { urlsInText } from './content/urls-in-text.js';
export { isHttpUrl } from './models/http-url.js';
export { mediaSize } from './models/media.js';
export { systemClock } from './time/clock.js';

// Reading back and reconciling: pages of engagement, recent posts, other accounts.

export {
  type CollectPublicAccountOptions,
  collectPublicAccount,
  type PublicAccountProfile,
  type PublicPostRead,
  type PublicPostsPage,
} from './adapter/collect-public-account.js';
export { type CountSamplesTarget, countSamples } from './adapter/count-samples.js';
export { type MatchRecentPostsOptions, matchRecentPosts } from './adapter/match-recent-posts.js';
export { clampPageSize } from './adapter/page-size.js';
// A platform's reporting days in its zone (Meta's insights days end at Pacific midnight).
export { type TimeBucket, timeBucket } from './analytics/time-buckets.js';

// Auth and webhooks: PKCE, signatures in constant time, body limits, secrets kept out of messages.

export { type ParseWebhookJsonOptions, parseWebhookJson } from './adapter/parse-webhook-json.js';
export {
  createSignedWebhookHandler,
  type NamedSetting,
  type SignedWebhookDefinition,
} from './adapter/signed-webhook-handler.js';
export { DEFAULT_WEBHOOK_MAX_BODY_BYTES, isWebhookBodyWithin } from './adapter/webhook-body.js';
export {
  type AuthorizationCodeRequest,
  type AuthorizationRequestCheck,
  type AuthorizationUrlOptions,
  authorizationCodeUrl,
  checkAuthorizationRequest,
  type OAuthTokenResponse,
  tokenSetFromResponse,
} from './auth/oauth2.js';
export { pkceChallenge } from './auth/pkce.js';
export {
  type AuthorizationCodeGrantRequest,
  authorizationCodeGrant,
  type ConfidentialClientTokenOptions,
  DEFAULT_TOKEN_TIMEOUT_MS,
  type OAuthClientAuthentication,
  type OAuthGrant,
  postTokenRequest,
  refreshTokenGrant,
  requestTokenSet,
  type TokenEndpointOptions,
  type TokenEndpointRequest,
  type TokenEndpointResponse,
  type TokenEndpointTransport,
} from './auth/token-endpoint.js';
export { REDACTED, redactSecrets, redactUrl, SECRET_PARAMETER_NAMES } from './security/redact.js';
export { hmacSha256, timingSafeEqual, toBase64, toHex } from './security/signatures.js';
