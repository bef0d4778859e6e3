export type {
  Adapter,
  EngagementPage,
  EngagementQuery,
  RecentPost,
  RecentPostsQuery,
  ReplyTarget,
} from './adapter.js';
export { isEngagementTarget } from './adapter.js';
export {
  type AuthCapabilities,
  AuthCapabilitiesSchema,
  type Capabilities,
  CapabilitiesSchema,
  type EngagementCapabilities,
  EngagementCapabilitiesSchema,
  type MediaKindRules,
  MediaKindRulesSchema,
  type MediaRules,
  MediaRulesSchema,
  type MediaSet,
  MediaSetSchema,
  type MediaSourceType,
  MediaSourceTypeSchema,
  type MetricCapabilities,
  MetricCapabilitiesSchema,
  type NativeScheduling,
  NativeSchedulingSchema,
  type PollRules,
  PollRulesSchema,
  type PostFormat,
  PostFormatSchema,
  type PrivacyRules,
  PrivacyRulesSchema,
  type RateBudget,
  RateBudgetSchema,
  type RateLimitCapabilities,
  RateLimitCapabilitiesSchema,
  type RateLimitOperations,
  RateLimitOperationsSchema,
  type ReconciliationCapabilities,
  ReconciliationCapabilitiesSchema,
  type TextCounting,
  TextCountingSchema,
  type TextRules,
  TextRulesSchema,
  type ThreadRules,
  ThreadRulesSchema,
  type TitleRules,
  TitleRulesSchema,
} from './capabilities.js';
export { type CheckPostRulesOptions, checkPostRules } from './check-post-rules.js';
export type { PublishContext, PublishProgress, RequestContext } from './context.js';
export { assertPublishable, defineAdapter } from './define-adapter.js';
export { clampPageSize } from './page-size.js';
export { parseWebhookJson } from './parse-webhook-json.js';
export { type PollUntilOptions, pollUntil } from './poll-until.js';
export {
  type FollowUpResult,
  type FollowUps,
  publishFollowUps,
  publishWarningFromError,
} from './publish-follow-ups.js';
export { type ReadPlatformOptionsResult, readPlatformOptions } from './read-platform-options.js';
export { nonEmptySettingProblems, positiveIntegerSettingProblems } from './settings-problems.js';
export { sleepInContext } from './sleep-in-context.js';
export type { WebhookChallengeResponse, WebhookHandler, WebhookRequest } from './webhooks.js';
