/**
 * Webhooks in: one fetch-standard handler that routes each platform's challenge and signed
 * deliveries to its adapter and feeds the new engagements on. Re-exported by the inbox entry.
 *
 * @packageDocumentation
 */
export { deliverySeenKey, engagementSeenKey } from './delivery-dedupe.js';
export type { StampedWebhookHandler, WebhookDeliveryStamp } from './delivery-stamp.js';
export { DEFAULT_WEBHOOK_MAX_AGE_MS, isWithinReplayWindow } from './replay-window.js';
export { type SeenIdsRecorder, type SeenStoreOfOptions, seenStoreOf } from './seen-ids-store.js';
export { type MemorySeenStoreOptions, memorySeenStore, type SeenStore } from './seen-store.js';
export type { EngagementSink, WebhookDeliveryContext } from './take-delivery.js';
export type { WebhookOutcome, WebhookOutcomeKind } from './webhook-outcome.js';
export { createWebhookRouter, type WebhookRouter, type WebhookRouterOptions } from './webhook-router.js';
export type { WebhookSource, WebhookSources } from './webhook-routes.js';
