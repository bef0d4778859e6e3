import { parseScheduleEntry, type ScheduleEntry } from '@smmkit/core';
import type { ClaimRequest, ScheduleStore } from '@smmkit/core/scheduler';

/** What the schedule store cases get: fresh stores, and two handles on one store's storage. */
export interface StoreHarness {
  /** A new, empty store (closed after the test). */
  store(): Promise<ScheduleStore>;
  /**
   * Two handles on one new, empty store: two connections to one file when the store has them
   * (another process's view), else the same store twice. Concurrency cases race them.
   */
  pair(): Promise<readonly [ScheduleStore, ScheduleStore]>;
}

/** The lease the cases' claims take: 10 minutes. */
export const LEASE_MS = 10 * 60_000;

/** The instant the cases start from: 2026-05-01 07:00 UTC (09:00 in Berlin). */
export const T0 = Date.UTC(2026, 4, 1, 7, 0, 0);

/** The instant `minutes` after {@link T0} (before it when negative). */
export function minutesAfter(minutes: number): Date {
  return new Date(T0 + minutes * 60_000);
}

/**
 * A schedule entry for the cases: a scheduled text post to one X account at {@link T0} plus
 * `minutes`, with `fields` on top.
 */
export function sampleEntry(
  id: string,
  minutes = 0,
  fields: Readonly<Record<string, unknown>> = {},
): ScheduleEntry {
  return parseScheduleEntry({
    id,
    post: { text: `Post ${id}` },
    targets: [{ platform: 'x', accountId: '2244994945' }],
    publishAt: minutesAfter(minutes),
    timeZone: 'Europe/Berlin',
    status: 'scheduled',
    ...fields,
  });
}

/** A claim request at `minutes` after {@link T0}, for `worker`, with a 10-minute lease. */
export function claimAt(minutes: number, worker: string, limit = 100): ClaimRequest {
  return { now: minutesAfter(minutes), limit, worker, leaseMs: LEASE_MS };
}
