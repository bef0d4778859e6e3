/**
 * The engagement inbox: the comments, replies, mentions and direct messages of every account in
 * one store, polled on each account's rate budget through the publisher (or pushed in from
 * webhooks), deduplicated, resumable after a restart; reply, hide, delete and like from it;
 * triage (seen, assigned, tagged, resolved); listening rules (keywords, sentiment, negative
 * spikes) as alerts; and the record analytics' engagement SLA figures read. Its own entry
 * point, so apps that never read engagement never load the sentiment word list.
 *
 * @example
 * ```ts
 * import { createPublisher } from '@smmkit/core/publisher';
 * import { createInbox, memoryInboxStore } from '@smmkit/core/inbox';
 *
 * const inbox = createInbox({
 *   adapters,
 *   publisher: createPublisher({ adapters, tokens }),
 *   accounts: [{ platform: 'x', accountId: '2244994945' }],
 *   store: memoryInboxStore(),
 *   rules: [{ type: 'spike', name: 'crisis' }, { type: 'keyword', name: 'billing', anyOf: ['refund*'] }],
 * });
 * inbox.events.on('alert', (alert) => notify(alert));
 * await inbox.poll();
 * for await (const item of inbox.items({ statuses: ['new'] })) {
 *   if (item.kind === 'comment') await inbox.reply(item, 'Thanks!');
 * }
 * ```
 *
 * @packageDocumentation
 */

export {
  type EngagementEvent,
  INBOX_EVENT_NAMES,
  type InboxErrorEvent,
  type InboxEventEmitter,
  type InboxEvents,
} from './events.js';
export { createInbox } from './inbox.js';
export type {
  Inbox,
  InboxFilter,
  InboxReply,
  InboxReplyOptions,
  PollFailure,
  PollResult,
  PollSkip,
} from './inbox-api.js';
// The item model apps read. InboxItemPatch, the store types below and the helpers that make
// stores agree (newInboxItem, parseInboxItem, applyInboxPatch, compareNewestFirst,
// matchesInboxQuery) are for whoever writes an InboxStore outside core (the Redis one in
// @smmkit/scheduler-bullmq; testkit's describeInboxStore names the types).
export {
  applyInboxPatch,
  type EngagementRef,
  INBOX_STATUSES,
  type InboxItem,
  type InboxItemPatch,
  type InboxStatus,
  newInboxItem,
  parseInboxItem,
} from './inbox-item.js';
export type { InboxAccount, InboxOptions } from './inbox-options.js';
export { compareNewestFirst, matchesInboxQuery } from './inbox-query.js';
export type {
  InboxAddOptions,
  InboxCursor,
  InboxPosition,
  InboxQuery,
  InboxSource,
  InboxStore,
} from './inbox-store.js';
export type {
  InboxAlert,
  KeywordAlert,
  KeywordRule,
  ListeningRule,
  RuleScope,
  SentimentAlert,
  SentimentRule,
  SpikeAlert,
  SpikeRule,
} from './listening/rules.js';
export { afinnSentiment, type SentimentScorer } from './listening/sentiment.js';
export { memoryInboxStore } from './memory-inbox-store.js';
export type { InboxSlaLog } from './sla-log.js';
// Webhooks in: one fetch-standard handler for every adapter's challenges and signed deliveries,
// its options, and the seen stores it deduplicates with (seenStoreOf: on the inbox's store, so
// redeliveries are recognised across restarts). StampedWebhookHandler (an adapter's signed time
// and delivery id) stays inside core until an adapter outside it implements one.
export { type SeenIdsRecorder, type SeenStoreOfOptions, seenStoreOf } from './webhooks/seen-ids-store.js';
export { type MemorySeenStoreOptions, memorySeenStore, type SeenStore } from './webhooks/seen-store.js';
export type { EngagementSink, WebhookDeliveryContext } from './webhooks/take-delivery.js';
export type { WebhookOutcome, WebhookOutcomeKind } from './webhooks/webhook-outcome.js';
export {
  createWebhookRouter,
  type WebhookRouter,
  type WebhookRouterOptions,
} from './webhooks/webhook-router.js';
export type { WebhookSource, WebhookSources } from './webhooks/webhook-routes.js';
