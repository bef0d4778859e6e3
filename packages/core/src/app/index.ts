/**
 * One entry point for the whole loop: `createSmmkit` wires accounts and tokens, the publisher,
 * the scheduler, the inbox and analytics to one store (`memoryStore()` here, `sqliteStore(path)`
 * in `@smmkit/core/sqlite`). Every part stays usable alone from its own entry.
 *
 * @example
 * ```ts
 * import { createSmmkit, memoryStore } from '@smmkit/core/app';
 *
 * const smm = await createSmmkit({ store: memoryStore(), adapters: [x, mastodon] });
 * await smm.accounts.connect({ id: 'brand-x', platform: 'x', accountId: '2244994945' }, tokens);
 * const outcomes = await smm.publish({ text: 'Hello' }, { to: ['brand-x'] });
 * ```
 *
 * @packageDocumentation
 */

// For whoever writes an AccountStore or a MetricsStore outside core (the Redis ones in
// @smmkit/scheduler-bullmq): the helpers that make every store check, keep and key alike.
export {
  accountFromJson,
  accountToJson,
  checkConnection,
  connectedAccount,
  platformAccountTaken,
} from '../accounts/account-record.js';
export type {
  AccountConnection,
  AccountStatus,
  AccountStore,
  ConnectedAccount,
} from '../accounts/account-store.js';
export { memoryAccountStore } from '../accounts/memory-account-store.js';
export type { RefreshTokens } from './account-tokens.js';
export { memoryMetricsStore } from './memory-metrics-store.js';
export { memoryStore } from './memory-store.js';
export type { MetricsRound } from './metrics-cadence.js';
export { sampleKey } from './metrics-keys.js';
export type { MetricsStore, PublishedPostRecord } from './metrics-store.js';
export { createSmmkit } from './smmkit.js';
export type {
  Smmkit,
  SmmkitAccounts,
  SmmkitCollectMetricsOptions,
  SmmkitMetricsOptions,
  SmmkitOptions,
  SmmkitPublishOptions,
  SmmkitReport,
  SmmkitReportOptions,
  SmmkitScheduleOptions,
  SmmkitTarget,
} from './smmkit-api.js';
export type { AccountTokenStore, SmmkitStore } from './store.js';
