import type { Clock } from '../time/clock.js';
import type { InboxStore } from './inbox-store.js';

/** How often one process forgets old seen ids at most: once an hour is plenty for a daily growth. */
const FORGET_EVERY_MS = 60 * 60_000;

/** Forgets the store's old seen ids now and then, in the background. */
export interface SeenIdsJanitor {
  /** Starts forgetting ids older than the retention unless this process did so within the hour. */
  tick(): void;
  /** Resolves once the forgetting under way, if any, has ended. */
  idle(): Promise<void>;
}

/**
 * Keeps the webhook router's seen ids (recorded in the inbox's store by `seenStoreOf`) from
 * growing for ever: at most once an hour per process, ids recorded more than `keepMs` ago are
 * forgotten. A failure is reported and tried again at the next tick.
 *
 * @param store - the inbox's store
 * @param clock - dates the cut-off
 * @param keepMs - how long an id is kept; `Infinity` (or any span reaching before the earliest
 *   date) keeps them all
 * @param report - receives what a forgetting threw
 * @returns the janitor
 */
export function seenIdsJanitor(
  store: Pick<InboxStore, 'forgetSeenIds'>,
  clock: Pick<Clock, 'now'>,
  keepMs: number,
  report: (error: unknown) => void,
): SeenIdsJanitor {
  let lastAt: number | undefined;
  let running: Promise<void> | undefined;
  return {
    tick() {
      const now = clock.now();
      // A retention reaching before the earliest date a Date holds (Infinity among them) forgets nothing.
      if (!Number.isFinite(new Date(now - keepMs).getTime()) || running !== undefined) return;
      if (lastAt !== undefined && now - lastAt < FORGET_EVERY_MS) return;
      lastAt = now;
      running = (async () => {
        try {
          await store.forgetSeenIds(new Date(now - keepMs));
        } catch (error) {
          lastAt = undefined; // tried again at the next tick
          report(error);
        } finally {
          running = undefined;
        }
      })();
    },
    idle: async () => {
      await running;
    },
  };
}
