import { ValidationError, type ValidationProblem } from '../../errors/validation-error.js';
import { quoteShort } from '../../models/issue-message.js';
import { describeKind } from '../../parse/value-kind.js';
import { cut } from './time-input.js';

/**
 * One weekly queue slot, parsed: the days of the week and the times of day an account posts at,
 * read in the account's zone.
 *
 * @example
 * ```ts
 * parseQueueSlots(['Mon-Fri 09:00,13:30'])[0];
 * // { source: 'Mon-Fri 09:00,13:30', days: [1, 2, 3, 4, 5], times: ['09:00', '13:30'] }
 * ```
 */
export interface QueueSlot {
  /** The slot as written. */
  readonly source: string;
  /** ISO days of the week, 1 = Monday … 7 = Sunday, ascending, no repeats. */
  readonly days: readonly number[];
  /** Times of day, `HH:mm`, ascending, no repeats. */
  readonly times: readonly string[];
}

const DAY_NAMES: readonly (readonly [string, string])[] = [
  ['mon', 'monday'],
  ['tue', 'tuesday'],
  ['wed', 'wednesday'],
  ['thu', 'thursday'],
  ['fri', 'friday'],
  ['sat', 'saturday'],
  ['sun', 'sunday'],
];

const EVERY_DAY: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

/** `[days ]time[,time…]`: the days part is optional, the times come last. */
const SLOT = /^(?:(.*?)\s+)?(\d{1,2}:\d{2}(?:\s*,\s*\d{1,2}:\d{2})*)$/;
const TIME = /^(\d{1,2}):(\d{2})$/;

const EXAMPLES = 'write e.g. "Mon-Fri 09:00", "17:30" (every day) or "Sat,Sun 10:15"';

/**
 * Parses weekly queue slots. Each slot is `[days ]HH:mm[,HH:mm…]`:
 * - days: `Mon`…`Sun` (or full English names, any case), as a list (`Sat,Sun`), a range
 *   (`Mon-Fri`; `Fri-Mon` wraps over the weekend) or both (`Mon-Wed,Fri`); no days = every day;
 * - times: 24-hour `HH:mm` from `00:00` to `23:59`, one or several (`09:00,13:30`).
 *
 * Every slot is checked and every problem reported at once. Slots already parsed (objects from
 * an earlier call) are passed through as they are.
 *
 * @param slots - the slots as written
 * @param path - where `slots` sits in the caller's input, for the problems' paths
 * @throws ValidationError (subject `queue slots`) with one problem per bad slot, its path
 *   `[...path, index]` and the slot quoted in the message: `slots.empty`, `slot.syntax`,
 *   `slot.day` or `slot.time`; slots that are not a list (one slot as a string) are one
 *   `slots.list` problem at `path`, showing the list to write
 *
 * @example
 * ```ts
 * parseQueueSlots(['Mon-Fri 09:00', '17:30', 'Sat,Sun 10:15']);
 * parseQueueSlots(['Mon-Fry 09:00']); // ValidationError: slots[0]: unknown day "Fry" in slot "Mon-Fry 09:00"…
 * ```
 */
export function parseQueueSlots(
  slots: readonly (string | QueueSlot)[],
  path: readonly (string | number)[] = ['slots'],
): QueueSlot[] {
  const problems: ValidationProblem[] = [];
  if (slots !== undefined && slots !== null && !Array.isArray(slots)) {
    throw new ValidationError([notAList(slots, path)], 'queue slots');
  }
  if (!Array.isArray(slots) || slots.length === 0) {
    throw new ValidationError(
      [{ path, rule: 'slots.empty', message: `no queue slots; give at least one weekly slot: ${EXAMPLES}` }],
      'queue slots',
    );
  }
  const parsed: QueueSlot[] = [];
  slots.forEach((slot, index) => {
    const result =
      typeof slot === 'string' ? parseSlot(slot, [...path, index]) : passThrough(slot, [...path, index]);
    if ('problem' in result) problems.push(result.problem);
    else parsed.push(result.slot);
  });
  if (problems.length > 0) throw new ValidationError(problems, 'queue slots');
  return parsed;
}

/**
 * Checks weekly queue slots as the scheduler reads them (the grammar `schedule(…, 'next-slot')` reads), without
 * keeping the result: for a tool that checks a config before anything is opened.
 *
 * @param slots - the slots as written (`'Mon-Fri 09:00'`, `'17:30'`)
 * @param path - where `slots` sits in the caller's input, for the problems' paths
 * @throws ValidationError with one problem per bad slot (`slots.empty`, `slot.syntax`, `slot.day`,
 *   `slot.time`), each at `[...path, index]`; the messages quote the slot. Slots that are not a
 *   list (`'Mon 09:00'` for `['Mon 09:00']`) are one `slots.list` problem at `path`
 *
 * @example
 * ```ts
 * checkQueueSlots(['Mon-Fri 09:00', '17:30']); // fine
 * checkQueueSlots(['Mon-Fry 09:00'], ['accounts', 0, 'slots']); // ValidationError, rule slot.day
 * ```
 */
export function checkQueueSlots(
  slots: readonly string[],
  path: readonly (string | number)[] = ['slots'],
): void {
  parseQueueSlots(slots, path);
}

/**
 * The problem of slots given as something other than a list: one slot as a bare string (shown
 * back inside a list, the way to write it), or any other value (named by its kind only).
 */
function notAList(slots: unknown, path: readonly (string | number)[]): ValidationProblem {
  if (typeof slots === 'string') {
    const listed = `['${cut(slots).replace(/[\\']/g, '\\$&')}']`;
    return {
      path,
      rule: 'slots.list',
      message: `queue slots are a list of weekly slots, not one string: write ${listed}, with one string per slot (${EXAMPLES})`,
      actual: cut(slots),
    };
  }
  return {
    path,
    rule: 'slots.list',
    message: `queue slots are a list of weekly slots, not ${describeKind(slots)}: write e.g. ['Mon-Fri 09:00', 'Sat,Sun 10:15']`,
    actual: describeKind(slots),
  };
}

type SlotResult = { readonly slot: QueueSlot } | { readonly problem: ValidationProblem };

/** An already parsed slot, kept when it has the shape {@link parseQueueSlots} returns. */
function passThrough(slot: unknown, path: readonly (string | number)[]): SlotResult {
  if (isQueueSlot(slot)) return { slot };
  return parseSlot(slot, path);
}

function isQueueSlot(value: unknown): value is QueueSlot {
  if (typeof value !== 'object' || value === null) return false;
  const { source, days, times } = value as Partial<Record<keyof QueueSlot, unknown>>;
  return (
    typeof source === 'string' &&
    Array.isArray(days) &&
    days.every((day) => Number.isInteger(day) && day >= 1 && day <= 7) &&
    Array.isArray(times) &&
    times.every((time) => typeof time === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(time))
  );
}

function parseSlot(slot: unknown, path: readonly (string | number)[]): SlotResult {
  if (typeof slot !== 'string') {
    return {
      problem: { path, rule: 'slot.syntax', message: `expected a string, got ${typeof slot}; ${EXAMPLES}` },
    };
  }
  const text = slot.trim().replace(/\s+/g, ' ');
  const match = SLOT.exec(text);
  const fail = (rule: string, message: string): SlotResult => ({
    problem: { path, rule, message, actual: cut(slot) },
  });
  if (match === null) return fail('slot.syntax', `${quoteShort(slot)} is not a weekly slot; ${EXAMPLES}`);

  const days = match[1] === undefined ? EVERY_DAY : parseDays(match[1]);
  if (typeof days === 'string') {
    return fail(
      'slot.day',
      `unknown day ${quoteShort(days)} in slot ${quoteShort(slot)}; use Mon, Tue, Wed, Thu, Fri, Sat, Sun, a list (Sat,Sun) or a range (Mon-Fri)`,
    );
  }
  const times: string[] = [];
  for (const time of (match[2] ?? '').split(',')) {
    const clock = TIME.exec(time.trim());
    const hour = Number(clock?.[1]);
    const minute = Number(clock?.[2]);
    if (clock === null || hour > 23 || minute > 59) {
      return fail(
        'slot.time',
        `${quoteShort(time.trim())} in slot ${quoteShort(slot)} is not a time of day; use 24-hour HH:mm from 00:00 to 23:59`,
      );
    }
    times.push(`${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
  }
  return { slot: { source: slot, days, times: [...new Set(times)].sort() } };
}

/** The ISO weekdays a days part names, or the first word that is not a day. */
function parseDays(text: string): number[] | string {
  const days = new Set<number>();
  for (const item of text.split(',')) {
    const ends = item.split('-').map((end) => end.trim());
    if (ends.length > 2) return item.trim();
    const first = dayNumber(ends[0] ?? '');
    if (first === undefined) return ends[0] ?? item;
    const last = ends.length === 2 ? dayNumber(ends[1] ?? '') : first;
    if (last === undefined) return ends[1] ?? item;
    // Fri-Mon wraps over the weekend: walk forward from the first day to the last.
    for (let day = first; ; day = (day % 7) + 1) {
      days.add(day);
      if (day === last) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

function dayNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  const index = DAY_NAMES.findIndex(([short, long]) => lower === short || lower === long);
  return index === -1 ? undefined : index + 1;
}
