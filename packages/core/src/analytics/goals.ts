import * as z from 'zod/mini';
import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { NonEmptyStringSchema, PlatformIdSchema } from '../models/ids.js';
import { InstantSchema } from '../models/instant.js';
import { CANONICAL_METRICS, type CanonicalMetric } from '../models/metric-vocabulary.js';
import { TimeZoneSchema } from '../models/time-zone.js';
import { safeParseModel } from '../parse/parse-model.js';
import type { GoalKind, GoalProjection } from './goal-projection.js';

export type { GoalKind, GoalProjection } from './goal-projection.js';

/** The rate KPIs a goal can target: fractions (0.03 is 3 %), formulas on `KPIS`. */
const RATE_METRICS = [
  'engagementRateByImpressions',
  'engagementRateByReach',
  'engagementRateByFollowers',
  'ctr',
  'shareRate',
  'saveRate',
] as const;

/**
 * What a goal can measure, and how each adds up over the goal's days (its {@link GoalKind}):
 *
 * - **total** — summed over the posts published in the goal's window: every canonical post
 *   metric (`impressions`, `reach`, `likes`, `link_clicks`, …, as the rollup sums it),
 *   `engagementCount` (formula on `POST_KPIS`) and `posts` (how many were published).
 * - **level** — the accounts' count at a moment, summed over the scope's accounts: `followers`,
 *   `following`, `posts_count`; and `followerGrowth`, each account's followers minus its
 *   followers at the goal's start (its latest reading before the start, else its first inside).
 * - **rate** — `engagementRateByImpressions`, `engagementRateByReach`,
 *   `engagementRateByFollowers`, `ctr`, `shareRate`, `saveRate`, over the window's posts as a
 *   ratio of sums (as the rollup computes them).
 */
export const GOAL_METRICS = [
  ...CANONICAL_METRICS,
  'posts',
  'engagementCount',
  ...RATE_METRICS,
  'followerGrowth',
] as const;

/** One of {@link GOAL_METRICS}. */
export type GoalMetric = (typeof GOAL_METRICS)[number];

const LEVEL_METRICS: ReadonlySet<string> = new Set([
  'followers',
  'following',
  'posts_count',
  'followerGrowth',
]);
const RATES: ReadonlySet<string> = new Set(RATE_METRICS);

/** How `metric` adds up over a goal's days; see {@link GOAL_METRICS}. */
export function goalKind(metric: GoalMetric): GoalKind {
  if (LEVEL_METRICS.has(metric)) return 'level';
  return RATES.has(metric) ? 'rate' : 'total';
}

/** Which posts and accounts a goal counts. Every field narrows; none means everything. */
export interface GoalScope {
  /** Only these platforms. */
  readonly platforms?: readonly string[] | undefined;
  /** Only these accounts (platform account ids). */
  readonly accounts?: readonly string[] | undefined;
  /**
   * Only posts of this campaign (`PostMeta.campaign`). Not for level metrics: followers belong
   * to accounts, not to campaigns.
   */
  readonly campaign?: string | undefined;
}

/**
 * A SMART goal: a metric (specific, measurable), a target (achievable), a scope (relevant) and a
 * window from `start` to `deadline` (time-bound).
 *
 * @example
 * ```ts
 * const goal: Goal = {
 *   name: '60k impressions on X and LinkedIn in May',
 *   metric: 'impressions',
 *   target: 60_000,
 *   scope: { platforms: ['x', 'linkedin'], campaign: 'spring-26' },
 *   start: new Date('2026-05-01T00:00:00+02:00'),
 *   deadline: new Date('2026-06-01T00:00:00+02:00'),
 *   timeZone: 'Europe/Berlin',
 * };
 * ```
 */
export interface Goal {
  /** What the goal is called in reports. */
  readonly name: string;
  /** What it measures; see {@link GOAL_METRICS}. */
  readonly metric: GoalMetric;
  /**
   * The value to reach: at least this much (a positive number; rates as fractions, 0.03 = 3 %;
   * `followerGrowth` as followers gained).
   */
  readonly target: number;
  /** Which posts and accounts count (default: all). */
  readonly scope?: GoalScope | undefined;
  /** First instant counted. */
  readonly start: Date;
  /** First instant after the goal (exclusive, like `PostFilter.until`): the goal covers `[start, deadline)`. */
  readonly deadline: Date;
  /** IANA zone of the goal's days (default UTC). */
  readonly timeZone?: string | undefined;
}

/**
 * Where a goal stands:
 * - `achieved`: a total has reached the target (it can only grow), or the deadline has passed
 *   with the value at or above the target
 * - `missed`: the deadline has passed with the value below the target
 * - `on_track`: before the deadline, the projection to the deadline reaches the target
 * - `at_risk`: before the deadline, the projection stays below the target
 * - `no_data`: nothing to judge yet: no value in the window so far (the goal may not have
 *   started), or, before the deadline, fewer than 3 days with a value to project from
 */
export type GoalStatus = 'achieved' | 'on_track' | 'at_risk' | 'missed' | 'no_data';

/** One day of a goal's series, for charts. */
export interface GoalDay {
  /** The local date, `YYYY-MM-DD` in the goal's zone. */
  readonly day: string;
  /** The day's value: its total, its end-of-day level, or its rate. */
  readonly value: number;
}

/** A goal's progress as of a moment. Missing values are `null`, never 0. */
export interface GoalProgress {
  /** The goal. */
  readonly goal: Goal;
  /** How its metric adds up. */
  readonly kind: GoalKind;
  /** The moment it was evaluated at. */
  readonly asOf: Date;
  /**
   * The value over `[start, min(asOf, deadline))`: the total so far, the level at that moment
   * (the latest readings before it), or the window's rate so far; `null` when there is none.
   */
  readonly current: number | null;
  /** current ÷ target (1 = 100 %); `null` without a current value. */
  readonly progress: number | null;
  /** The projection to the deadline; `null` once the deadline has passed or with fewer than 3 days to fit. */
  readonly projection: GoalProjection | null;
  /** Where it stands; see {@link GoalStatus}. */
  readonly status: GoalStatus;
  /** Calendar days of the goal elapsed by `asOf` (E; the last may be partial). */
  readonly daysElapsed: number;
  /** Calendar days of the goal after those. */
  readonly daysLeft: number;
  /** The daily series the projection was fitted to, oldest first. */
  readonly series: readonly GoalDay[];
}

/** Options of `Analytics.goals`. */
export interface GoalOptions {
  /**
   * The moment to evaluate at (default: now). Evaluate at midnight of the goal's zone for a
   * fit on whole days: the day holding `asOf` counts as elapsed even when it has just begun.
   */
  readonly asOf?: Date | undefined;
  /** Confidence of the prediction interval, in (0, 1) (default 0.95). */
  readonly confidence?: number | undefined;
}

const GoalScopeSchema = /* @__PURE__ */ (() =>
  z.object({
    platforms: z.optional(z.array(PlatformIdSchema)),
    accounts: z.optional(z.array(NonEmptyStringSchema)),
    campaign: z.optional(NonEmptyStringSchema),
  }))();

const GoalSchema = /* @__PURE__ */ (() =>
  z
    .object({
      name: NonEmptyStringSchema,
      metric: z.enum(GOAL_METRICS),
      target: z.number().check(z.positive()),
      scope: z.optional(GoalScopeSchema),
      start: InstantSchema,
      deadline: InstantSchema,
      timeZone: z.optional(TimeZoneSchema),
    })
    .check(
      z.refine((goal) => goal.start.getTime() < goal.deadline.getTime(), {
        error: 'must be after start',
        path: ['deadline'],
        params: { rule: 'goal.window' },
      }),
      z.refine((goal) => goal.scope?.campaign === undefined || goalKind(goal.metric) !== 'level', {
        error: 'a follower count belongs to accounts, not to a campaign: scope it by platforms or accounts',
        path: ['scope', 'campaign'],
        params: { rule: 'goal.scope' },
      }),
    ))();

/** The canonical metric of a goal, when it is one. */
export function canonicalMetricOf(metric: GoalMetric): CanonicalMetric | undefined {
  return (CANONICAL_METRICS as readonly string[]).includes(metric) ? (metric as CanonicalMetric) : undefined;
}

/**
 * Checks goals and evaluation options; all or nothing. Returns the goals with their instants as
 * fresh `Date`s.
 *
 * @throws ValidationError listing the problems (paths start with `goals` and the goal's index)
 */
export function checkGoals(goals: readonly Goal[], options: GoalOptions): Goal[] {
  const problems: ValidationProblem[] = [];
  const parsed: Goal[] = [];
  goals.forEach((goal, index) => {
    const result = safeParseModel(GoalSchema, goal);
    if (result.success) parsed.push(result.data);
    else
      for (const problem of result.problems)
        problems.push({ ...problem, path: ['goals', index, ...problem.path] });
  });
  const { asOf, confidence } = options;
  if (asOf !== undefined && (!(asOf instanceof Date) || Number.isNaN(asOf.getTime()))) {
    problems.push({ path: ['asOf'], rule: 'goal.as_of', message: 'must be a valid Date' });
  }
  if (confidence !== undefined && !(confidence > 0 && confidence < 1)) {
    problems.push({ path: ['confidence'], rule: 'goal.confidence', message: 'must be between 0 and 1' });
  }
  if (problems.length > 0) throw new ValidationError(problems, 'goals');
  return parsed;
}
