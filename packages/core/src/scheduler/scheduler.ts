import { SmmkitError } from '../errors/smmkit-error.js';
import { TransientError } from '../errors/transient-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Approval } from '../models/approval.js';
import type { Post } from '../models/post.js';
import type { ScheduleEntry, ScheduleEntryInput } from '../models/schedule-entry.js';
import type { ScheduleStatus } from '../models/schedule-status.js';
import type { Target } from '../models/target.js';
import { parseScheduleEntry } from '../parse/parse-models.js';
import { repeatedAccountProblems } from '../publisher/repeated-accounts.js';
import { describeThrown } from '../security/safe-cause.js';
import {
  APPROVAL_STEPS,
  type ApprovalDecision,
  decisionPatch,
  type SubmitRequest,
  submitPatch,
} from './approval.js';
import { type CalendarDay, type CalendarQuery, calendarDays, calendarStoreQuery } from './calendar.js';
import {
  requireApprovalStep,
  requireArgumentObject,
  requireTargetList,
  whoProblem,
} from './call-arguments.js';
import { changeEntry } from './entry-change.js';
import { requireEntryId } from './entry-id.js';
import { createSchedulerEvents, type SchedulerEventEmitter } from './events.js';
import { handOff } from './native-handoff.js';
import { addInNextSlots, pickSlot, serialized } from './next-slot.js';
import { failUnapprovedDue } from './overdue.js';
import { requireNotPast } from './past-time.js';
import { requirePostFits } from './post-fits.js';
import { runEntry } from './run-entry.js';
import { runTarget, type TargetJob, type TargetRunResult } from './run-target.js';
import { requireScheduleOptionValues } from './schedule-option-values.js';
import type { EntryPatch, ScheduleQuery, ScheduleStore } from './schedule-store.js';
import { accountKey, resolveSchedulerOptions, type SchedulerOptions } from './scheduler-options.js';
import { continueSeries, firstOccurrenceOf, nextInSeries, plannedInstant } from './series.js';
import { claimsTargets } from './target-claims.js';
import type { ResolvedSlot } from './time/queue-slots.js';
import { requireZone } from './time/time-input.js';
import type { DstAdjustment } from './time/zoned-time.js';
import { resolveLocalTime } from './time/zoned-time.js';
import {
  isRecurring,
  type LocalTime,
  type PlannedTime,
  requireRecurrenceShape,
  resolveFixedTime,
  type When,
} from './when.js';

/** Options of {@link Scheduler.schedule}. */
export interface ScheduleOptions {
  /**
   * `'required'`: the entry waits for `approve` before it may go out (who and when are kept).
   * Any other value (`true`, `'yes'`) is refused with a `ValidationError`, never read as "no
   * approval".
   */
  readonly approval?: 'required' | undefined;
  /** Plan it as a draft: nothing goes out until it is submitted (and approved, if required). A boolean. */
  readonly draft?: boolean | undefined;
  /**
   * Hand the post to the platform at once, to be published by the platform at its time
   * (Facebook's scheduled posts): needs `capabilities.nativeScheduling` on every target's adapter
   * and a time within its lead window. Not for recurring entries.
   */
  readonly native?: boolean | undefined;
  /** The entry's id (default a new UUID); for `'next-slot'` each account's entry gets `${id}:${platform}:${accountId}`. */
  readonly id?: string | undefined;
  /** The zone an entry given as an instant is shown in (default the scheduler's `defaultZone`). */
  readonly zone?: string | undefined;
  /** Who plans it; kept as `approval.requestedBy` when approval is required. */
  readonly by?: string | undefined;
}

/** Options of {@link Scheduler.cancel}. */
export interface CancelOptions {
  /**
   * For an occurrence of a recurring entry: `true` ends the series here; by default only this
   * occurrence is skipped and the next one is planned.
   */
  readonly series?: boolean | undefined;
}

/** Options of {@link Scheduler.tick}. */
export interface TickOptions {
  /**
   * Claims only entries due for at least this long, in ms (default 0); leases that ran out are
   * taken over at once. A sweep beside per-target jobs (`@smmkit/scheduler-bullmq`) passes one,
   * so that it leaves due entries to their jobs and only runs what no job ran in time.
   */
  readonly graceMs?: number | undefined;
}

/** What one round of the worker did ({@link Scheduler.tick}). */
export interface TickResult {
  /** Entries claimed in this round (as claimed, `publishing`). */
  readonly claimed: readonly ScheduleEntry[];
  /** Claimed entries in their final state: `published`, `failed` or `unknown` (empty for the loop's rounds, which do not wait). */
  readonly finished: readonly ScheduleEntry[];
  /** Entries that were due while not approved: `failed` with `not_approved`. */
  readonly notApproved: readonly ScheduleEntry[];
}

/**
 * A content calendar that publishes on time, survives crashes and never posts twice.
 *
 * @example
 * ```ts
 * const [entry] = await scheduler.schedule({ text: 'Monday tips' }, [target], { at: '2026-05-04T09:00', zone: 'Europe/Berlin' }, { approval: 'required', by: 'ana' });
 * await scheduler.approve(entry.id, { by: 'client@example.com' });
 * scheduler.start();
 * ```
 */
export interface Scheduler {
  /** Typed events; see `SchedulerEvents`. */
  readonly events: SchedulerEventEmitter;
  /** This worker's id (the lease holder of the entries it claims). */
  readonly workerId: string;
  /**
   * Plans `post` for `targets` at `when` (see {@link When}). Resolves with the entries made: one
   * for an instant, a wall time or a recurrence (its first occurrence; the next is planned when it
   * is due); one per target account for `'next-slot'`, each in that account's next free slot.
   * Entries are `scheduled`, `awaiting_approval` (`approval: 'required'`) or `draft`. A `native`
   * entry that is `scheduled` is handed to the platform before this resolves.
   *
   * @throws ValidationError for an invalid post, target list, time, zone, rule or option (options
   *   that are not an object, an `approval` other than `'required'`, a `draft` or `native` that
   *   is not a boolean, a recurrence without a text `rrule` or a `start`), and for `'next-slot'`
   *   naming every target account without a queue (nothing is planned then), or a bad queue
   *   returned by an `accounts` function
   * @throws ValidationError (the one `publish` would fail the target with) for a post a target's
   *   adapter refuses ("X allows 280"), a draft's too: nothing is stored. Several targets refusing
   *   it give one error, each problem under `['targets', index, …]`
   * @throws ValidationError (`schedule.when_past`) for an instant or wall time already past by more
   *   than the scheduler's `maxLatenessMs`, or by more than 5 minutes when it has none
   */
  schedule(
    post: Post,
    targets: readonly Target[],
    when: When,
    options?: ScheduleOptions,
  ): Promise<ScheduleEntry[]>;
  /**
   * The entry with `id`, if any.
   *
   * @throws ValidationError when `id` is not a non-empty string (every method taking an entry id
   *   refuses one before the store is asked)
   */
  get(id: string): Promise<ScheduleEntry | undefined>;
  /**
   * Entries matching `query`, by `publishAt`.
   *
   * @throws ValidationError when `query` is given but is not an object
   */
  list(query?: ScheduleQuery): Promise<ScheduleEntry[]>;
  /**
   * Moves an entry to another time (an instant, a wall time or its account's next free slot).
   * Allowed while `draft`, `awaiting_approval` or `scheduled`, and for a `failed` or `unknown`
   * entry, which is planned again: at its new time the publisher's outbox answers targets that
   * went out, reconciles (never re-creates blindly) the ones whose outcome was unknown, and only
   * sends again what surely failed. An occurrence of a series moved to or past the next one adds
   * that one at once.
   *
   * @throws ValidationError when the id is not a non-empty string, the entry is missing or in
   *   another state, its account has no queue, or for a bad queue returned by an `accounts`
   *   function (`'next-slot'`), or for a time already past (as for `schedule`)
   * @throws TransientError when the entry was moved but the store failed twice to add the series'
   *   occurrence it now passes: rescheduling it to the same time again adds it
   */
  reschedule(id: string, when: Date | LocalTime | 'next-slot' | (string & {})): Promise<ScheduleEntry>;
  /**
   * Cancels an entry that has not gone out (`draft`, `awaiting_approval`, `scheduled`).
   *
   * @throws ValidationError when the id is not a non-empty string, `options` is given but is not
   *   an object, or the entry is missing or in another state
   */
  cancel(id: string, options?: CancelOptions): Promise<ScheduleEntry>;
  /**
   * Submits a draft: it awaits approval when it needs one, else it is scheduled.
   *
   * @throws ValidationError when the id is not a non-empty string, `request` is not an object
   *   with a non-empty `by` (checked before the store is asked), or the entry is missing or not
   *   a draft, or a target's adapter now refuses its post (checked again; it stays a draft)
   */
  submit(id: string, request: SubmitRequest): Promise<ScheduleEntry>;
  /**
   * Approves an entry awaiting approval: it is scheduled, with who approved and when.
   *
   * @throws ValidationError when the id is not a non-empty string, `decision` is not an object
   *   with a non-empty `by` and an optional text `note` (checked before the store is asked), or
   *   the entry is missing or not awaiting approval, or a target's adapter now refuses its post
   *   (checked again: adapters change; it stays awaiting approval)
   */
  approve(id: string, decision: ApprovalDecision): Promise<ScheduleEntry>;
  /**
   * Rejects an entry awaiting approval: it will not go out; who rejected, when and why are kept.
   *
   * @throws ValidationError when the id is not a non-empty string, `decision` is not an object
   *   with a non-empty `by` and an optional text `note` (checked before the store is asked), or
   *   the entry is missing or not awaiting approval
   */
  reject(id: string, decision: ApprovalDecision): Promise<ScheduleEntry>;
  /**
   * Entries between two instants, grouped by local day in a zone, with their wall times there.
   *
   * @throws ValidationError when `query` is not an object, for an unknown zone or invalid instants
   */
  calendar(query: CalendarQuery): Promise<CalendarDay[]>;
  /** Starts the worker loop: a round at once, then one every `pollIntervalMs`. */
  start(): void;
  /** Stops the worker loop and waits for the entries it is publishing. */
  stop(): Promise<void>;
  /**
   * One round of the worker, awaited to the end: fails due unapproved entries, claims due ones
   * (and ones a dead worker's lease left) and publishes them. For tests, simulated time and
   * sweeps (see {@link TickOptions}).
   */
  tick(options?: TickOptions): Promise<TickResult>;
  /**
   * Publishes one target of one occurrence of an entry, claimed on its own, so that the targets
   * of one entry can go out from different workers at once (one job per entry, occurrence and
   * target: `@smmkit/scheduler-bullmq`). The entry takes its final state, and a recurring one
   * its next occurrence, when its last target settles. Needs a store that claims target by
   * target (`TargetClaimStore`: the memory and Redis stores; not SQLite).
   *
   * @param job - the entry's id, the occurrence (`publishAt` when the job was planned) and the target
   * @returns what came of it: the target's outcome, or why it was not claimed (nothing sent)
   * @throws ValidationError when `job` is not an object, `job.entryId` is not a non-empty string,
   *   or the store cannot claim target by target
   *
   * @example
   * ```ts
   * const run = await scheduler.publishTarget({ entryId: entry.id, publishAt: entry.publishAt, target: entry.targets[0] });
   * run.outcome; // 'published', or e.g. 'settled' when another worker published it already
   * ```
   */
  publishTarget(job: TargetJob): Promise<TargetRunResult>;
}

/** The states an entry may be rescheduled in. */
const RESCHEDULABLE: readonly ScheduleStatus[] = [
  'draft',
  'awaiting_approval',
  'scheduled',
  'failed',
  'unknown',
];
/** The states an entry may be cancelled in. */
const CANCELLABLE: readonly ScheduleStatus[] = ['draft', 'awaiting_approval', 'scheduled'];

/**
 * Makes a {@link Scheduler} over a store and a publisher. Run several (in one process or many)
 * on one store: the store's atomic claim and lease let each entry go out once, and the outbox
 * the publisher shares with the store lets a worker that takes over a dead one's entry reconcile
 * instead of posting again.
 *
 * @param options - store, publisher, clock, queues and worker settings; see {@link SchedulerOptions}
 * @returns the scheduler (its worker loop not started)
 * @throws ValidationError for a bad queue zone or slot in an `accounts` list
 *
 * @example
 * ```ts
 * const store = memoryScheduleStore();
 * const publisher = createPublisher({ adapters: [createXAdapter()], tokens, outbox: store });
 * const scheduler = createScheduler({ store, publisher });
 * await scheduler.schedule({ text: 'Hello' }, [{ platform: 'x', accountId: '2244994945' }], '2026-05-04T07:00:00Z');
 * scheduler.start();
 * ```
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const settings = resolveSchedulerOptions(options);
  const { store, publisher, clock, workerId } = settings;
  const events = createSchedulerEvents();
  const inSlotOrder = serialized();
  /** Native entries being handed to the platform by this process: not to be changed meanwhile. */
  const handingOff = new Set<string>();
  /** Whole entries this process publishes from its rounds: at most `batchSize` at once. */
  const inFlight = new Set<Promise<unknown>>();
  /**
   * Single targets run by `publishTarget`, whose caller (a queue worker) sets their concurrency:
   * they never take a round's room, so a sweep still claims what no job carries.
   */
  const targetRuns = new Set<Promise<unknown>>();
  let loop: Promise<void> | undefined;
  let stopper: AbortController | undefined;

  const now = (): Date => new Date(clock.now());

  /** A native entry that just became `scheduled` goes to the platform now. */
  const afterScheduled = async (entry: ScheduleEntry): Promise<ScheduleEntry> => {
    if (entry.native !== true || entry.status !== 'scheduled') return entry;
    handingOff.add(entry.id);
    try {
      return await handOff(entry, { store, publisher, clock, events });
    } finally {
      handingOff.delete(entry.id);
    }
  };

  /** Refuses to change an entry this process is handing to the platform right now. */
  const notHandingOff = (id: string, action: string, allowed: readonly ScheduleStatus[]): void => {
    if (!handingOff.has(id)) return;
    throw new ValidationError(
      [
        {
          path: ['id'],
          rule: 'entry.handing_off',
          message: `entry "${id.slice(0, 80)}" is being handed to the platform right now; it cannot be ${action === 'cancel' ? 'cancelled' : 'changed'} (allowed while ${allowed.join(', ')} and not handed off)`,
        },
      ],
      `${action} request`,
    );
  };

  async function schedule(
    post: Post,
    targets: readonly Target[],
    when: When,
    scheduleOptions: ScheduleOptions = {},
  ): Promise<ScheduleEntry[]> {
    requireArgumentObject(
      scheduleOptions,
      'options',
      'schedule',
      "scheduler.schedule(post, targets, when, { approval: 'required', by: 'ana' })",
      true,
    );
    requireScheduleOptionValues(scheduleOptions);
    requireTargetList(targets);
    if (isRecurring(when)) requireRecurrenceShape(when);
    const zone = requireZone(scheduleOptions.zone ?? settings.defaultZone, 'schedule options', ['zone']);
    // Its targets are claimed and recorded per account: each version is an entry of its own.
    const repeated = repeatedAccountProblems(targets, 'schedule each version as an entry of its own');
    if (repeated.length > 0) throw new ValidationError(repeated, 'targets');
    // Who asks for approval is kept and shown to the approvers: blank says nobody (approve,
    // reject and submit refuse a blank `by` too).
    const nobody =
      scheduleOptions.by === undefined
        ? undefined
        : whoProblem(scheduleOptions.by, ['by'], 'schedule.by', 'plans it');
    if (nobody !== undefined) throw new ValidationError([nobody], 'schedule request');
    if (scheduleOptions.native === true && isRecurring(when)) {
      throw optionProblem(
        'native',
        'native scheduling is not available for recurring entries; plan them without native',
      );
    }
    // Every entry, a draft too: its post cannot be edited later (cancel it and plan another).
    requirePostFits(publisher, post, targets);
    const at = now();
    const status: ScheduleStatus =
      scheduleOptions.draft === true
        ? 'draft'
        : scheduleOptions.approval === 'required'
          ? 'awaiting_approval'
          : 'scheduled';
    const approval: Approval | undefined =
      scheduleOptions.approval !== 'required'
        ? undefined
        : status === 'draft'
          ? {}
          : {
              ...(scheduleOptions.by === undefined ? {} : { requestedBy: scheduleOptions.by }),
              requestedAt: at,
            };
    const base = (id: string, planned: PlannedTime, entryTargets: readonly Target[]): ScheduleEntryInput => ({
      id,
      post,
      targets: [...entryTargets],
      publishAt: planned.publishAt,
      timeZone: planned.timeZone,
      status,
      attempts: 0,
      createdAt: at,
      updatedAt: at,
      ...(approval === undefined ? {} : { approval }),
      ...(scheduleOptions.native === true ? { native: true } : {}),
    });

    let planned: { entry: ScheduleEntry; adjustment: DstAdjustment }[];
    if (when === 'next-slot') {
      planned = await inSlotOrder(async () => {
        const queues = await settings.queues();
        const groups = [...byAccount(targets)];
        // Every account without a queue is named at once; nothing is planned for any of them.
        const lacking = groups.map(([key]) => key).filter((key) => !queues.has(key));
        if (lacking.length > 0) throw noQueue(lacking);
        const requests = groups.map(([key, accountTargets]) => {
          const queue = queues.get(key);
          if (queue === undefined) throw noQueue([key]);
          const id = scheduleOptions.id === undefined ? settings.newId() : `${scheduleOptions.id}:${key}`;
          return {
            queue,
            entryAt: (slot: ResolvedSlot) =>
              parseScheduleEntry(
                base(
                  id,
                  { publishAt: slot.instant, timeZone: queue.zone, adjustment: slot.adjustment },
                  accountTargets,
                ),
              ),
          };
        });
        const made = await addInNextSlots(store, requests, at, settings.slotHorizonDays);
        return made.map(({ entry, slot }) => ({ entry, adjustment: slot.adjustment }));
      });
    } else if (isRecurring(when)) {
      const id = scheduleOptions.id ?? settings.newId();
      const first = firstOccurrence(when, at);
      const entry = parseScheduleEntry({
        ...base(id, first, targets),
        recurrence: { rule: when.rrule, start: when.start.at, zone: when.start.zone },
      });
      await store.add([entry]);
      planned = [{ entry, adjustment: first.adjustment }];
    } else {
      const time = resolveFixedTime(when, zone);
      requireNotPast(time.publishAt, at, settings.maxLatenessMs);
      const entry = parseScheduleEntry(base(scheduleOptions.id ?? settings.newId(), time, targets));
      await store.add([entry]);
      planned = [{ entry, adjustment: time.adjustment }];
    }

    for (const { entry, adjustment } of planned) {
      events.emit('scheduled', { entry, ...(adjustment === 'none' ? {} : { adjustment }) });
    }
    const entries: ScheduleEntry[] = [];
    for (const { entry } of planned) entries.push(await afterScheduled(entry));
    return entries;
  }

  async function reschedule(
    id: string,
    when: Date | LocalTime | 'next-slot' | string,
  ): Promise<ScheduleEntry> {
    requireEntryId(id, 'reschedule');
    notHandingOff(id, 'reschedule', RESCHEDULABLE);
    if (isRecurring(when)) {
      throw optionProblem(
        'when',
        'a recurrence cannot be given to reschedule; cancel the series and plan a new one',
      );
    }
    // A bad time is refused before the store is asked (the zone only says how an instant is shown).
    if (when !== 'next-slot') resolveFixedTime(when, settings.defaultZone);
    const at = now();
    const move = async (): Promise<ScheduleEntry> => {
      const entry = await store.get(id);
      const time = resolveFixedTime(when, entry?.timeZone ?? settings.defaultZone);
      // Past: refused as by schedule (an entry in another state is left to the state's refusal).
      if (entry !== undefined && RESCHEDULABLE.includes(entry.status)) {
        requireNotPast(time.publishAt, at, settings.maxLatenessMs);
      }
      return moveTo(id, time, at);
    };
    const moved = when === 'next-slot' ? await inSlotOrder(() => moveToNextSlot(id, at)) : await move();
    events.emit('rescheduled', { entry: moved });
    await continuePastMove(moved, at);
    return afterScheduled(moved);
  }

  /**
   * An occurrence moved to or past the series' next one adds that one now: it is normally added
   * when this one is claimed, and by then it would be in the past and skipped as missed. The
   * store is asked twice; should it fail both times, the caller learns that the move stands and
   * that repeating it adds the occurrence.
   */
  async function continuePastMove(moved: ScheduleEntry, at: Date): Promise<void> {
    if (moved.recurrence === undefined) return;
    const following = nextInSeries(moved, plannedInstant(moved));
    if (following === undefined || following.entry.publishAt.getTime() > moved.publishAt.getTime()) return;
    const step = { fromDraft: moved.status === 'draft' };
    try {
      await continueSeries(moved, store, events, at, step).catch(() =>
        continueSeries(moved, store, events, at, step),
      );
    } catch (error) {
      if (SmmkitError.isInstance(error)) throw error;
      const { cause, text } = describeThrown(error);
      throw new TransientError(
        'transient',
        `entry "${moved.id.slice(0, 80)}" was moved to ${moved.publishAt.toISOString()}, but the series' occurrence at ${following.entry.publishAt.toISOString()}, which it now passes, could not be added (${text}).`,
        { cause, hint: 'Reschedule it to the same time again: that adds the occurrence.' },
      );
    }
  }

  /**
   * Moves entry `id` to its account's next free slot. With a store that claims slots
   * (`transitionIfSlotFree`) the move is refused when another process took that slot after it
   * was read, and the entry moves on to the next one; each refusal skips one more slot, so the
   * horizon bounds the retries.
   */
  async function moveToNextSlot(id: string, at: Date): Promise<ScheduleEntry> {
    const entry = await store.get(id);
    const refused = new Set<number>();
    const claim = store.transitionIfSlotFree?.bind(store);
    for (;;) {
      const time = await slotFor(entry, at, refused);
      const taken = new SlotTaken();
      try {
        return await moveTo(
          id,
          time,
          at,
          claim === undefined
            ? undefined
            : async (...args) => {
                const moved = await claim(...args);
                if (moved === 'slot-taken') throw taken;
                return moved;
              },
        );
      } catch (error) {
        if (error !== taken) throw error;
        refused.add(time.publishAt.getTime());
      }
    }
  }

  /** Reschedules entry `id` to `time` by a compare-and-set (`write`, default the store's `transition`). */
  function moveTo(
    id: string,
    time: PlannedTime,
    at: Date,
    write?: ScheduleStore['transition'],
  ): Promise<ScheduleEntry> {
    const patch = (current: ScheduleEntry) => reschedulePatch(current, time);
    return changeEntry(store, id, 'reschedule', RESCHEDULABLE, patch, at, write);
  }

  /** The next free slot of the one account an entry publishes to, its own slot counting as free. */
  async function slotFor(
    entry: ScheduleEntry | undefined,
    at: Date,
    refused?: ReadonlySet<number>,
  ): Promise<PlannedTime> {
    const accounts = entry === undefined ? [] : [...byAccount(entry.targets).keys()];
    const [key] = accounts;
    if (key === undefined || accounts.length > 1) {
      throw optionProblem(
        'when',
        "'next-slot' needs an entry with targets on exactly one account; give a time instead",
      );
    }
    const queue = (await settings.queues()).get(key);
    if (queue === undefined) throw noQueue([key]);
    const slot = await pickSlot(store, queue, at, settings.slotHorizonDays, entry?.id, refused);
    return { publishAt: slot.instant, timeZone: queue.zone, adjustment: slot.adjustment };
  }

  async function cancel(id: string, cancelOptions: CancelOptions = {}): Promise<ScheduleEntry> {
    requireEntryId(id, 'cancel');
    requireArgumentObject(
      cancelOptions,
      'options',
      'cancel',
      'scheduler.cancel(entry.id, { series: true })',
      true,
    );
    notHandingOff(id, 'cancel', CANCELLABLE);
    const at = now();
    if (cancelOptions.series !== true) await continueBeforeLeaving(id, CANCELLABLE, at);
    const cancelled = await changeEntry(
      store,
      id,
      'cancel',
      CANCELLABLE,
      () => ({ status: 'cancelled' }),
      at,
    );
    events.emit('cancelled', { entry: cancelled });
    return cancelled;
  }

  /**
   * Adds a series' next occurrence before entry `id` leaves the plan (cancelled, rejected). First,
   * so that a store that fails here leaves the entry as it was and the call can be repeated: the
   * other way round, the entry would be changed and the series ended for good. Should the change
   * then be refused, the next occurrence is the one the entry adds anyway when it goes out.
   */
  async function continueBeforeLeaving(id: string, from: readonly ScheduleStatus[], at: Date): Promise<void> {
    const entry = await store.get(id);
    if (entry === undefined || !from.includes(entry.status)) return;
    await continueSeries(entry, store, events, at, { fromDraft: entry.status === 'draft' });
  }

  /**
   * Checks the post of entry `id` again before it is submitted or approved (the adapters may have
   * changed since it was planned, and an entry planned before posts were checked may be stored):
   * refused, it stays as it was. A missing entry or one in another state is left to the step's
   * own refusal.
   */
  async function requireStoredPostFits(id: string, from: readonly ScheduleStatus[]): Promise<void> {
    const entry = await store.get(id);
    if (entry !== undefined && from.includes(entry.status))
      requirePostFits(publisher, entry.post, entry.targets);
  }

  async function submit(id: string, request: SubmitRequest): Promise<ScheduleEntry> {
    requireEntryId(id, 'submit');
    requireApprovalStep(request, 'submit');
    await requireStoredPostFits(id, APPROVAL_STEPS.submit);
    const submitted = await changeEntry(
      store,
      id,
      'submit',
      APPROVAL_STEPS.submit,
      (entry) => submitPatch(entry, request, now()),
      now(),
    );
    events.emit('submitted', { entry: submitted });
    return afterScheduled(submitted);
  }

  async function decide(
    id: string,
    decision: ApprovalDecision,
    verdict: 'approved' | 'rejected',
  ): Promise<ScheduleEntry> {
    const at = now();
    const action = verdict === 'approved' ? 'approve' : 'reject';
    requireEntryId(id, action);
    requireApprovalStep(decision, action);
    if (verdict === 'rejected') await continueBeforeLeaving(id, APPROVAL_STEPS.reject, at);
    else await requireStoredPostFits(id, APPROVAL_STEPS.approve);
    const decided = await changeEntry(
      store,
      id,
      action,
      APPROVAL_STEPS[action],
      (entry) => decisionPatch(entry, decision, verdict, at),
      at,
    );
    if (verdict === 'rejected') {
      events.emit('rejected', { entry: decided });
      return decided;
    }
    events.emit('approved', { entry: decided });
    return afterScheduled(decided);
  }

  /** One round: due unapproved entries fail, due entries are claimed and published. */
  async function round(waitForRuns: boolean, graceMs = 0): Promise<TickResult> {
    const at = now();
    const notApproved = await failUnapprovedDue(store, events, at, settings.batchSize);
    const capacity = settings.batchSize - inFlight.size;
    if (capacity <= 0) return { claimed: [], finished: [], notApproved };
    const claims = await store.claimDue({
      now: at,
      ...(graceMs > 0 ? { dueBy: new Date(at.getTime() - graceMs) } : {}),
      limit: capacity,
      worker: workerId,
      leaseMs: settings.leaseMs,
    });
    const runs = claims.map((claim) => {
      const run = runEntry(claim, {
        store,
        publisher,
        clock,
        worker: workerId,
        leaseMs: settings.leaseMs,
        maxLatenessMs: settings.maxLatenessMs,
        events,
      }).catch((error: unknown) => {
        // The store failed while writing the outcome: the lease runs out and another round
        // (here or elsewhere) takes the entry over; the outbox knows what went out.
        events.emit('tick-failed', { error });
        return undefined;
      });
      inFlight.add(run);
      void run.finally(() => inFlight.delete(run));
      return run;
    });
    const claimed = claims.map((claim) => claim.entry);
    if (!waitForRuns) return { claimed, finished: [], notApproved };
    const finished = (await Promise.all(runs)).filter((entry): entry is ScheduleEntry => entry !== undefined);
    return { claimed, finished, notApproved };
  }

  return {
    events,
    workerId,
    schedule,
    get: async (id) => {
      requireEntryId(id, 'get');
      return store.get(id);
    },
    list: async (query) => {
      requireArgumentObject(query, 'query', 'list', "scheduler.list({ statuses: ['scheduled'] })", true);
      return store.list(query);
    },
    reschedule,
    cancel,
    submit,
    approve: (id, decision) => decide(id, decision, 'approved'),
    reject: (id, decision) => decide(id, decision, 'rejected'),
    calendar: async (query) => {
      requireArgumentObject(
        query,
        'query',
        'calendar',
        "scheduler.calendar({ from: new Date('2026-05-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z'), zone: 'Europe/Berlin' })",
        false,
      );
      return calendarDays(await store.list(calendarStoreQuery(query)), query.zone);
    },
    tick: (tickOptions) => round(true, tickOptions?.graceMs),
    publishTarget: async (job) => {
      requireArgumentObject(
        job,
        'job',
        'publishTarget',
        'scheduler.publishTarget({ entryId: entry.id, publishAt: entry.publishAt, target: entry.targets[0] })',
        false,
      );
      requireEntryId(job.entryId, 'publish', ['entryId']);
      if (!claimsTargets(store)) {
        throw optionProblem(
          'store',
          'publishTarget needs a store that claims target by target (the memory or Redis store); the SQLite store claims whole entries: run scheduler.start() instead',
        );
      }
      const run = runTarget(job, {
        store,
        publisher,
        clock,
        worker: workerId,
        leaseMs: settings.leaseMs,
        maxLatenessMs: settings.maxLatenessMs,
        batchSize: settings.batchSize,
        events,
      });
      // stop() waits for it; its error is the caller's, not stop()'s.
      const settled = run.catch(() => undefined);
      targetRuns.add(settled);
      void settled.finally(() => targetRuns.delete(settled));
      return run;
    },
    start() {
      if (loop !== undefined) return;
      stopper = new AbortController();
      const { signal } = stopper;
      loop = (async () => {
        while (!signal.aborted) {
          try {
            await round(false);
          } catch (error) {
            events.emit('tick-failed', { error });
          }
          try {
            await clock.sleep(settings.pollIntervalMs, signal);
          } catch {
            return; // stopped
          }
        }
      })();
    },
    async stop() {
      stopper?.abort();
      await loop;
      loop = undefined;
      stopper = undefined;
      await Promise.all([...inFlight, ...targetRuns]);
    },
  };

  /** The first occurrence of a recurrence at or after its start, and not in the past. */
  function firstOccurrence(
    when: { readonly rrule: string; readonly start: LocalTime },
    at: Date,
  ): PlannedTime {
    const first = firstOccurrenceOf(when.rrule, when.start.at, when.start.zone, at);
    if (first === undefined) {
      const startsAt = resolveLocalTime(when.start.at, when.start.zone).instant;
      const after = startsAt.getTime() > at.getTime() ? startsAt : at;
      throw optionProblem(
        'when',
        `the rule "${when.rrule.slice(0, 80)}" has no occurrence after ${after.toISOString()}`,
      );
    }
    return { publishAt: first.instant, timeZone: when.start.zone, adjustment: first.adjustment };
  }
}

/**
 * The patch that moves an entry. A failed or unknown one is planned again: one that was due
 * unapproved goes back to where it stood (awaiting approval, or a draft), one whose publish
 * failed or could not be told is scheduled.
 */
function reschedulePatch(entry: ScheduleEntry, time: PlannedTime): EntryPatch {
  const moved = { publishAt: time.publishAt, timeZone: time.timeZone };
  if (entry.status !== 'failed' && entry.status !== 'unknown') return moved;
  const status: ScheduleStatus =
    entry.error?.code !== 'not_approved'
      ? 'scheduled'
      : entry.approval?.requestedAt === undefined
        ? 'draft'
        : 'awaiting_approval';
  return { ...moved, status, error: undefined, results: undefined };
}

/** The store refused a slot while an entry was being moved into it (thrown through `changeEntry`). */
class SlotTaken extends Error {
  constructor() {
    super('the queue slot was taken meanwhile');
  }
}

/** Targets grouped by account, in first-seen order. */
function byAccount(targets: readonly Target[]): Map<string, Target[]> {
  const groups = new Map<string, Target[]>();
  for (const target of targets) {
    const key = accountKey(target);
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }
  return groups;
}

/**
 * The refusal of `'next-slot'` for accounts without a queue, one problem per account. Worded for
 * every way the queues are given (the scheduler's `accounts`, the facade's registry), which the
 * scheduler cannot tell apart.
 */
function noQueue(keys: readonly string[]): ValidationError {
  return new ValidationError(
    keys.map((key) => ({
      path: ['when'],
      rule: 'schedule.when',
      message: `'next-slot' needs queue slots for account ${key}; give that account weekly slots and the time zone they are in, or plan it at a time instead`,
    })),
    'schedule request',
  );
}

function optionProblem(path: string, message: string): ValidationError {
  return new ValidationError([{ path: [path], rule: `schedule.${path}`, message }], 'schedule request');
}
