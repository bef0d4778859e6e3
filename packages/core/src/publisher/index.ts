/**
 * The rate-limited publisher: one post to many targets, per-target outcomes, queues and budgets
 * per (platform, account, bucket), retries with backoff, and reconciliation of ambiguous creates.
 *
 * @packageDocumentation
 */
export { applyOverrides } from './apply-overrides.js';
export {
  type BucketBooking,
  type BucketDemand,
  type BucketId,
  bucketKey,
  operationBuckets,
  publishDemand,
  type RateLimitOperation,
} from './bucket-key.js';
export { BucketThrottle, isThrottleRefusal, type ThrottleWait } from './bucket-throttle.js';
export { BucketBudget, type BucketWait, type WaitReason } from './budget-learner.js';
export {
  type AttemptEvent,
  createPublisherEvents,
  type ProgressEvent,
  PUBLISHER_EVENT_NAMES,
  type PublisherEventEmitter,
  type PublisherEvents,
  type QueuedEvent,
  type RateLimitedEvent,
  type RetryEvent,
} from './events.js';
export {
  type PublisherOptions,
  type ReconcileOptions,
  type ResolvedPublisherOptions,
  type ResolvedReconcileOptions,
  type ResolvedRetryOptions,
  type ResolvedThrottleOptions,
  type RetryOptions,
  resolvePublisherOptions,
  type ThrottleOptions,
} from './options.js';
export {
  type FailedOutcome,
  failedOutcome,
  type PublishedOutcome,
  type PublishOutcome,
  type UnknownOutcome,
} from './outcome.js';
export {
  type AccountKey,
  createPublisher,
  type HandedBackWork,
  type Publisher,
  type PublishOptions,
  type RunOptions,
  type ShutdownOptions,
} from './publisher.js';
export { type ReconcileInput, reconcile } from './reconcile.js';
export { type PlannedRetry, type RetryRun, retryDelay, withRetry } from './retry.js';
