import type { ScheduleEntry } from '../models/schedule-entry.js';
import { parseScheduleEntry } from '../parse/parse-models.js';
import { compareText } from './compare-text.js';
import { deepCopy } from './deep-copy.js';
import { applyEntryPatch } from './entry-patch.js';
import { idTakenError } from './id-taken-error.js';
import { memoryOutbox } from './memory-outbox.js';
import type { ClaimedEntry, ScheduleQuery, ScheduleStore } from './schedule-store.js';

/** A stored entry and, while a worker holds it, its lease. */
interface Slot {
  entry: ScheduleEntry;
  lease?: { readonly worker: string; readonly until: number } | undefined;
}

/**
 * A {@link ScheduleStore} (and {@link Outbox}) in memory: for tests and for apps that run one
 * process and can lose their schedule on restart. Entries are checked with the schedule entry
 * schema when added and copied deeply in and out, so an entry you change after adding it, or
 * after getting it, never changes the store. Every call runs to its end without awaiting, so
 * JavaScript's single thread makes each one atomic: two workers in one process never claim one
 * entry. Nothing survives the process; use `sqliteScheduleStore` (`@smmkit/core/sqlite`) for that.
 *
 * @returns an empty store
 *
 * @example
 * ```ts
 * const store = memoryScheduleStore();
 * await store.add([parseScheduleEntry({ id: 'launch', post: { text: 'We are live' }, targets: [{ platform: 'x', accountId: '2244994945' }], publishAt: '2026-05-01T09:00:00+02:00', timeZone: 'Europe/Berlin', status: 'scheduled' })]);
 * const claimed = await store.claimDue({ now: new Date('2026-05-01T07:00:00Z'), limit: 10, worker: 'w1', leaseMs: 60_000 });
 * claimed[0]?.entry.status; // 'publishing'
 * ```
 */
export function memoryScheduleStore(): ScheduleStore {
  const slots = new Map<string, Slot>();
  /** Checked against the schema and copied, so the store owns what it keeps. */
  const keep = (entry: ScheduleEntry): ScheduleEntry => deepCopy(parseScheduleEntry(entry));

  return {
    ...memoryOutbox(),
    add: async (entries) => {
      const kept = entries.map(keep);
      const seen = new Set<string>();
      const taken = kept.flatMap(({ id }, index) => {
        const isTaken = slots.has(id) || seen.has(id);
        seen.add(id);
        return isTaken ? [{ index, id }] : [];
      });
      if (taken.length > 0) throw idTakenError(taken);
      for (const entry of kept) slots.set(entry.id, { entry });
    },
    addIfAbsent: async (entry) => {
      const kept = keep(entry);
      if (slots.has(kept.id)) return false;
      slots.set(kept.id, { entry: kept });
      return true;
    },
    get: async (id) => {
      const slot = slots.get(id);
      return slot === undefined ? undefined : deepCopy(slot.entry);
    },
    list: async (query = {}) => {
      const found = [...slots.values()].map((slot) => slot.entry).filter((entry) => matches(entry, query));
      found.sort(byPublishAt);
      return (query.limit === undefined ? found : found.slice(0, query.limit)).map(deepCopy);
    },
    transition: async (id, from, patch, at) => {
      const slot = slots.get(id);
      if (slot === undefined || slot.lease !== undefined || !from.includes(slot.entry.status)) {
        return undefined;
      }
      slot.entry = keep(applyEntryPatch(slot.entry, patch, at));
      return deepCopy(slot.entry);
    },
    claimDue: async ({ now, limit, worker, leaseMs }) => {
      const at = now.getTime();
      const due = [...slots.values()]
        .filter(({ entry, lease }) =>
          entry.status === 'scheduled'
            ? entry.publishAt.getTime() <= at
            : entry.status === 'publishing' && (lease === undefined || lease.until <= at),
        )
        .sort((a, b) => byPublishAt(a.entry, b.entry))
        .slice(0, Math.max(0, limit));
      return due.map((slot): ClaimedEntry => {
        const recovered = slot.entry.status === 'publishing';
        slot.entry = {
          ...slot.entry,
          status: 'publishing',
          attempts: slot.entry.attempts + 1,
          updatedAt: new Date(at),
        };
        slot.lease = { worker, until: at + leaseMs };
        return { entry: deepCopy(slot.entry), leaseUntil: new Date(slot.lease.until), recovered };
      });
    },
    renewLease: async (id, worker, until) => {
      const slot = slots.get(id);
      if (slot?.lease?.worker !== worker) return false;
      slot.lease = { worker, until: until.getTime() };
      return true;
    },
    complete: async (id, worker, patch, at) => {
      const slot = slots.get(id);
      if (slot?.lease?.worker !== worker) return false;
      slot.entry = keep(applyEntryPatch(slot.entry, patch, at));
      slot.lease = undefined;
      return true;
    },
  };
}

/** Whether `entry` is one `query` asks for. */
function matches(entry: ScheduleEntry, query: ScheduleQuery): boolean {
  const at = entry.publishAt.getTime();
  if (query.from !== undefined && at < query.from.getTime()) return false;
  if (query.to !== undefined && at >= query.to.getTime()) return false;
  if (query.statuses !== undefined && !query.statuses.includes(entry.status)) return false;
  if (query.seriesId !== undefined && entry.seriesId !== query.seriesId) return false;
  const { accounts } = query;
  if (accounts === undefined) return true;
  return entry.targets.some((target) =>
    accounts.some(
      (account) => account.platform === target.platform && account.accountId === target.accountId,
    ),
  );
}

/** Oldest `publishAt` first, then by id: the order of `list` and `claimDue`. */
function byPublishAt(a: ScheduleEntry, b: ScheduleEntry): number {
  return a.publishAt.getTime() - b.publishAt.getTime() || compareText(a.id, b.id);
}
