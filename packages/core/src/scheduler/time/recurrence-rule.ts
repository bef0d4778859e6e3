import { Temporal } from 'temporal-polyfill';
import { ValidationError, type ValidationProblem } from '../../errors/validation-error.js';
import { quoteShort } from '../../models/issue-message.js';
import { cut } from './time-input.js';

/** The most occurrences a rule's COUNT may ask for (daily for 27 years). */
export const MAX_COUNT = 10_000;

/** Where a rule's UNTIL ends it. */
export type RuleEnd =
  /** `UNTIL=20261231T230000Z`: the last instant an occurrence may have (RFC 5545's form with a zone). */
  | { readonly kind: 'instant'; readonly at: Date }
  /** `UNTIL=20261231`: occurrences up to and including that local day. */
  | { readonly kind: 'date'; readonly date: Temporal.PlainDate };

/** A rule that passed {@link checkRecurrenceRule}. */
export interface CheckedRule {
  /** The RRULE value without UNTIL, upper case, parts in the order given. */
  readonly value: string;
  /** UNTIL, read; the caller applies it to instants. */
  readonly until?: RuleEnd | undefined;
  /** COUNT, when given. */
  readonly count?: number | undefined;
}

const SUBJECT = 'recurrence rule';
const WEEKDAY = '(MO|TU|WE|TH|FR|SA|SU)';

/** Integer lists of RFC 5545 3.3.10 and their ranges; `signed` parts may also count from the end (-1 = last). */
const NUMBER_LISTS: Readonly<
  Record<string, { readonly min: number; readonly max: number; readonly signed: boolean }>
> = {
  BYSECOND: { min: 0, max: 60, signed: false },
  BYMINUTE: { min: 0, max: 59, signed: false },
  BYHOUR: { min: 0, max: 23, signed: false },
  BYMONTHDAY: { min: 1, max: 31, signed: true },
  BYYEARDAY: { min: 1, max: 366, signed: true },
  BYWEEKNO: { min: 1, max: 53, signed: true },
  BYMONTH: { min: 1, max: 12, signed: false },
  BYSETPOS: { min: 1, max: 366, signed: true },
};

const PARTS = new Set(['FREQ', 'UNTIL', 'COUNT', 'INTERVAL', 'BYDAY', 'WKST', ...Object.keys(NUMBER_LISTS)]);

/**
 * Checks an RFC 5545 RRULE value (https://www.rfc-editor.org/rfc/rfc5545#section-3.3.10) before
 * the recurrence library reads it, because the library ignores what it does not understand
 * (`FOO=1`, `COUNT=abc`, `BYMONTHDAY=32`) where the scheduler must refuse it. Checks part names,
 * repeats, value syntax and ranges; combinations (BYWEEKNO only with YEARLY, …) are left to the
 * library's strict mode. UNTIL is taken out and returned, since it names an instant while the
 * library expands wall times.
 *
 * The scheduler repeats at most daily: FREQ=HOURLY/MINUTELY/SECONDLY are refused (several posts a
 * day are FREQ=DAILY;BYHOUR=9,13,17, each a wall time that keeps its hour across DST).
 *
 * @throws ValidationError (subject `recurrence rule`, path `['rule']`) listing every problem
 */
export function checkRecurrenceRule(rule: string): CheckedRule {
  if (typeof rule !== 'string') {
    throw problem(
      'recurrence.syntax',
      `expected an RRULE string such as "FREQ=WEEKLY;BYDAY=MO", got ${typeof rule}`,
    );
  }
  const text = rule.trim().replace(/^RRULE:/i, '');
  if (/[\r\n]/.test(text) || /^(DTSTART|EXDATE|RDATE)/i.test(text)) {
    throw problem(
      'recurrence.syntax',
      `${quoteShort(rule)} has more than an RRULE value; give only the rule (e.g. "FREQ=DAILY"), the start is passed separately`,
      rule,
    );
  }
  const problems: ValidationProblem[] = [];
  const add = (rule_: string, message: string): void => {
    problems.push({ path: ['rule'], rule: rule_, message, actual: cut(rule) });
  };
  const seen = new Map<string, string>();
  for (const item of text.split(';')) {
    if (item.trim() === '') continue;
    const [name = '', value, ...extra] = item.split('=').map((s) => s.trim().toUpperCase());
    if (value === undefined || value === '' || extra.length > 0) {
      add(
        'recurrence.syntax',
        `${quoteShort(item)} is not NAME=VALUE; write parts like FREQ=WEEKLY;BYDAY=MO`,
      );
    } else if (!PARTS.has(name)) {
      add(
        'recurrence.part',
        `unknown rule part ${quoteShort(name)}; RFC 5545 parts are ${[...PARTS].join(', ')}`,
      );
    } else if (seen.has(name)) {
      add('recurrence.part', `${name} is given twice; give each part once`);
    } else {
      seen.set(name, value);
      const wrong = checkValue(name, value);
      if (wrong !== undefined) add('recurrence.value', `${name}=${cut(value)}: ${wrong}`);
    }
  }
  const freq = seen.get('FREQ');
  if (freq === undefined) {
    add('recurrence.syntax', 'FREQ is required, e.g. FREQ=WEEKLY;BYDAY=MO');
  } else if (['HOURLY', 'MINUTELY', 'SECONDLY'].includes(freq)) {
    add(
      'recurrence.frequency',
      `FREQ=${freq} is not supported: the scheduler repeats at most daily; for several posts a day use FREQ=DAILY;BYHOUR=9,13,17`,
    );
  }
  if (seen.has('COUNT') && seen.has('UNTIL')) {
    add('recurrence.syntax', 'COUNT and UNTIL must not both be given (RFC 5545 3.3.10); keep one');
  }
  if (problems.length > 0) throw new ValidationError(problems, SUBJECT);

  const count = seen.get('COUNT');
  const until = seen.get('UNTIL');
  seen.delete('UNTIL');
  return {
    value: [...seen].map(([name, value]) => `${name}=${value}`).join(';'),
    until: until === undefined ? undefined : readUntil(until),
    count: count === undefined ? undefined : Number(count),
  };
}

/** Why `value` is wrong for part `name`, or undefined when it is right. */
function checkValue(name: string, value: string): string | undefined {
  const list = NUMBER_LISTS[name];
  if (list !== undefined) return checkNumberList(value, list);
  switch (name) {
    case 'FREQ':
      return /^(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)$/.test(value)
        ? undefined
        : 'must be DAILY, WEEKLY, MONTHLY or YEARLY';
    case 'COUNT':
      return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_COUNT
        ? undefined
        : `must be a whole number from 1 to ${MAX_COUNT}`;
    case 'INTERVAL':
      return /^\d+$/.test(value) && Number(value) >= 1 ? undefined : 'must be a whole number of at least 1';
    case 'WKST':
      return new RegExp(`^${WEEKDAY}$`).test(value) ? undefined : 'must be one of MO, TU, WE, TH, FR, SA, SU';
    case 'BYDAY':
      return value.split(',').every((day) => {
        const match = new RegExp(`^([+-]?\\d{1,2})?${WEEKDAY}$`).exec(day);
        const nth = match?.[1] === undefined ? 1 : Math.abs(Number(match[1]));
        return match !== null && nth >= 1 && nth <= 53;
      })
        ? undefined
        : 'must be weekdays MO…SU, each optionally with a position from 1 to 53 or -53 to -1 (e.g. 1MO, -1FR)';
    case 'UNTIL':
      return readUntil(value) === undefined
        ? 'must be a UTC date-time YYYYMMDDTHHMMSSZ (RFC 5545 3.3.10: with a zone, UNTIL is in UTC) or a date YYYYMMDD'
        : undefined;
    default:
      return undefined;
  }
}

function checkNumberList(
  value: string,
  { min, max, signed }: { readonly min: number; readonly max: number; readonly signed: boolean },
): string | undefined {
  const ok = value.split(',').every((item) => {
    if (!(signed ? /^[+-]?\d+$/ : /^\+?\d+$/).test(item)) return false;
    const n = Math.abs(Number(item));
    return n >= min && n <= max;
  });
  if (ok) return undefined;
  return signed
    ? `must be whole numbers from ${min} to ${max} or -${max} to -${min} (counting from the end)`
    : `must be whole numbers from ${min} to ${max}`;
}

function readUntil(value: string): RuleEnd | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(value);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  try {
    const date = Temporal.PlainDate.from(`${year}-${month}-${day}`);
    if (hour === undefined) return { kind: 'date', date };
    const at = Temporal.Instant.from(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
    return { kind: 'instant', at: new Date(at.epochMilliseconds) };
  } catch {
    return undefined;
  }
}

function problem(rule: string, message: string, actual?: string): ValidationError {
  return new ValidationError(
    [{ path: ['rule'], rule, message, ...(actual === undefined ? {} : { actual: cut(actual) }) }],
    SUBJECT,
  );
}
