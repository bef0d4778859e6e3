import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { describeKind, isRecord } from '../parse/value-kind.js';
import type { Publisher } from '../publisher/publisher.js';
import { type Clock, systemClock } from '../time/clock.js';
import { CLOCK_HINT, clockProblem } from '../time/clock-problem.js';
import type { ScheduleStore } from './schedule-store.js';
import {
  DEFAULT_HORIZON_DAYS,
  MAX_HORIZON_DAYS,
  parseQueueSlots,
  type QueueSlot,
} from './time/queue-slots.js';
import { requireZone } from './time/time-input.js';

/** An account's publishing queue: its zone and weekly slots, for `'next-slot'`. */
export interface AccountQueue {
  /** Platform id. */
  readonly platform: string;
  /** The account's id on the platform. */
  readonly accountId: string;
  /** The IANA zone its audience lives in: slots are wall times there. */
  readonly zone: string;
  /** Weekly slots: `'Mon-Fri 09:00'`, `'17:30'` (every day), `'Sat,Sun 10:15'`, `'Mon 09:00,13:30'`. */
  readonly slots: readonly string[];
}

/**
 * Options of {@link createScheduler}.
 *
 * @example
 * ```ts
 * const store = sqliteScheduleStore('smm.db');
 * const scheduler = createScheduler({
 *   store,
 *   publisher: createPublisher({ adapters, tokens, outbox: store }),
 *   accounts: [{ platform: 'x', accountId: '2244994945', zone: 'Europe/Berlin', slots: ['Mon-Fri 09:00'] }],
 * });
 * ```
 */
export interface SchedulerOptions {
  /** Where entries live (and the outbox). Share one store between every scheduler process. */
  readonly store: ScheduleStore;
  /**
   * The publisher entries go out through. Create it with `outbox: store` (the same store): the
   * scheduler publishes each entry with the entry id as idempotency key, and only the outbox lets
   * a worker that takes over a dead worker's entry reconcile instead of publishing again.
   */
  readonly publisher: Publisher;
  /** Time source (default the system clock); tests and simulations pass a fake one. */
  readonly clock?: Clock | undefined;
  /**
   * Queue zone and weekly slots per account, for `'next-slot'`: a list, checked when the
   * scheduler is made, or a function the scheduler calls each time it plans a `'next-slot'`
   * (`schedule` and `reschedule`), for queues that change while it runs (accounts connected or
   * disconnected later, a registry shared by many processes). What the function returns is
   * checked on each call: a bad zone or slot rejects that `schedule` or `reschedule`.
   *
   * @example
   * ```ts
   * // Read at every 'next-slot': an account added to your database gets its slots at once.
   * createScheduler({ store, publisher, accounts: async () => await db.accountQueues() });
   * ```
   */
  readonly accounts?:
    | readonly AccountQueue[]
    | (() => readonly AccountQueue[] | Promise<readonly AccountQueue[]>)
    | undefined;
  /** Pause between two rounds of the worker loop, in ms (default 15 000). */
  readonly pollIntervalMs?: number | undefined;
  /**
   * How long a claimed entry stays leased to its worker without renewal, in ms (default 60 000).
   * The lease is renewed while a publish runs (every third of it), so only a dead worker's
   * entries are taken over, after at most this long. Leases are judged by each worker's clock:
   * keep the clocks of workers sharing a store synchronised well within this (NTP); a worker
   * whose clock runs ahead by more than `leaseMs` takes over live leases.
   */
  readonly leaseMs?: number | undefined;
  /**
   * Most entries one worker's rounds (`tick`, `start`) publish at once (default 10). Targets run by
   * `publishTarget` do not count: their caller, a queue worker, sets how many run at once.
   */
  readonly batchSize?: number | undefined;
  /**
   * How late an entry may still go out, in ms after its time (default: no limit, it goes out
   * however late). When no worker ran for longer than this (a deploy that failed, a machine that
   * was off), a target reached later is not published: it fails with `missed`, so "Happy Monday"
   * does not go out on Thursday. A recurring series goes on with its next occurrence; `reschedule`
   * (for example to `'next-slot'`) sends a missed entry after all. A target taken over from a dead
   * worker is exempt: it was started in time and may already have gone out.
   *
   * @example
   * ```ts
   * createScheduler({ store, publisher, maxLatenessMs: 2 * 3_600_000 }); // skip what is over 2 h late
   * ```
   */
  readonly maxLatenessMs?: number | undefined;
  /** This worker's id, kept as lease holder (default a random UUID). */
  readonly workerId?: string | undefined;
  /** The zone an entry given as an instant is shown in (default `UTC`). */
  readonly defaultZone?: string | undefined;
  /** How far ahead `'next-slot'` looks for a free slot, in days (default 366). */
  readonly slotHorizonDays?: number | undefined;
  /** Makes entry ids (default `crypto.randomUUID`). */
  readonly newId?: (() => string) | undefined;
}

/** An {@link AccountQueue} with its slots parsed. */
export interface ResolvedAccountQueue extends Omit<AccountQueue, 'slots'> {
  /** The parsed slots. */
  readonly slots: readonly QueueSlot[];
}

/** {@link SchedulerOptions} with every default filled in. */
export interface ResolvedSchedulerOptions {
  /** See {@link SchedulerOptions.store}. */
  readonly store: ScheduleStore;
  /** See {@link SchedulerOptions.publisher}. */
  readonly publisher: Publisher;
  /** See {@link SchedulerOptions.clock}. */
  readonly clock: Clock;
  /** The queues as they are now, by `platform:accountId` (read again at each call when given as a function). */
  readonly queues: () => Promise<ReadonlyMap<string, ResolvedAccountQueue>>;
  /** See {@link SchedulerOptions.pollIntervalMs}. */
  readonly pollIntervalMs: number;
  /** See {@link SchedulerOptions.leaseMs}. */
  readonly leaseMs: number;
  /** See {@link SchedulerOptions.batchSize}. */
  readonly batchSize: number;
  /** See {@link SchedulerOptions.maxLatenessMs}. */
  readonly maxLatenessMs: number | undefined;
  /** See {@link SchedulerOptions.workerId}. */
  readonly workerId: string;
  /** See {@link SchedulerOptions.defaultZone}. */
  readonly defaultZone: string;
  /** See {@link SchedulerOptions.slotHorizonDays}. */
  readonly slotHorizonDays: number;
  /** See {@link SchedulerOptions.newId}. */
  readonly newId: () => string;
}

/** The key of an account in {@link ResolvedSchedulerOptions.accounts}. */
export function accountKey(account: { readonly platform: string; readonly accountId: string }): string {
  return `${account.platform}:${account.accountId}`;
}

/** The hint of a bad queue list given to the scheduler: it was not made. */
const LIST_HINT =
  "Give each account once, as { platform, accountId, zone, slots } with all its slots in one list, e.g. { platform: 'x', accountId: '2244994945', zone: 'Europe/Berlin', slots: ['Mon-Fri 09:00'] }.";

/** The hint of an `accounts` function's bad answer: that call is refused, the next one reads again. */
const FUNCTION_HINT =
  'Fix what your accounts function returns (each account once, as { platform, accountId, zone, slots }); this schedule or reschedule planned nothing, and the next one calls it again.';

/**
 * Checks queues and parses their slots.
 *
 * @param queues - the queues as given (a list, or what the `accounts` function returned)
 * @param givenAs - how they were given, for the hint (default `list`)
 * @returns the queues by `platform:accountId`
 * @throws ValidationError (with a hint) when they are not a list, for an account that is not an
 *   object or is listed twice (`['accounts', i]`), and for a bad zone or slot
 */
export function resolveQueues(
  queues: readonly AccountQueue[],
  givenAs: 'list' | 'function' = 'list',
): ReadonlyMap<string, ResolvedAccountQueue> {
  const refuse = (problem: ValidationProblem): never => {
    throw new ValidationError([problem], 'scheduler accounts', {
      hint: givenAs === 'list' ? LIST_HINT : FUNCTION_HINT,
    });
  };
  if (!Array.isArray(queues)) {
    refuse({
      path: ['accounts'],
      rule: 'scheduler.accounts',
      message: `${givenAs === 'list' ? 'must be a list of account queues or a function that returns one' : 'the accounts function must return a list of account queues (or a promise of one)'}, not ${describeKind(queues)}`,
    });
  }
  const resolved = new Map<string, ResolvedAccountQueue>();
  queues.forEach((account: unknown, index) => {
    if (!isRecord(account)) {
      refuse({
        path: ['accounts', index],
        rule: 'scheduler.account',
        message: `must be an account queue ({ platform, accountId, zone, slots }), not ${describeKind(account)}`,
      });
    }
    const queue = account as unknown as AccountQueue;
    const key = accountKey(queue);
    if (resolved.has(key)) {
      refuse({
        path: ['accounts', index],
        rule: 'scheduler.account_twice',
        message: `account ${key.slice(0, 120)} is listed twice; an account has one queue`,
      });
    }
    requireZone(queue.zone, 'scheduler accounts', ['accounts', index, 'zone']);
    resolved.set(key, { ...queue, slots: parseQueueSlots(queue.slots, ['accounts', index, 'slots']) });
  });
  return resolved;
}

/**
 * Fills in every default of {@link SchedulerOptions} and checks the queues given as a list, so a
 * bad slot or zone fails when the scheduler is made, not when the first `'next-slot'` entry is
 * planned (queues given as a function are checked each time they are read).
 *
 * @throws ValidationError for options that are not an object, a clock whose `now()` is not epoch
 *   milliseconds (a `Date`, seconds; see {@link clockProblem}), bad queues (see
 *   {@link resolveQueues}), an unknown default zone, or an interval, lease, batch size,
 *   lateness or slot horizon that is not a number above 0 (every bad number at once)
 */
export function resolveSchedulerOptions(options: SchedulerOptions): ResolvedSchedulerOptions {
  if (!isRecord(options)) {
    throw new ValidationError(
      [
        {
          path: [],
          rule: 'scheduler.options',
          message: `must be an object with at least store and publisher, not ${describeKind(options)}`,
        },
      ],
      'scheduler options',
      { hint: 'Call createScheduler({ store, publisher }) (see SchedulerOptions for the rest).' },
    );
  }
  const clock = options.clock ?? systemClock;
  const clockWrong = clockProblem(clock, 'scheduler');
  if (clockWrong !== undefined) {
    throw new ValidationError([clockWrong], 'scheduler options', {
      hint: CLOCK_HINT,
    });
  }
  const queues = queuesReader(options.accounts);
  const defaultZone = options.defaultZone ?? 'UTC';
  requireZone(defaultZone, 'scheduler options', ['defaultZone']);
  const numbers = positiveNumbers(options);
  return {
    store: options.store,
    publisher: options.publisher,
    clock,
    queues,
    pollIntervalMs: numbers.pollIntervalMs ?? 15_000,
    leaseMs: numbers.leaseMs ?? 60_000,
    batchSize: Math.trunc(numbers.batchSize ?? 10) || 1,
    maxLatenessMs: numbers.maxLatenessMs,
    workerId: options.workerId ?? globalThis.crypto.randomUUID(),
    defaultZone,
    slotHorizonDays: numbers.slotHorizonDays ?? DEFAULT_HORIZON_DAYS,
    newId: options.newId ?? (() => globalThis.crypto.randomUUID()),
  };
}

/** Reads the queues: a list checked once, now; a function's answer checked at each read. */
function queuesReader(
  accounts: SchedulerOptions['accounts'],
): () => Promise<ReadonlyMap<string, ResolvedAccountQueue>> {
  if (typeof accounts === 'function') return async () => resolveQueues(await accounts(), 'function');
  const fixed = resolveQueues(accounts ?? []);
  return async () => fixed;
}

/** The number options, each with an example value for the hint (the default, or a sample). */
const NUMBER_EXAMPLES = {
  pollIntervalMs: '15_000 (the default)',
  leaseMs: '60_000 (the default)',
  batchSize: '10 (the default)',
  maxLatenessMs: '2 * 3_600_000 (2 h; left out: no limit)',
  slotHorizonDays: `${DEFAULT_HORIZON_DAYS} (the default)`,
} as const;

/**
 * The number options as given (`undefined` when left out), each checked to be a number above 0.
 *
 * @throws ValidationError naming every bad one (`['leaseMs']`, …), with an example of each
 */
function positiveNumbers(
  options: SchedulerOptions,
): Partial<Record<keyof typeof NUMBER_EXAMPLES, number | undefined>> {
  const names = Object.keys(NUMBER_EXAMPLES) as (keyof typeof NUMBER_EXAMPLES)[];
  const bad = names.filter((name) => {
    const value: unknown = options[name];
    if (value === undefined) return false;
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) return true;
    // The slot horizon is whole days, as 'next-slot' reads it.
    return name === 'slotHorizonDays' && !(Number.isInteger(value) && value <= MAX_HORIZON_DAYS);
  });
  if (bad.length === 0) return options;
  throw new ValidationError(
    bad.map((name) => {
      const value: unknown = options[name];
      const shown = typeof value === 'number' ? String(value) : describeKind(value);
      return {
        path: [name],
        rule: `scheduler.${name}`,
        message:
          name === 'slotHorizonDays'
            ? `must be a whole number of days from 1 to ${MAX_HORIZON_DAYS}, not ${shown}`
            : `must be a number above 0, not ${shown}`,
        actual: shown,
      };
    }),
    'scheduler options',
    {
      hint: `Give ${bad
        .map(
          (name) =>
            `${name} ${name === 'slotHorizonDays' ? `whole days from 1 to ${MAX_HORIZON_DAYS}` : 'a number above 0'}, e.g. ${NUMBER_EXAMPLES[name]}`,
        )
        .join('; ')}; or leave it out for the default.`,
    },
  );
}
