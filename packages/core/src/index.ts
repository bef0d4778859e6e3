/**
 * smmkit core, for app developers: the models a post, account, engagement and metric are made
 * of (with their parse functions), the typed errors every call can fail with, the adapter and
 * capability types, and the token helpers that feed adapters their tokens.
 *
 * The rest of the loop has its own entry points: `@smmkit/core/publisher` (publish to many
 * targets), `@smmkit/core/analytics` (rollups, KPIs, reports). Adapter authors build with
 * `@smmkit/core/adapter-kit`.
 *
 * @packageDocumentation
 */

// Adapters, as an app sees them: what they can do and what their calls take and return.
export type {
  Adapter,
  AdapterOperations,
  CheckedPost,
  EngagementPage,
  EngagementQuery,
  MentionSearchQuery,
  PostCheck,
  PublicAccountQuery,
  ReplyTarget,
} from './adapter/adapter.js';
export type { Capabilities } from './adapter/capabilities.js';
export type { PublishContext, PublishProgress, RequestContext } from './adapter/context.js';
export type { WebhookChallengeResponse, WebhookHandler, WebhookRequest } from './adapter/webhooks.js';
// Tokens: adapters never store them; they ask a token provider.
export { createOAuthState, createPkcePair, type PkcePair } from './auth/pkce.js';
export {
  createRefreshingTokenProvider,
  type RefreshingTokenProvider,
  type RefreshingTokenProviderOptions,
  type SharedTokenProviderOptions,
  type TokenRefreshOptions,
} from './auth/refreshing-token-provider.js';
export { staticTokenProvider } from './auth/static-token-provider.js';
export type { TokenProvider, TokenRequestOptions, TokenSet } from './auth/token-provider.js';
export type { StoredTokenSet, TokenStore } from './auth/token-store.js';
// Errors: one base class with a stable code; recognise them with `SomeError.isInstance(error)`.
export { AbortedError } from './errors/aborted-error.js';
export { AmbiguousOutcomeError } from './errors/ambiguous-outcome-error.js';
export { AuthError } from './errors/auth-error.js';
export type { ErrorCode } from './errors/error-code.js';
export { MediaProcessingError } from './errors/media-processing-error.js';
export { PlatformError } from './errors/platform-error.js';
export { RateLimitError } from './errors/rate-limit-error.js';
export { SmmkitError } from './errors/smmkit-error.js';
export { TransientError } from './errors/transient-error.js';
export { UnsupportedCapabilityError } from './errors/unsupported-capability-error.js';
export { ValidationError, type ValidationProblem } from './errors/validation-error.js';
// Models: plain data, each with a parse function that lists every problem at once.
export type { Account } from './models/account.js';
export type { Approval } from './models/approval.js';
export type { AudienceBreakdown } from './models/audience-breakdown.js';
export {
  type Engagement,
  type EngagementAuthor,
  type EngagementKind,
  UNKNOWN_AUTHOR_ID,
} from './models/engagement.js';
export type { Media, MediaKind } from './models/media.js';
export type { MediaSource, MediaStreamFactory } from './models/media-source.js';
export type { MetricSample } from './models/metric-sample.js';
export { CANONICAL_METRICS, type CanonicalMetric } from './models/metric-vocabulary.js';
export type { Poll } from './models/poll.js';
export type { ContentClass, Post } from './models/post.js';
export type { PostRef } from './models/post-ref.js';
export type { PublicAccount } from './models/public-account.js';
export type { PublishResult, PublishWarning } from './models/publish-result.js';
export type { RateLimitInfo, RateLimitScope } from './models/rate-limit-info.js';
export type { Recurrence, ScheduleEntry } from './models/schedule-entry.js';
export type { ScheduleStatus } from './models/schedule-status.js';
export type { Target, TargetOverrides } from './models/target.js';
export type { ThreadPart } from './models/thread-part.js';
export {
  parseAccount,
  parseEngagement,
  parseMetricSample,
  parsePost,
  parseScheduleEntry,
  parseTarget,
} from './parse/parse-models.js';
export type { Clock } from './time/clock.js';
