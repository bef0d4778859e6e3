/**
 * The rate-limited publisher: one post to many targets, per-target outcomes, queues and budgets
 * per (platform, account, bucket), retries with backoff, and reconciliation of ambiguous creates.
 * `BudgetLedger` and its types are for those who keep the budgets elsewhere (shared by many
 * processes; `ThrottleOptions.ledger`).
 *
 * @packageDocumentation
 */

export type { ListenerErrorEvent } from '../events/isolated-emitter.js';
export { applyOverrides } from './apply-overrides.js';
export type { BudgetId, BudgetLedger, BudgetPolicy, BudgetSlot, BudgetWait } from './budget-ledger.js';
export {
  type AttemptEvent,
  type ProgressEvent,
  PUBLISHER_EVENT_NAMES,
  type PublisherEventEmitter,
  type PublisherEvents,
  type QueuedEvent,
  type RateLimitedEvent,
  type RetryEvent,
} from './events.js';
export type { PublisherOptions, ReconcileOptions, RetryOptions, ThrottleOptions } from './options.js';
export type { FailedOutcome, PublishedOutcome, PublishOutcome, UnknownOutcome } from './outcome.js';
export {
  type AccountKey,
  createPublisher,
  type HandedBackWork,
  type Publisher,
  type PublishOptions,
  type RunOptions,
  type ShutdownOptions,
} from './publisher.js';
