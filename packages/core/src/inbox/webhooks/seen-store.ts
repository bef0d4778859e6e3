/**
 * Where the webhook router remembers which deliveries and engagements it has already taken, so
 * an at-least-once redelivery is dropped. Keys are opaque strings (see `engagementSeenKey` and
 * `deliverySeenKey`). The inbox's store implements it; {@link memorySeenStore} is the default.
 *
 * @example
 * ```ts
 * const [isNew] = await seen.markSeen(['engagement:x:42:1790']);
 * if (!isNew) return; // delivered before
 * ```
 */
export interface SeenStore {
  /**
   * Marks every key as seen at `at` (default now) and says, in order, which were new. Must be
   * atomic per key: when two calls race for one key, exactly one of them gets `true` for it.
   */
  markSeen(keys: readonly string[], at?: Date): Promise<boolean[]>;
  /**
   * Forgets keys this router just marked, because handing their engagements on failed: the
   * platform's retry must then be taken, not dropped. Without it such a retry is dropped as a
   * duplicate, so a store that can should implement it.
   */
  forget?(keys: readonly string[]): Promise<void>;
  /**
   * Records that the engagements of keys marked earlier were handed on: from now on a retry of
   * them is a duplicate. With {@link SeenStore.marksOf} and {@link SeenStore.takeOver}, it lets
   * every process that shares the store tell a retry of a delivery another process is still
   * handing on (answered 500, retry later) from one that is done (answered 200); without all
   * three, only attempts running in the same process are told apart.
   */
  settle?(keys: readonly string[]): Promise<void>;
  /**
   * Where keys marked before stand, in order: `'settled'` (handed on), the epoch ms of a mark
   * not settled (being handed on, or left by an attempt that stopped), or `undefined` when the
   * key is not marked any more (forgotten after its attempt failed).
   */
  marksOf?(keys: readonly string[]): Promise<(number | 'settled' | undefined)[]>;
  /**
   * Moves unsettled marks, each still at the epoch ms given (as {@link SeenStore.marksOf} said),
   * to `at`: a retry taking over what a stopped attempt left. Atomic per key: of several callers
   * moving one mark, exactly one gets the key back.
   *
   * @returns the keys moved
   */
  takeOver?(marks: ReadonlyMap<string, number>, at: Date): Promise<string[]>;
}

/** Options of {@link memorySeenStore}. */
export interface MemorySeenStoreOptions {
  /**
   * The most keys kept; the oldest are forgotten past it. Default 100,000: at roughly 100 bytes a
   * key, some 10 MB, enough for a day of deliveries on a busy set of accounts.
   */
  readonly maxKeys?: number | undefined;
}

/** The default bound of {@link memorySeenStore}. */
const DEFAULT_MAX_KEYS = 100_000;

/**
 * A {@link SeenStore} in memory, bounded: past `maxKeys` the oldest keys are forgotten, so a very
 * late redelivery may pass again. It lives as long as the process; use the inbox's store to keep
 * the keys across restarts and share them between processes.
 *
 * @param options - the bound
 * @returns the store
 * @throws RangeError when `maxKeys` is not a positive whole number
 *
 * @example
 * ```ts
 * const router = createWebhookRouter({ adapters, onEngagements, seen: memorySeenStore({ maxKeys: 10_000 }) });
 * ```
 */
export function memorySeenStore(options: MemorySeenStoreOptions = {}): SeenStore {
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) {
    throw new RangeError(`memorySeenStore: maxKeys must be a positive whole number, got ${maxKeys}`);
  }
  // A Map iterates in insertion order, so its first key is the oldest.
  const marks = new Map<string, { at: number; settled: boolean }>();
  return {
    async markSeen(batch, at) {
      const time = at?.getTime() ?? Date.now();
      return batch.map((key) => {
        if (marks.has(key)) return false;
        marks.set(key, { at: time, settled: false });
        if (marks.size > maxKeys) {
          const oldest = marks.keys().next().value;
          if (oldest !== undefined) marks.delete(oldest);
        }
        return true;
      });
    },
    async forget(batch) {
      for (const key of batch) marks.delete(key);
    },
    async settle(batch) {
      for (const key of batch) {
        const mark = marks.get(key);
        if (mark !== undefined) mark.settled = true;
      }
    },
    async marksOf(batch) {
      return batch.map((key) => {
        const mark = marks.get(key);
        if (mark === undefined) return undefined;
        return mark.settled ? 'settled' : mark.at;
      });
    },
    async takeOver(stale, at) {
      const moved: string[] = [];
      for (const [key, from] of stale) {
        const mark = marks.get(key);
        if (mark === undefined || mark.settled || mark.at !== from) continue;
        mark.at = at.getTime();
        moved.push(key);
      }
      return moved;
    },
  };
}
