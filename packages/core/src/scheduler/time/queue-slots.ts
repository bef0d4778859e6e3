import { parseQueueSlots, type QueueSlot } from './queue-slot-syntax.js';
import { invalidTimeInput, requireInstant, requireZone } from './time-input.js';
import {
  type DstAdjustment,
  type ResolvedLocalTime,
  resolveWallMs,
  resolveWallTime,
  wallFromMs,
  wallMsOf,
  zonedAt,
} from './zoned-time.js';

export { parseQueueSlots, type QueueSlot } from './queue-slot-syntax.js';

/** How far ahead {@link nextFreeSlot} looks by default: a year of weekly slots. */
export const DEFAULT_HORIZON_DAYS = 366;
/** The longest horizon {@link nextFreeSlot} accepts: ten years. */
export const MAX_HORIZON_DAYS = 3660;

/** What {@link nextFreeSlot} takes. */
export interface NextFreeSlotOptions {
  /** The account's weekly slots, as written (`'Mon-Fri 09:00'`) or from {@link parseQueueSlots}. */
  readonly slots: readonly (string | QueueSlot)[];
  /** The account's IANA zone: slots are wall times there. */
  readonly zone: string;
  /** Only slots strictly after this instant count (pass now, or the last queued instant). */
  readonly after: Date;
  /**
   * Slots already used: a predicate on the slot's instant, or a set of epoch milliseconds.
   * Default: none taken.
   */
  readonly taken?: ((instant: Date) => boolean) | ReadonlySet<number> | undefined;
  /**
   * Look no further than this many days after `after` (default {@link DEFAULT_HORIZON_DAYS},
   * at most {@link MAX_HORIZON_DAYS}), so a full queue ends the search instead of looping.
   */
  readonly horizonDays?: number | undefined;
}

/** A free queue slot: its instant (with the DST policy's report) and the slot it came from. */
export interface ResolvedSlot extends ResolvedLocalTime {
  /** The slot as written (its `source`). */
  readonly slot: string;
}

/**
 * The first free weekly queue slot strictly after `after`, in the account's zone.
 *
 * Slots are wall times, so `Mon-Fri 09:00` is 09:00 local in winter and in summer. On DST days
 * the policy of `resolveLocalTime` applies and is reported in `adjustment`: a slot inside a
 * spring-forward gap is shifted forward by the gap (02:30 → 03:30, `'gap-shifted'`), a slot in a
 * fall-back overlap is its earlier instant (`'overlap-earlier'`). Two slots that land on the same
 * instant (02:30 shifted onto a 03:30 slot) are one slot. Slots are tried in instant order.
 *
 * Each taken slot skipped costs about a microsecond (zone offsets are cached away from DST
 * changes), so skipping a year of taken slots is cheap; passing the last queued instant as
 * `after` avoids even that.
 *
 * @returns the slot, or `undefined` when every slot within the horizon is taken
 * @throws ValidationError for bad slots (see {@link parseQueueSlots}), an unknown zone, an
 *   invalid `after` or a horizon outside 1…{@link MAX_HORIZON_DAYS}
 *
 * @example
 * ```ts
 * const slot = nextFreeSlot({
 *   slots: ['Mon-Fri 09:00', 'Sat,Sun 10:15'],
 *   zone: 'Europe/Berlin',
 *   after: new Date('2026-05-01T08:00:00Z'),
 *   taken: new Set([Date.parse('2026-05-02T08:15:00Z')]),
 * });
 * // slot.instant = 2026-05-03T08:15:00.000Z (Sunday 10:15 CEST; Saturday's was taken)
 * ```
 */
export function nextFreeSlot(options: NextFreeSlotOptions): ResolvedSlot | undefined {
  const { zone, after } = options;
  requireZone(zone, 'queue slots');
  requireInstant(after, 'queue slots', ['after']);
  const horizonDays = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  if (!Number.isInteger(horizonDays) || horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
    invalidTimeInput(
      'queue slots',
      ['horizonDays'],
      'horizon_days.range',
      `must be a whole number of days from 1 to ${MAX_HORIZON_DAYS}`,
      String(horizonDays),
    );
  }
  const byWeekday = slotsByWeekday(options.slots);
  const isTaken = takenCheck(options.taken);

  const start = zonedAt(after, zone);
  const afterMs = after.getTime();
  const endMs = start.add({ days: horizonDays }).epochMilliseconds;
  // Local days are stepped as UTC calendar days (no zone, so no DST): day `n` is wall midnight.
  const lastDayMs = wallMsOf(zonedAt(new Date(endMs), zone).toPlainDate());
  for (let dayMs = wallMsOf(start.toPlainDate()); dayMs <= lastDayMs; dayMs += DAY_MS) {
    const weekday = ((new Date(dayMs).getUTCDay() + 6) % 7) + 1;
    for (const candidate of candidatesOn(dayMs, byWeekday[weekday] ?? [], zone)) {
      if (candidate.ms <= afterMs) continue;
      if (candidate.ms > endMs) return undefined;
      if (isTaken(new Date(candidate.ms))) continue;
      return { ...resolveWallTime(wallFromMs(candidate.wallMs), zone), slot: candidate.source };
    }
  }
  return undefined;
}

const DAY_MS = 86_400_000;

interface Candidate {
  /** The slot's wall time, its fields read as UTC. */
  readonly wallMs: number;
  /** The instant it resolves to. */
  readonly ms: number;
  readonly adjustment: DstAdjustment;
  readonly source: string;
}

/** One day's slots as instants, in instant order, each instant once. */
function candidatesOn(dayMs: number, slots: readonly WeeklyTime[], zone: string): Candidate[] {
  const resolved = slots.map(({ minuteOfDay, source }) => {
    const wallMs = dayMs + minuteOfDay * 60_000;
    return { wallMs, source, ...resolveWallMs(wallMs, zone) };
  });
  // Wall order is not instant order on a spring-forward day: 02:30 shifted to 03:30 comes after 03:00.
  resolved.sort((a, b) => a.ms - b.ms || rank(a) - rank(b));
  return resolved.filter((slot, i) => i === 0 || slot.ms !== resolved[i - 1]?.ms);
}

/** On a shared instant the slot that needed no shift is the one reported. */
function rank(slot: Candidate): number {
  return slot.adjustment === 'gap-shifted' ? 1 : 0;
}

interface WeeklyTime {
  readonly minuteOfDay: number;
  readonly source: string;
}

/** Each ISO weekday's times (index 1…7), each with the slot that asked for it. */
function slotsByWeekday(slots: readonly (string | QueueSlot)[]): readonly WeeklyTime[][] {
  const week: WeeklyTime[][] = Array.from({ length: 8 }, () => []);
  for (const slot of parseQueueSlots(slots)) {
    for (const day of slot.days) {
      for (const time of slot.times) {
        const [hour = 0, minute = 0] = time.split(':').map(Number);
        week[day]?.push({ minuteOfDay: hour * 60 + minute, source: slot.source });
      }
    }
  }
  return week;
}

function takenCheck(taken: NextFreeSlotOptions['taken']): (instant: Date) => boolean {
  if (taken === undefined) return () => false;
  if (typeof taken === 'function') return taken;
  return (instant) => taken.has(instant.getTime());
}
