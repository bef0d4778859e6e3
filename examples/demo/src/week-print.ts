import type { ScheduleEntry } from '@smmkit/core';
import type { CalendarDay } from '@smmkit/core/scheduler';

/** Formatters by zone: building one is costly and the calendar reuses a few. */
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * `Mon 30 Mar 09:00`: an instant's wall time in `zone`.
 *
 * @param instant - the instant
 * @param zone - an IANA zone
 */
export function wallTime(instant: Date, zone: string): string {
  let format = formats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(zone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    format.formatToParts(instant).find((item) => item.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('hour')}:${part('minute')}`;
}

/** The city of an IANA zone, for brackets: `America/New_York` → `New York`. */
function city(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');
}

/**
 * The calendar as lines: a day's first entry starts with the day, every entry gives its wall
 * time in the calendar's zone (and in its own zone when that differs), where it goes, its state
 * and its label; a rejected or unapproved one says why.
 *
 * @param days - the calendar (from `scheduler.calendar`)
 * @param labelOf - the name printed for an entry
 */
export function calendarLines(
  days: readonly CalendarDay[],
  labelOf: (entry: ScheduleEntry) => string,
): string[] {
  const lines: string[] = [];
  for (const day of days) {
    day.items.forEach((item, index) => {
      const { entry } = item;
      // The day as the calendar's zone has it (noon UTC of that date names the same weekday).
      const date = index === 0 ? wallTime(new Date(`${day.date}T12:00:00Z`), 'UTC').slice(0, -6) : '';
      const own = localIn(entry) === item.time ? '' : `(${localIn(entry)} ${city(entry.timeZone)})`;
      const where = entry.targets.map((target) => target.platform).join('+');
      const why =
        entry.status === 'rejected'
          ? ` by ${entry.approval?.decidedBy}: ${entry.approval?.note ?? ''}`
          : entry.error === undefined
            ? ''
            : ` ${entry.error.code}`;
      lines.push(
        `${date.padEnd(10)}  ${item.time} ${own.padEnd(18)} ${where.padEnd(10)} ${entry.status.padEnd(10)} ${labelOf(entry)}${why}`,
      );
    });
  }
  return lines;
}

/** An entry's wall time `HH:mm` in its own zone. */
function localIn(entry: ScheduleEntry): string {
  return wallTime(entry.publishAt, entry.timeZone).slice(-5);
}
