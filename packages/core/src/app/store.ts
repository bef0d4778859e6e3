import type { AccountStore } from '../accounts/account-store.js';
import type { TokenSet } from '../auth/token-provider.js';
import type { StoredTokenSet, TokenStore } from '../auth/token-store.js';
import type { InboxStore } from '../inbox/inbox-store.js';
import type { BudgetLedger } from '../publisher/budget-ledger.js';
import type { ScheduleStore } from '../scheduler/schedule-store.js';
import type { MetricsStore } from './metrics-store.js';

/**
 * A {@link TokenStore} that can also write an authorization's tokens whatever is stored, and
 * forget an account's: what connecting and disconnecting need. `sqliteTokenStore` and
 * `redisTokenStore` are ones.
 */
export interface AccountTokenStore extends TokenStore {
  /**
   * Stores `tokens` under `key` whatever is there (a new authorization). The account registry is
   * not told: an account marked `needs_reauthorization` stays so, and nothing is sent for it,
   * until it is connected again (`smm.accounts.connect(account, tokens)` saves the tokens and
   * clears the status in one call).
   */
  save(key: string, tokens: TokenSet): Promise<StoredTokenSet>;
  /** Removes the tokens under `key` (the account was disconnected). */
  delete(key: string): Promise<void>;
}

/**
 * Every store `createSmmkit` wires, on one storage: the account registry, the tokens (under each
 * account's id), the schedule (also the publisher's outbox), the inbox and the metrics (published
 * posts and their samples), plus, optionally, a
 * rate-budget ledger shared by processes. `memoryStore()` (`@smmkit/core/app`) and
 * `sqliteStore(path)` (`@smmkit/core/sqlite`) build one; a bundle of your own stores works too.
 *
 * @example
 * ```ts
 * const store: SmmkitStore = sqliteStore('smm.db');
 * const smm = await createSmmkit({ store, adapters });
 * ```
 */
export interface SmmkitStore {
  /** The registry of connected accounts. */
  readonly accounts: AccountStore;
  /** The accounts' tokens, under each account's `id`. */
  readonly tokens: AccountTokenStore;
  /** Schedule entries, and the publisher's outbox. */
  readonly schedule: ScheduleStore;
  /** The engagement inbox. */
  readonly inbox: InboxStore;
  /** Published posts with their metadata, and the metric samples collected for them. */
  readonly metrics: MetricsStore;
  /** Where rate budgets live (default: the publisher's memory); see `ThrottleOptions.ledger`. */
  readonly ledger?: BudgetLedger | undefined;
  /** Closes every store of the bundle, and the storage they share. */
  close(): Promise<void>;
}
