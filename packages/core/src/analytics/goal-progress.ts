import { type GoalProjection, projectGoal } from './goal-projection.js';
import { goalSeries } from './goal-series.js';
import {
  checkGoals,
  type Goal,
  type GoalKind,
  type GoalOptions,
  type GoalProgress,
  type GoalStatus,
  goalKind,
} from './goals.js';
import { orNull } from './metric-slots.js';
import type { SampleStore } from './sample-store.js';

/** Where a goal stands; the rules are on {@link GoalStatus}. */
function statusOf(
  kind: GoalKind,
  current: number,
  target: number,
  ended: boolean,
  projection: GoalProjection | null,
): GoalStatus {
  if (Number.isNaN(current)) return 'no_data';
  if (ended) return current >= target ? 'achieved' : 'missed';
  if (kind === 'total' && current >= target) return 'achieved';
  if (projection === null) return 'no_data';
  return projection.value >= target ? 'on_track' : 'at_risk';
}

function evaluate(store: SampleStore, goal: Goal, asOf: Date, confidence: number): GoalProgress {
  const kind = goalKind(goal.metric);
  const series = goalSeries(store, goal, asOf.getTime());
  const { current, elapsedDays, deadlineDay } = series;
  const ended = asOf.getTime() >= goal.deadline.getTime();
  const projection =
    ended || Number.isNaN(current)
      ? null
      : projectGoal({
          kind,
          points: series.points,
          current,
          elapsedDays,
          deadlineDay,
          target: goal.target,
          confidence,
        });
  return {
    goal,
    kind,
    asOf: new Date(asOf),
    current: orNull(current),
    progress: Number.isNaN(current) ? null : current / goal.target,
    projection,
    status: statusOf(kind, current, goal.target, ended, projection),
    daysElapsed: elapsedDays,
    daysLeft: Math.max(0, deadlineDay + 1 - elapsedDays),
    series: series.points.map((point, i) => ({ day: series.keys[i] ?? '', value: point.value })),
  };
}

/**
 * Each goal's current value, progress, projection to the deadline and status as of
 * `options.asOf` (default now); formulas on {@link GoalProgress}, `projectGoal` and
 * docs/analytics.md.
 *
 * @throws ValidationError for an invalid goal (unknown metric, a target ≤ 0, a deadline not
 *   after the start, an unknown zone, a campaign scope on a level metric) or options
 */
export function evaluateGoals(
  store: SampleStore,
  goals: readonly Goal[],
  options: GoalOptions = {},
): GoalProgress[] {
  const checked = checkGoals(goals, options);
  const asOf = options.asOf ?? new Date();
  const confidence = options.confidence ?? 0.95;
  return checked.map((goal) => evaluate(store, goal, asOf, confidence));
}
