import type { ScheduleEntry } from '../models/schedule-entry.js';
import type { ScheduleStatus } from '../models/schedule-status.js';
import type { ScheduleQuery } from './schedule-store.js';
import { requireInstant, requireZone } from './time/time-input.js';
import { localTimeAt } from './time/zoned-time.js';

/** What {@link Scheduler.calendar} shows. */
export interface CalendarQuery {
  /** From this instant (inclusive). */
  readonly from: Date;
  /** To this instant (exclusive). */
  readonly to: Date;
  /** The IANA zone the calendar is read in: days and wall times are this zone's. */
  readonly zone: string;
  /** Only entries with a target on one of these accounts. */
  readonly accounts?: ScheduleQuery['accounts'];
  /** Only entries in these states (default: all). */
  readonly statuses?: readonly ScheduleStatus[] | undefined;
}

/** One entry in the calendar, with its wall time in the calendar's zone. */
export interface CalendarItem {
  /** `YYYY-MM-DDTHH:mm` in the calendar's zone. */
  readonly local: string;
  /** `HH:mm` in the calendar's zone. */
  readonly time: string;
  /** The zone's UTC offset then, `±HH:mm` (tells the two 01:30s of a fall-back night apart). */
  readonly offset: string;
  /** The entry. */
  readonly entry: ScheduleEntry;
}

/** One local day of the calendar. */
export interface CalendarDay {
  /** The day, `YYYY-MM-DD`, in the calendar's zone. */
  readonly date: string;
  /** Its entries, in time order. */
  readonly items: readonly CalendarItem[];
}

/**
 * Groups entries into the local days of `zone`, each with its wall time there. Days without
 * entries are left out.
 *
 * @param entries - entries in `publishAt` order
 * @param zone - the calendar's zone
 * @returns the days, in order
 */
export function calendarDays(entries: readonly ScheduleEntry[], zone: string): CalendarDay[] {
  const days: { date: string; items: CalendarItem[] }[] = [];
  for (const entry of entries) {
    const view = localTimeAt(entry.publishAt, zone);
    const item: CalendarItem = { local: view.local, time: view.time, offset: view.offset, entry };
    const last = days.at(-1);
    if (last?.date === view.date) last.items.push(item);
    else days.push({ date: view.date, items: [item] });
  }
  return days;
}

/**
 * Checks a calendar query and turns it into a store query.
 *
 * @throws ValidationError for an unknown zone or invalid instants
 */
export function calendarStoreQuery(query: CalendarQuery): ScheduleQuery {
  requireZone(query.zone, 'calendar');
  requireInstant(query.from, 'calendar', ['from']);
  requireInstant(query.to, 'calendar', ['to']);
  return {
    from: query.from,
    to: query.to,
    ...(query.accounts === undefined ? {} : { accounts: query.accounts }),
    ...(query.statuses === undefined ? {} : { statuses: query.statuses }),
  };
}
