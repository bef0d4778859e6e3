/**
 * The scheduler: a content calendar that publishes on time in each audience's zone, through an
 * approval step, on weekly queue slots or RFC 5545 recurrences, survives crashes and never posts
 * twice. Its own entry point, so apps that never schedule never load the time libraries.
 *
 * @example
 * ```ts
 * import { createPublisher } from '@smmkit/core/publisher';
 * import { createScheduler, memoryScheduleStore } from '@smmkit/core/scheduler';
 *
 * const store = memoryScheduleStore();
 * const scheduler = createScheduler({
 *   store,
 *   publisher: createPublisher({ adapters, tokens, outbox: store }),
 *   accounts: [{ platform: 'x', accountId: '2244994945', zone: 'Europe/Berlin', slots: ['Mon-Fri 09:00'] }],
 * });
 * await scheduler.schedule({ text: 'Tips for Monday' }, [{ platform: 'x', accountId: '2244994945' }], 'next-slot');
 * scheduler.start();
 * ```
 *
 * @packageDocumentation
 */

export type { ListenerErrorEvent } from '../events/isolated-emitter.js';
export type { EntryError, TargetResult } from '../models/schedule-entry.js';
export type { ApprovalDecision, SubmitRequest } from './approval.js';
export type { CalendarDay, CalendarItem, CalendarQuery } from './calendar.js';
// For authors of a ScheduleStore (the Redis one in @smmkit/scheduler-bullmq, yours): the patch
// rules and the duplicate-id error every store shares, so all stores behave alike.
export { applyEntryPatch } from './entry-patch.js';
export { type EntryOutcome, outcomeOfResults } from './entry-results.js';
export {
  type DueEvent,
  type EntryChangedEvent,
  type EntryFinishedEvent,
  type LeaseLostEvent,
  SCHEDULER_EVENT_NAMES,
  type ScheduledEvent,
  type SchedulerEventEmitter,
  type SchedulerEvents,
  type SkippedEvent,
  type TickFailedEvent,
} from './events.js';
// The error a store's add throws for taken ids.
export { idTakenError } from './id-taken-error.js';
export { memoryScheduleStore } from './memory-schedule-store.js';
export type { Outbox, OutboxIntent, OutboxRecord, OutboxSettlement, OutboxStatus } from './outbox.js';
export type { TargetJob, TargetRunResult } from './run-target.js';
export {
  type ClaimedEntry,
  type ClaimRequest,
  type EntryPatch,
  type ScheduleQuery,
  type ScheduleStore,
  SLOT_HOLDING_STATUSES,
} from './schedule-store.js';
export {
  type CancelOptions,
  createScheduler,
  type ScheduleOptions,
  type Scheduler,
  type TickOptions,
  type TickResult,
} from './scheduler.js';
export type { AccountQueue, SchedulerOptions } from './scheduler-options.js';
export {
  type ClaimedTarget,
  claimsTargets,
  type TargetClaim,
  type TargetClaimRequest,
  type TargetClaimStore,
  type TargetRef,
  type TargetRefusal,
  type TargetSettlement,
  type TargetSettleRequest,
  targetKey,
} from './target-claims.js';
export { checkQueueSlots } from './time/queue-slot-syntax.js';
export {
  type DstAdjustment,
  type LocalTimeView,
  localTimeAt,
  type ResolvedLocalTime,
  resolveLocalTime,
} from './time/zoned-time.js';
export type { LocalTime, RecurringTime, When } from './when.js';
