import type { GoalMetric, GoalProgress, GoalStatus } from '../goals.js';
import { svgFrame, svgText } from './charts/svg.js';
import {
  formatDate,
  formatShare,
  formatTick,
  formatValue,
  measureLabel,
  NO_DATA,
  type ReportMeasure,
  type ValueKind,
} from './format.js';
import { html, type SafeHtml } from './html.js';
import { coord, linear, niceAxis } from './scale.js';
import { cell, table } from './tables.js';

/** Status names and colours (each at least 4.5:1 on white, WCAG AA). */
const STATUS: Readonly<Record<GoalStatus, { readonly label: string; readonly colour: string }>> = {
  achieved: { label: 'Achieved', colour: '#047857' },
  on_track: { label: 'On track', colour: '#1d4ed8' },
  at_risk: { label: 'At risk', colour: '#b45309' },
  missed: { label: 'Missed', colour: '#b91c1c' },
  no_data: { label: 'No data', colour: '#4b5563' },
};

/** How a goal metric's values are shown. */
function kindOfGoal(progress: GoalProgress): ValueKind {
  return progress.kind === 'rate' ? 'rate' : 'count';
}

/** A person's name for a goal metric. */
export function goalMetricLabel(metric: GoalMetric): string {
  return metric === 'posts' ? 'Posts published' : measureLabel(metric as ReportMeasure);
}

/** Why a goal has no status yet, in words. */
function noDataReason(progress: GoalProgress): string {
  if (progress.daysElapsed === 0) return 'the goal has not started';
  if (progress.current === null)
    return `no post or account in its scope has a value of ${goalMetricLabel(progress.goal.metric).toLowerCase()} yet`;
  return 'fewer than 3 days with a value to project from';
}

function statusBadge(progress: GoalProgress): SafeHtml {
  const { label, colour } = STATUS[progress.status];
  return html`<span class="goal-status status-${progress.status}" style="color:${colour};font-weight:600">${label}</span>`;
}

const WIDTH = 720;
const LEFT = 16;
const RIGHT = 16;
const TRACK_Y = 22;
const TRACK = 16;
const PROJECTION_Y = 54;
const AXIS_Y = 80;
const HEIGHT = 88;

/** Where a label at `x` is anchored so it stays inside the chart. */
function anchorAt(x: number): 'start' | 'middle' | 'end' {
  if (x > WIDTH - RIGHT - 70) return 'end';
  return x < LEFT + 70 ? 'start' : 'middle';
}

/**
 * A bullet chart of one goal: the value so far as a bar on a track, the target as a tall mark,
 * the projection to the deadline as a dot with its prediction interval.
 */
function goalChart(progress: GoalProgress, id: string): SafeHtml {
  const kind = kindOfGoal(progress);
  const { goal, projection, current } = progress;
  const values = [goal.target, ...(current === null ? [] : [current])];
  if (projection !== null) values.push(projection.lower, projection.upper, projection.value);
  const axis = niceAxis(values, 4);
  const x = linear(axis, LEFT, WIDTH - RIGHT);
  const zero = x(0);
  const colour = STATUS[progress.status].colour;
  const ticks = axis.ticks.map((tick) =>
    svgText(coord(x(tick)), String(AXIS_Y), formatTick(tick, kind, axis.step), 'tick', 'middle'),
  );
  const bar =
    current === null
      ? svgText(coord(zero + 6), String(TRACK_Y + 12), NO_DATA, 'nodata')
      : html`<rect class="goal-current" x="${coord(Math.min(zero, x(current)))}" y="${TRACK_Y}" width="${coord(Math.max(1, Math.abs(x(current) - zero)))}" height="${TRACK}" fill="${colour}"><title>So far: ${formatValue(current, kind)}</title></rect>`;
  const target = html`<g class="goal-target"><title>Target: ${formatValue(goal.target, kind)}</title><line x1="${coord(x(goal.target))}" x2="${coord(x(goal.target))}" y1="${TRACK_Y - 8}" y2="${TRACK_Y + TRACK + 8}" stroke="#111827" stroke-width="3"/></g>${svgText(coord(x(goal.target)), String(TRACK_Y - 11), `Target ${formatValue(goal.target, kind)}`, 'label', anchorAt(x(goal.target)))}`;
  const projected =
    projection === null
      ? null
      : html`<g class="goal-projection"><title>Projected by the deadline: ${formatValue(projection.value, kind)} (${formatShare(projection.confidence)} interval ${formatValue(projection.lower, kind)} to ${formatValue(projection.upper, kind)})</title><line x1="${coord(x(projection.lower))}" x2="${coord(x(projection.upper))}" y1="${PROJECTION_Y}" y2="${PROJECTION_Y}" stroke="#111827" stroke-width="2"/><line x1="${coord(x(projection.lower))}" x2="${coord(x(projection.lower))}" y1="${PROJECTION_Y - 5}" y2="${PROJECTION_Y + 5}" stroke="#111827" stroke-width="2"/><line x1="${coord(x(projection.upper))}" x2="${coord(x(projection.upper))}" y1="${PROJECTION_Y - 5}" y2="${PROJECTION_Y + 5}" stroke="#111827" stroke-width="2"/><circle cx="${coord(x(projection.value))}" cy="${PROJECTION_Y}" r="5" fill="#fff" stroke="${colour}" stroke-width="2.5"/></g>`;
  const description = `${goal.name}: ${current === null ? NO_DATA : formatValue(current, kind)} so far of a target of ${formatValue(goal.target, kind)}${
    projection === null
      ? ''
      : `, projected ${formatValue(projection.value, kind)} (${formatValue(projection.lower, kind)} to ${formatValue(projection.upper, kind)}) by the deadline`
  }; ${STATUS[progress.status].label.toLowerCase()}.`;
  return svgFrame(
    {
      id,
      kind: 'goal-chart',
      width: WIDTH,
      height: HEIGHT,
      title: `${goal.name}: progress and projection`,
      description,
    },
    html`<rect class="goal-track" x="${LEFT}" y="${TRACK_Y}" width="${WIDTH - LEFT - RIGHT}" height="${TRACK}" fill="#e5e7eb"/>${bar}${target}${projected}${ticks}`,
  );
}

/** The projection over its interval, on two lines; "no data" without one. */
function projectionCell(progress: GoalProgress): SafeHtml {
  const { projection } = progress;
  if (projection === null) return cell(NO_DATA, true);
  const kind = kindOfGoal(progress);
  return html`<td class="num">${formatValue(projection.value, kind)}<br><span style="font-size:12px;color:#4b5563">${formatValue(projection.lower, kind)} to ${formatValue(projection.upper, kind)}</span></td>`;
}

function goalRow(progress: GoalProgress): SafeHtml {
  const kind = kindOfGoal(progress);
  const { goal } = progress;
  return html`<tr><th scope="row" style="overflow-wrap:anywhere">${goal.name}</th>${cell(formatValue(goal.target, kind), true)}${cell(formatValue(progress.current, kind), true)}${cell(formatShare(progress.progress), true)}${projectionCell(progress)}${cell(progress.projection === null ? NO_DATA : formatShare(progress.projection.chance), true)}<td>${statusBadge(progress)}</td></tr>`;
}

/** What a goal measures, its deadline and how many of its days have passed. */
function goalFacts(progress: GoalProgress, timeZone: string): string {
  const { goal } = progress;
  const deadline = formatDate(new Date(goal.deadline.getTime() - 1), goal.timeZone ?? timeZone);
  const days = progress.daysElapsed + progress.daysLeft;
  return `${goalMetricLabel(goal.metric)} · until ${deadline} · ${progress.daysElapsed} of ${days} ${days === 1 ? 'day' : 'days'} passed`;
}

/**
 * The goals section, first in the report: per goal a bullet chart (so far, target, projection
 * with its interval), then one table of every goal's figures and status.
 */
export function goalsSection(goals: readonly GoalProgress[], timeZone: string): SafeHtml {
  const first = goals[0];
  const confidence = first?.projection?.confidence ?? 0.95;
  const asOf = first === undefined ? '' : ` as of ${formatDate(first.asOf, first.goal.timeZone ?? timeZone)}`;
  const charts = goals.map(
    (progress, i) =>
      html`<div class="goal"><h3>${progress.goal.name} ${statusBadge(progress)}</h3><p class="lead">${goalFacts(progress, timeZone)}</p>${progress.status === 'no_data' ? html`<p class="empty">No status yet: ${noDataReason(progress)}.</p>` : null}${goalChart(progress, `chart-goal-${i + 1}`)}</div>`,
  );
  const body =
    goals.length === 0
      ? html`<p class="empty">No goals were set.</p>`
      : html`${charts}<div style="overflow-x:auto">${table(
          'Every goal',
          [
            'Goal',
            'Target',
            'So far',
            'Progress',
            `Projection (${Math.round(confidence * 100)}\u00a0% interval)`,
            'Chance',
            'Status',
          ],
          goals.map((progress) => goalRow(progress)),
          [false, true, true, true, true, true, false],
        )}</div>`;
  return html`<section id="goals" aria-labelledby="goals-heading"><h2 id="goals-heading">Goals</h2><p class="lead">Progress${asOf}. The projection follows the least-squares trend of each goal's days to its deadline, with a prediction interval; a goal is on track when the projection reaches the target.</p>${body}</section>`;
}
