import type { ScheduleEntry, TargetResult } from '../models/schedule-entry.js';
import type { ScheduleStatus } from '../models/schedule-status.js';
import { parseScheduleEntry } from '../parse/parse-models.js';
import { compareText } from './compare-text.js';
import { deepCopy } from './deep-copy.js';
import { applyEntryPatch } from './entry-patch.js';
import { outcomeOfResults } from './entry-results.js';
import { idTakenError } from './id-taken-error.js';
import { memoryOutbox } from './memory-outbox.js';
import { type ClaimedEntry, type ScheduleQuery, SLOT_HOLDING_STATUSES } from './schedule-store.js';
import { type TargetClaim, type TargetClaimStore, targetKey } from './target-claims.js';

/** The lease holder of an entry being published target by target (no one worker holds it). */
const TARGETS_HOLDER = '*targets';

/** A target's progress while its entry is published target by target. */
type TargetState =
  | { readonly worker: string; readonly until: number; readonly result?: undefined }
  | { readonly result: TargetResult };

/** A stored entry and, while a worker holds it, its lease (and, per target, their progress). */
interface Slot {
  entry: ScheduleEntry;
  lease?: { readonly worker: string; readonly until: number } | undefined;
  targets?: Map<string, TargetState> | undefined;
}

/**
 * A {@link TargetClaimStore} (a `ScheduleStore` that also claims target by target, and the
 * publisher's `Outbox`) in memory: for tests and for apps that run one
 * process and can lose their schedule on restart. Entries are checked with the schedule entry
 * schema when added and copied deeply in and out, so an entry you change after adding it, or
 * after getting it, never changes the store. Every call runs to its end without awaiting, so
 * JavaScript's single thread makes each one atomic: two workers in one process never claim one
 * entry, and two schedulers planning `'next-slot'` never take one slot (`addIfSlotsFree`,
 * `transitionIfSlotFree`). Nothing survives the process; use `sqliteScheduleStore`
 * (`@smmkit/core/sqlite`) for that.
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
export function memoryScheduleStore(): TargetClaimStore {
  const slots = new Map<string, Slot>();
  /** Checked against the schema and copied, so the store owns what it keeps. */
  const keep = (entry: ScheduleEntry): ScheduleEntry => deepCopy(parseScheduleEntry(entry));
  /** The slot of entry `id` when a transition from one of `from` may change it (no worker holds it). */
  const movable = (id: string, from: readonly ScheduleStatus[]): Slot | undefined => {
    const slot = slots.get(id);
    return slot !== undefined && slot.lease === undefined && from.includes(slot.entry.status)
      ? slot
      : undefined;
  };
  /** Makes `next` the slot's entry (its targets' progress starts over) and returns a copy. */
  const replace = (slot: Slot, next: ScheduleEntry): ScheduleEntry => {
    slot.entry = next;
    slot.targets = undefined;
    return deepCopy(next);
  };
  /** The entries to add, kept; throws naming every id stored already or repeated in the call. */
  const keepNew = (entries: readonly ScheduleEntry[]): ScheduleEntry[] => {
    const kept = entries.map(keep);
    const seen = new Set<string>();
    const taken = kept.flatMap(({ id }, index) => {
      const isTaken = slots.has(id) || seen.has(id);
      seen.add(id);
      return isTaken ? [{ index, id }] : [];
    });
    if (taken.length > 0) throw idTakenError(taken);
    return kept;
  };

  return {
    ...memoryOutbox(),
    add: async (entries) => {
      const kept = keepNew(entries);
      for (const entry of kept) slots.set(entry.id, { entry });
    },
    addIfSlotsFree: async (entries) => {
      const kept = keepNew(entries);
      const held = new Set<string>();
      for (const { entry } of slots.values()) {
        if (SLOT_HOLDING_STATUSES.includes(entry.status)) for (const key of slotKeys(entry)) held.add(key);
      }
      const refused = kept.flatMap((entry, index) => {
        const keys = slotKeys(entry);
        const isHeld = keys.some((key) => held.has(key));
        for (const key of keys) held.add(key);
        return isHeld ? [index] : [];
      });
      if (refused.length === 0) for (const entry of kept) slots.set(entry.id, { entry });
      return refused;
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
      const slot = movable(id, from);
      return slot === undefined ? undefined : replace(slot, keep(applyEntryPatch(slot.entry, patch, at)));
    },
    transitionIfSlotFree: async (id, from, patch, at) => {
      const slot = movable(id, from);
      if (slot === undefined) return undefined;
      const next = keep(applyEntryPatch(slot.entry, patch, at));
      const wanted = new Set(slotKeys(next));
      for (const [otherId, other] of slots) {
        if (otherId === id || !SLOT_HOLDING_STATUSES.includes(other.entry.status)) continue;
        if (slotKeys(other.entry).some((key) => wanted.has(key))) return 'slot-taken';
      }
      return replace(slot, next);
    },
    claimDue: async ({ now, dueBy, limit, worker, leaseMs }) => {
      const at = now.getTime();
      const dueAt = (dueBy ?? now).getTime();
      const due = [...slots.values()]
        .filter(({ entry, lease }) =>
          entry.status === 'scheduled'
            ? entry.publishAt.getTime() <= dueAt
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
      slot.targets = undefined;
      return true;
    },
    claimTarget: async ({ entryId, publishAt, target, now, worker, leaseMs }): Promise<TargetClaim> => {
      const slot = slots.get(entryId);
      if (slot === undefined) return { refused: 'missing' };
      const { entry } = slot;
      const at = now.getTime();
      const key = targetKey(target);
      const listed = entry.targets.find((candidate) => targetKey(candidate) === key);
      if (entry.publishAt.getTime() !== publishAt.getTime() || listed === undefined)
        return { refused: 'stale' };
      if (entry.status === 'draft' || entry.status === 'awaiting_approval') return { refused: 'waiting' };
      if (entry.status === 'scheduled' && entry.publishAt.getTime() > at) return { refused: 'early' };
      if (entry.status !== 'scheduled' && entry.status !== 'publishing') return { refused: 'settled' };
      if (entry.status === 'publishing' && slot.lease?.worker !== TARGETS_HOLDER) {
        return { refused: 'leased', leaseUntil: new Date(slot.lease?.until ?? at) };
      }
      const state = slot.targets?.get(key);
      if (state?.result !== undefined) return { refused: 'settled' };
      if (state !== undefined && state.until > at)
        return { refused: 'leased', leaseUntil: new Date(state.until) };
      const first = entry.status === 'scheduled';
      const recovered = state !== undefined;
      const until = at + leaseMs;
      slot.entry = {
        ...entry,
        status: 'publishing',
        attempts: entry.attempts + (first || recovered ? 1 : 0),
        updatedAt: new Date(at),
      };
      slot.targets = first ? new Map() : (slot.targets ?? new Map());
      slot.targets.set(key, { worker, until });
      slot.lease = { worker: TARGETS_HOLDER, until: Math.max(slot.lease?.until ?? 0, until) };
      return {
        claimed: {
          entry: deepCopy(slot.entry),
          target: deepCopy(listed),
          leaseUntil: new Date(until),
          first,
          recovered,
        },
      };
    },
    renewTargetLease: async (entryId, target, worker, until) => {
      const slot = slots.get(entryId);
      const state = slot?.targets?.get(targetKey(target));
      if (slot?.lease?.worker !== TARGETS_HOLDER || state?.result !== undefined || state?.worker !== worker) {
        return false;
      }
      slot.targets?.set(targetKey(target), { worker, until: until.getTime() });
      slot.lease = { worker: TARGETS_HOLDER, until: Math.max(slot.lease.until, until.getTime()) };
      return true;
    },
    settleTarget: async ({ entryId, target, worker, result, at, leaseMs }) => {
      const slot = slots.get(entryId);
      const key = targetKey(target);
      const state = slot?.targets?.get(key);
      if (slot?.lease?.worker !== TARGETS_HOLDER || state?.result !== undefined || state?.worker !== worker) {
        return { kept: false };
      }
      slot.targets?.set(key, { result: deepCopy(result) });
      slot.lease = { worker: TARGETS_HOLDER, until: Math.max(slot.lease.until, at.getTime() + leaseMs) };
      const results = slot.entry.targets.map((listed) => slot.targets?.get(targetKey(listed))?.result);
      if (!results.every((settled): settled is TargetResult => settled !== undefined)) return { kept: true };
      const outcome = outcomeOfResults(results);
      const patch = { status: outcome.status, results: outcome.results, error: outcome.error };
      slot.entry = keep(applyEntryPatch(slot.entry, patch, at));
      slot.lease = undefined;
      slot.targets = undefined;
      return { kept: true, finished: deepCopy(slot.entry) };
    },
  };
}

/** The queue slots `entry` stands in: one per account it has a target on, at its `publishAt`. */
function slotKeys(entry: ScheduleEntry): string[] {
  const at = entry.publishAt.getTime();
  return entry.targets.map((target) => JSON.stringify([target.platform, target.accountId, at]));
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
