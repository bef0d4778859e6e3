import type { Clock } from '../../time/clock.js';
import type { SeenStore } from './seen-store.js';

/**
 * A store that records seen ids by scope and returns the new ones, as the inbox's store does
 * (`InboxStore.markSeenIds`): of several processes recording one id at once, exactly one gets
 * it back.
 */
export interface SeenIdsRecorder {
  /** Records `ids` as seen in `scope` at `at`; returns those that were not seen before. */
  markSeenIds(scope: string, ids: readonly string[], at: Date): Promise<string[]>;
  /** Forgets ids of `scope` recorded earlier, when the store can forget single ids. */
  unmarkSeenIds?(scope: string, ids: readonly string[]): Promise<void>;
  /** When each id was recorded in `scope`, in order (`undefined` for one that was not). */
  seenIdsAt?(scope: string, ids: readonly string[]): Promise<(Date | undefined)[]>;
  /** Moves records of `scope` still at `from` to `to`; returns the ids moved (atomic per id). */
  moveSeenIds?(
    scope: string,
    moves: readonly { readonly id: string; readonly from: Date }[],
    to: Date,
  ): Promise<string[]>;
}

/** Options of {@link seenStoreOf}. */
export interface SeenStoreOfOptions {
  /** The scope the keys are recorded in; default `webhooks`. */
  readonly scope?: string | undefined;
  /**
   * The clock that dates each record the caller does not date itself (the store forgets by
   * date; the webhook router dates its marks with its own clock); default the system clock.
   */
  readonly clock?: Pick<Clock, 'now'> | undefined;
}

/**
 * The webhook router's {@link SeenStore} on top of a store that records seen ids by scope, such
 * as the inbox's store, so redeliveries are recognised across restarts and processes. Without
 * `unmarkSeenIds` the keys of a delivery whose engagements could not be handed on stay marked,
 * and the platform's retry of it is dropped. With `seenIdsAt` and `moveSeenIds` (the inbox's
 * stores have both), keys handed on are recorded as settled in the scope `<scope>:settled`, so
 * every process sharing the store tells a delivery still being handed on from one that is done,
 * and one retry at a time takes over what a stopped process left.
 *
 * @param store - the store that records seen ids
 * @param options - the scope and clock
 * @returns the seen store
 *
 * @example
 * ```ts
 * const router = createWebhookRouter({ adapters, onEngagements, seen: seenStoreOf(inboxStore) });
 * ```
 */
export function seenStoreOf(store: SeenIdsRecorder, options: SeenStoreOfOptions = {}): SeenStore {
  const scope = options.scope ?? 'webhooks';
  const now = () => options.clock?.now() ?? Date.now();
  const seen: SeenStore = {
    async markSeen(keys, at) {
      const fresh = new Set(await store.markSeenIds(scope, keys, at ?? new Date(now())));
      // A key repeated within `keys` is new once, as SeenStore promises.
      return keys.map((key) => fresh.delete(key));
    },
  };
  const unmark = store.unmarkSeenIds;
  const { seenIdsAt, moveSeenIds } = store;
  const forget: Pick<SeenStore, 'forget'> =
    unmark === undefined ? {} : { forget: (keys) => unmark.call(store, scope, keys) };
  if (unmark === undefined || seenIdsAt === undefined || moveSeenIds === undefined) {
    return { ...seen, ...forget };
  }
  const settledScope = `${scope}:settled`;
  return {
    ...seen,
    // A forgotten key may be marked anew: its old settled record must not answer for the new mark.
    forget: async (keys) => {
      await unmark.call(store, settledScope, keys);
      await unmark.call(store, scope, keys);
    },
    settle: async (keys) => {
      await store.markSeenIds(settledScope, keys, new Date(now()));
    },
    marksOf: async (keys) => {
      const [marked, settled] = await Promise.all([
        seenIdsAt.call(store, scope, keys),
        seenIdsAt.call(store, settledScope, keys),
      ]);
      return keys.map((_, index) => (settled[index] === undefined ? marked[index]?.getTime() : 'settled'));
    },
    takeOver: async (stale, at) => {
      const moves = [...stale].map(([id, from]) => ({ id, from: new Date(from) }));
      const moved = await moveSeenIds.call(store, scope, moves, at);
      // Settled meanwhile by the attempt that was only slow: handed on, nothing to take over.
      const settled = moved.length === 0 ? [] : await seenIdsAt.call(store, settledScope, moved);
      return moved.filter((_, index) => settled[index] === undefined);
    },
  };
}
