import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createXAdapter } from '@smmkit/adapter-x';
import { createXSimulator } from '@smmkit/adapter-x/mocks';
import { type ScheduleEntry, staticTokenProvider, type Target } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
import { type CalendarDay, createScheduler, SCHEDULER_EVENT_NAMES } from '@smmkit/core/scheduler';
import { sqliteScheduleStore } from '@smmkit/core/sqlite';
import { createMastodonAdapter } from '@smmkit/example-adapter-mastodon';
import { createMastodonSimulator } from '@smmkit/example-adapter-mastodon/mocks';
import { fastForwardClock, manualClock, type PlatformSimulator, startSimulators } from '@smmkit/testkit';
import {
  NEEDS_APPROVAL,
  PEOPLE,
  PLANNED_AT,
  QUEUED,
  QUEUES,
  RECURRING,
  REVIEW_AT,
  TEAM_ZONE,
  WEEK_END,
} from './week-plan.ts';
import { calendarLines, wallTime } from './week-print.ts';

/** Options of {@link runWeek}. */
export interface WeekOptions {
  /** Receives each line printed (default: `console.log`). */
  readonly print?: ((line: string) => void) | undefined;
}

/** What {@link runWeek} returns. */
export interface WeekReport {
  /** Every entry after the week, by `publishAt` (the series' next occurrence included). */
  readonly entries: readonly ScheduleEntry[];
  /** The label each entry was planned under (`queue 1`, `lunch tip`, `sale`, …), by entry id. */
  readonly labels: ReadonlyMap<string, string>;
  /** The week's calendar in the team's zone, as printed. */
  readonly calendar: readonly CalendarDay[];
  /** The simulated X and Mastodon and the demo account on each. */
  readonly platforms: readonly {
    readonly id: string;
    readonly sim: PlatformSimulator;
    readonly accountId: string;
  }[];
  /** Scheduler events by name. */
  readonly events: Readonly<Record<string, number>>;
  /** Entries that did not end as planned (published, or rejected / not approved on purpose). */
  readonly unexpected: readonly ScheduleEntry[];
}

/** How often the worker looks for due entries, in simulated time. */
const POLL_MS = 15 * 60_000;

/**
 * Plans a week of the campaign with the scheduler and runs it on simulated time: queue slots on
 * an X account in Berlin and a Mastodon account in New York, a post every Monday, Wednesday and
 * Friday (RRULE), a draft submitted and approved by the client, one the client rejects and one
 * nobody decides on in time. Entries live in a SQLite file in a temporary directory; the worker
 * loop (`start()`) runs the week on the fast-forward clock, then prints the calendar in the
 * team's zone with each entry's outcome.
 *
 * @param options - where to print
 * @returns the entries after the week, the calendar and the simulators, for tests
 */
export async function runWeek(options: WeekOptions = {}): Promise<WeekReport> {
  const print = options.print ?? ((line: string) => console.log(line));
  const realStart = performance.now();
  const time = manualClock(PLANNED_AT);
  const clock = fastForwardClock(time);
  const x = createXSimulator({ clock: time });
  const mastodon = createMastodonSimulator({ clock: time });
  // The week runs on simulated time; token refresh is shown by the cross-post above.
  const xAna = x.addAccount('ana', { accessTokenTtlMs: 30 * 86_400_000 });
  const mastodonAna = mastodon.addAccount('ana');
  const targets = {
    x: { platform: 'x', accountId: xAna.account.id },
    mastodon: { platform: 'mastodon', accountId: mastodonAna.account.id },
  } satisfies Record<string, Target>;
  const running = startSimulators(x.sim, mastodon.sim);
  const dir = mkdtempSync(join(tmpdir(), 'smmkit-demo-week-'));
  const store = sqliteScheduleStore(join(dir, 'schedule.db'));
  try {
    const publisher = createPublisher({
      adapters: [
        createXAdapter({ baseUrl: x.baseUrl, username: 'ana', fetch: clock.fetch }),
        createMastodonAdapter({ instanceUrl: mastodon.instanceUrl, fetch: clock.fetch }),
      ],
      tokens: (target) =>
        staticTokenProvider(target.platform === 'x' ? xAna.accessToken : mastodonAna.accessToken),
      clock,
      outbox: store,
    });
    const scheduler = createScheduler({
      store,
      publisher,
      clock,
      pollIntervalMs: POLL_MS,
      accounts: [
        { ...targets.x, ...QUEUES.x },
        { ...targets.mastodon, ...QUEUES.mastodon },
      ],
    });
    const counts: Record<string, number> = {};
    for (const name of SCHEDULER_EVENT_NAMES)
      scheduler.events.on(name, () => (counts[name] = (counts[name] ?? 0) + 1));
    const labels = new Map<string, string>();
    const labelOf = (entry: ScheduleEntry): string =>
      labels.get(entry.id) ?? labels.get(entry.seriesId ?? '') ?? entry.id;
    const stamp = (): string => wallTime(new Date(clock.now()), TEAM_ZONE);
    const line = (event: string, entry: ScheduleEntry, text: string): void =>
      print(`  ${stamp().padEnd(16)}  ${event.padEnd(12)} ${labelOf(entry).padEnd(13)} ${text}`);

    scheduler.events.on('submitted', ({ entry }) =>
      line('submitted', entry, `by ${entry.approval?.requestedBy}, for ${PEOPLE.client} to approve`),
    );
    scheduler.events.on('approved', ({ entry }) =>
      line('approved', entry, `by ${entry.approval?.decidedBy}`),
    );
    scheduler.events.on('rejected', ({ entry }) =>
      line('rejected', entry, `by ${entry.approval?.decidedBy}: ${entry.approval?.note ?? ''}`),
    );
    scheduler.events.on('published', ({ entry }) =>
      line(
        'published',
        entry,
        (entry.results ?? []).map((result) => `${result.platform} ${result.url ?? ''}`.trim()).join(', '),
      ),
    );
    scheduler.events.on('failed', ({ entry }) =>
      line('failed', entry, `${entry.error?.code}: ${entry.error?.message ?? ''}`),
    );
    scheduler.events.on('unknown', ({ entry }) => line('unknown', entry, entry.error?.message ?? ''));
    scheduler.events.on('not-approved', ({ entry }) =>
      line('not approved', entry, `${entry.error?.code}: ${entry.error?.message ?? ''}`),
    );

    print('');
    print(
      `The week of 30 March, planned on ${wallTime(new Date(PLANNED_AT), TEAM_ZONE)} in Berlin (SQLite store in a temporary file)`,
    );

    // Queue slots: each post takes the next free slot of each account, in its audience's zone.
    for (const { label, post } of QUEUED) {
      for (const entry of await scheduler.schedule(post, [targets.x, targets.mastodon], 'next-slot')) {
        labels.set(entry.id, label);
      }
    }
    // A recurring post: its first occurrence now, each next one when the previous falls due.
    const [series] = await scheduler.schedule(RECURRING.post, [targets.mastodon, targets.x], {
      rrule: RECURRING.rrule,
      start: RECURRING.start,
    });
    if (series !== undefined) labels.set(series.id, RECURRING.label);
    // Approvals: a draft submitted by the planner, and two entries that await the client.
    const { approved, rejected, undecided } = NEEDS_APPROVAL;
    const [draft] = await scheduler.schedule(approved.post, [targets[approved.platform]], approved.at, {
      draft: true,
      approval: 'required',
      by: PEOPLE.planner,
    });
    const [teaser] = await scheduler.schedule(rejected.post, [targets[rejected.platform]], rejected.at, {
      approval: 'required',
      by: PEOPLE.planner,
    });
    const [easter] = await scheduler.schedule(undecided.post, [targets[undecided.platform]], undecided.at, {
      approval: 'required',
      by: PEOPLE.planner,
    });
    if (draft === undefined || teaser === undefined || easter === undefined) throw new Error('not planned');
    labels.set(draft.id, approved.label);
    labels.set(teaser.id, rejected.label);
    labels.set(easter.id, undecided.label);
    const planned = await scheduler.list();
    print(
      `  ${planned.length} entries: ${QUEUED.length} queued posts × 2 accounts in their next free slots ` +
        `(X ${QUEUES.x.zone} ${QUEUES.x.slots.join(', ')}; Mastodon ${QUEUES.mastodon.zone} ${QUEUES.mastodon.slots.join(', ')}), ` +
        `"${RECURRING.label}" ${RECURRING.rrule} at ${RECURRING.start.at.slice(11)} ${RECURRING.start.zone}, ` +
        `3 for ${PEOPLE.client} to approve (one a draft)`,
    );
    await scheduler.submit(draft.id, { by: PEOPLE.planner });

    // The week on simulated time: the worker loop polls every 15 minutes; on Tuesday morning the
    // client approves the draft and rejects the teaser; nobody decides on the Easter post.
    scheduler.start();
    await clock.sleep(REVIEW_AT - clock.now());
    await scheduler.approve(draft.id, { by: PEOPLE.client, note: 'Good to go' });
    await scheduler.reject(teaser.id, { by: PEOPLE.client, note: rejected.note });
    await clock.sleep(WEEK_END - clock.now());
    await scheduler.stop();
    await publisher.shutdown();

    const calendar = await scheduler.calendar({
      from: new Date(PLANNED_AT),
      to: new Date(WEEK_END),
      zone: TEAM_ZONE,
    });
    print('');
    print(`Calendar in ${TEAM_ZONE} (each entry's own wall time in brackets when its zone differs)`);
    for (const text of calendarLines(calendar, labelOf)) print(`  ${text}`);

    const entries = await scheduler.list();
    const on = (entry: ScheduleEntry): boolean => entry.publishAt.getTime() < WEEK_END;
    const plannedOutcome = (entry: ScheduleEntry): string =>
      entry.id === teaser.id ? 'rejected' : entry.id === easter.id ? 'failed' : 'published';
    const unexpected = entries.filter((entry) => on(entry) && entry.status !== plannedOutcome(entry));
    const next = entries.find((entry) => !on(entry) && entry.status === 'scheduled');
    const published = entries.filter((entry) => entry.status === 'published').length;
    print('');
    print(
      `${published} published, 1 rejected, 1 not approved by its time${next === undefined ? '' : `; "${labelOf(next)}" next on ${wallTime(next.publishAt, next.timeZone)} ${next.timeZone}`}` +
        `; ${unexpected.length === 0 ? 'all as planned' : `${unexpected.length} NOT as planned`}, ` +
        `a week of simulated time in ${((performance.now() - realStart) / 1000).toFixed(1)} s`,
    );

    return {
      entries,
      labels,
      calendar,
      platforms: [
        { id: 'x', sim: x.sim, accountId: targets.x.accountId },
        { id: 'mastodon', sim: mastodon.sim, accountId: targets.mastodon.accountId },
      ],
      events: counts,
      unexpected,
    };
  } finally {
    await store.close();
    running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
