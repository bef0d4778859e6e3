import { memoryAccountStore } from '../accounts/memory-account-store.js';
import { memoryInboxStore } from '../inbox/memory-inbox-store.js';
import { memoryScheduleStore } from '../scheduler/memory-schedule-store.js';
import { memoryMetricsStore } from './memory-metrics-store.js';
import { memoryTokenStore } from './memory-token-store.js';
import type { SmmkitStore } from './store.js';

/**
 * A {@link SmmkitStore} in memory: accounts, tokens, schedule, inbox and metrics, for tests and for apps
 * that may lose everything on restart. Use `sqliteStore(path)` (`@smmkit/core/sqlite`) to keep it.
 *
 * @returns an empty bundle
 *
 * @example
 * ```ts
 * const smm = await createSmmkit({ store: memoryStore(), adapters: [x] });
 * ```
 */
export function memoryStore(): SmmkitStore {
  return {
    accounts: memoryAccountStore(),
    tokens: memoryTokenStore(),
    schedule: memoryScheduleStore(),
    inbox: memoryInboxStore(),
    metrics: memoryMetricsStore(),
    close: async () => {},
  };
}
