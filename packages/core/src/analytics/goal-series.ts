import type { AccountSeries } from './account-series.js';
import type { TrendPoint } from './goal-projection.js';
import { canonicalMetricOf, type Goal, goalKind } from './goals.js';
import type { Kpi } from './kpis.js';
import { addPresent, metricSlot } from './metric-slots.js';
import { CompiledPostFilter } from './post-filter.js';
import { type RollupRow, rollup } from './rollup.js';
import type { SampleStore } from './sample-store.js';
import { isoDate, type ZoneCalendar, zoneCalendar } from './time-buckets.js';

const DAY = 86_400_000;

/** A goal's daily series and value so far. `NaN` means no data. */
export interface GoalSeries {
  /** The days with a value, by index from the goal's first day. */
  readonly points: TrendPoint[];
  /** The local date of each point. */
  readonly keys: string[];
  /** The value over `[start, min(asOf, deadline))`; `NaN` when there is none. */
  readonly current: number;
  /** E: calendar days of the goal elapsed by `asOf`. */
  readonly elapsedDays: number;
  /** D: index of the goal's last day. */
  readonly deadlineDay: number;
}

/** The goal's calendar: its days by index, in its zone. */
class GoalDays {
  readonly calendar: ZoneCalendar;
  readonly firstDay: number;
  constructor(goal: Goal) {
    this.calendar = zoneCalendar(goal.timeZone ?? 'UTC');
    this.firstDay = this.calendar.local(goal.start.getTime()).dayNumber;
  }

  /** The index of the day holding `instant`. */
  indexOf(instant: number): number {
    return this.calendar.local(instant).dayNumber - this.firstDay;
  }

  /** The first instant of day `index`. */
  startOf(index: number): number {
    return this.calendar.instantOf((this.firstDay + index) * DAY);
  }

  /** `YYYY-MM-DD` of day `index`. */
  keyOf(index: number): string {
    return isoDate(this.firstDay + index);
  }
}

/**
 * The daily series of `goal` as of `asOf` (ms), and its value so far. Day 0 is the local day
 * holding `start`; days elapsed are those up to the one holding the last instant before
 * `min(asOf, deadline)`.
 *
 * - total: one point per elapsed day, its sum over the day's posts; a day without posts is 0;
 *   a day whose posts lack the metric has no point. The value is the sum of the points.
 * - rate: one point per elapsed day with a rate; the value is the window's rate so far.
 * - level: one point per elapsed day on which some account of the scope has a reading: the sum
 *   over the accounts of their latest reading before the day's end (for `followerGrowth`, minus
 *   each account's reading at the start). The value is the same sum before `min(asOf, deadline)`.
 */
export function goalSeries(store: SampleStore, goal: Goal, asOf: number): GoalSeries {
  const days = new GoalDays(goal);
  const start = goal.start.getTime();
  const end = Math.min(asOf, goal.deadline.getTime());
  const deadlineDay = days.indexOf(goal.deadline.getTime() - 1);
  const elapsedDays = end > start ? days.indexOf(end - 1) + 1 : 0;
  const base = { elapsedDays, deadlineDay };
  if (elapsedDays === 0) return { ...base, points: [], keys: [], current: Number.NaN };
  const kind = goalKind(goal.metric);
  const series =
    kind === 'level'
      ? levelSeries(store, goal, days, start, end, elapsedDays)
      : postSeries(store, goal, days, start, end, elapsedDays);
  return { ...base, ...series };
}

type SeriesPart = Pick<GoalSeries, 'points' | 'keys' | 'current'>;

/** Rollup rows of the goal's posts in `[start, end)`, by day or not, of its campaign when it has one. */
function rowsOf(
  store: SampleStore,
  goal: Goal,
  start: number,
  end: number,
  byDay: boolean,
): RollupRow<'day' | 'campaign'>[] {
  const scope = goal.scope ?? {};
  const kpi: Kpi | undefined =
    goalKind(goal.metric) === 'rate' || goal.metric === 'engagementCount' ? (goal.metric as Kpi) : undefined;
  const campaign = scope.campaign;
  const rows = rollup<'day' | 'campaign', Kpi>(store, {
    since: new Date(start),
    until: new Date(end),
    platforms: scope.platforms,
    accounts: scope.accounts,
    timeZone: goal.timeZone ?? 'UTC',
    by: [...(campaign === undefined ? [] : (['campaign'] as const)), ...(byDay ? (['day'] as const) : [])],
    kpis: kpi === undefined ? [] : [kpi],
  });
  return campaign === undefined ? rows : rows.filter((row) => row.dimensions.campaign === campaign);
}

/** The day's value of a total or rate goal from its rollup row: `NaN` for no data. */
function rowValue(goal: Goal, row: RollupRow<'day' | 'campaign'> | undefined): number {
  const kind = goalKind(goal.metric);
  // Rows of days with account readings only carry no posts: for a total that is a day of 0.
  if (row === undefined || row.posts === 0) return kind === 'total' ? 0 : Number.NaN;
  if (goal.metric === 'posts') return row.posts;
  const metric = canonicalMetricOf(goal.metric);
  const value =
    metric === undefined ? (row.kpis as Record<string, number | null>)[goal.metric] : row.metrics[metric];
  return value ?? Number.NaN;
}

function postSeries(
  store: SampleStore,
  goal: Goal,
  days: GoalDays,
  start: number,
  end: number,
  elapsed: number,
): SeriesPart {
  const byDay = new Map(rowsOf(store, goal, start, end, true).map((row) => [row.dimensions.day, row]));
  const points: TrendPoint[] = [];
  const keys: string[] = [];
  let total = Number.NaN;
  // Whether some post of the window has a value: without one a total is "no data", not 0.
  let measured = goal.metric === 'posts';
  for (let day = 0; day < elapsed; day++) {
    const key = days.keyOf(day);
    const row = byDay.get(key);
    const value = rowValue(goal, row);
    if (Number.isNaN(value)) continue;
    if (row !== undefined && row.posts > 0) measured = true;
    points.push({ day, value });
    keys.push(key);
    total = addPresent(total, value);
  }
  if (goalKind(goal.metric) === 'total') return { points, keys, current: measured ? total : Number.NaN };
  return { points, keys, current: rowValue(goal, rowsOf(store, goal, start, end, false)[0]) };
}

function levelSeries(
  store: SampleStore,
  goal: Goal,
  days: GoalDays,
  start: number,
  end: number,
  elapsed: number,
): SeriesPart {
  const growth = goal.metric === 'followerGrowth';
  const slot = metricSlot(growth ? 'followers' : goal.metric);
  const filter = new CompiledPostFilter({ platforms: goal.scope?.platforms, accounts: goal.scope?.accounts });
  const accounts: { series: AccountSeries; base: number }[] = [];
  for (let account = 0; account < store.accountCount; account++) {
    if (!filter.acceptsAccount(store, account)) continue;
    const series = store.accountSeries(account, slot);
    if (series === undefined || series.size === 0) continue;
    let base = 0;
    if (growth) {
      const before = series.latestBefore(start);
      base = series.valueAt(before >= 0 ? before : series.firstIn(start, end));
      if (Number.isNaN(base)) continue;
    }
    accounts.push({ series, base });
  }
  const levelAt = (instant: number): number => {
    let sum = Number.NaN;
    for (const { series, base } of accounts)
      sum = addPresent(sum, series.valueAt(series.latestBefore(instant)) - base);
    return sum;
  };
  const points: TrendPoint[] = [];
  const keys: string[] = [];
  for (let day = 0; day < elapsed; day++) {
    const from = Math.max(start, days.startOf(day));
    const to = Math.min(end, days.startOf(day + 1));
    if (!accounts.some(({ series }) => series.firstIn(from, to) >= 0)) continue;
    const value = levelAt(to);
    if (Number.isNaN(value)) continue;
    points.push({ day, value });
    keys.push(days.keyOf(day));
  }
  return { points, keys, current: levelAt(end) };
}
