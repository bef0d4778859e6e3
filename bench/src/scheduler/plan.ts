/**
 * What `pnpm bench:scheduler` plans: entry `n` goes to account `n % accounts`, at a wall time of
 * that account's zone during the week of Monday 23 to Sunday 29 November 2026. Each account gets
 * its entries on distinct wall times (day `k % 7`, hour 07:00–21:00), all accounts on the same
 * hour spread over twelve five-minute marks, so a few dozen entries fall due at once.
 */

/** The zones accounts live in, in turn: whole, half and quarter hour offsets, both hemispheres. */
export const ZONES: readonly string[] = [
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'UTC',
];

/** The first day of the planned week (a Monday), `YYYY-MM-DD`. */
const FIRST_DAY = Date.UTC(2026, 10, 23);
const DAY = 86_400_000;
/** Wall-time hours used: 07:00 to 21:00, fifteen of them. */
const FIRST_HOUR = 7;
const HOURS = 15;

/** One planned entry. */
export interface PlannedEntry {
  /** Which account (index into the bench's targets). */
  readonly account: number;
  /** The wall time, `YYYY-MM-DDTHH:mm`. */
  readonly at: string;
  /** The account's zone. */
  readonly zone: string;
  /** The post's text, unique per entry so that every post on a platform names its entry. */
  readonly text: string;
}

/**
 * Entry `n` of the bench.
 *
 * @param n - the entry's number
 * @param accounts - how many accounts there are
 * @returns the account, wall time, zone and text
 * @throws RangeError when an account would get more than 7 × 15 = 105 entries (its wall times would repeat)
 */
export function plannedEntry(n: number, accounts: number): PlannedEntry {
  const account = n % accounts;
  const k = Math.floor(n / accounts);
  if (k >= 7 * HOURS) throw new RangeError(`at most ${7 * HOURS} entries per account`);
  const day = new Date(FIRST_DAY + (k % 7) * DAY).toISOString().slice(0, 10);
  const hour = FIRST_HOUR + Math.floor(k / 7);
  const minute = (account % 12) * 5;
  return {
    account,
    at: `${day}T${pad(hour)}:${pad(minute)}`,
    zone: ZONES[account % ZONES.length] ?? 'UTC',
    text: `Scheduler bench entry ${n} for account ${account}`,
  };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
