export { type Account, AccountSchema, parseAccount } from './account.js';
export { type Approval, type ApprovalInput, ApprovalSchema } from './approval.js';
export {
  ENGAGEMENT_KINDS,
  type Engagement,
  type EngagementAuthor,
  EngagementAuthorSchema,
  type EngagementInput,
  type EngagementKind,
  EngagementKindSchema,
  EngagementSchema,
  parseEngagement,
} from './engagement.js';
export { HttpUrlSchema, isHttpUrl } from './http-url.js';
export { type PlatformId, PlatformIdSchema } from './ids.js';
export { type InstantInput, InstantSchema } from './instant.js';
export { MEDIA_KINDS, type Media, type MediaKind, MediaKindSchema, MediaSchema, mediaSize } from './media.js';
export { type MediaSource, MediaSourceSchema, type MediaStreamFactory } from './media-source.js';
export {
  type MetricSample,
  type MetricSampleInput,
  MetricSampleSchema,
  parseMetricSample,
} from './metric-sample.js';
export {
  CANONICAL_METRIC_DESCRIPTIONS,
  CANONICAL_METRICS,
  type CanonicalMetric,
  CanonicalMetricSchema,
} from './metric-vocabulary.js';
export { parseModel, type SafeParseModelResult, safeParseModel } from './parse-model.js';
export { type Poll, PollSchema } from './poll.js';
export {
  type ContentClass,
  ContentClassSchema,
  PlatformOptionsSchema,
  type Post,
  PostSchema,
  parsePost,
} from './post.js';
export { type PostRef, PostRefSchema } from './post-ref.js';
export {
  type PublishResult,
  type PublishResultInput,
  PublishResultSchema,
  type PublishWarning,
  PublishWarningSchema,
  parsePublishResult,
} from './publish-result.js';
export {
  parseScheduleEntry,
  type Recurrence,
  RecurrenceSchema,
  type ScheduleEntry,
  type ScheduleEntryInput,
  ScheduleEntrySchema,
} from './schedule-entry.js';
export { SCHEDULE_STATUSES, type ScheduleStatus, ScheduleStatusSchema } from './schedule-status.js';
export {
  parseTarget,
  type Target,
  type TargetOverrides,
  TargetOverridesSchema,
  TargetSchema,
} from './target.js';
export { type ThreadPart, ThreadPartSchema } from './thread-part.js';
export { isValidTimeZone, TimeZoneSchema } from './time-zone.js';
