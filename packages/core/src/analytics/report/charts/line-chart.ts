import { isoDate } from '../../time-buckets.js';
import { formatTick, formatValue, NO_DATA, shortDate, type ValueKind } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { coord, linear, niceAxis } from '../scale.js';
import { svgFrame, svgText } from './svg.js';

/** One day of the line chart. */
export interface LinePoint {
  /** The day, `YYYY-MM-DD` (any other key is placed by its order instead of its date). */
  readonly key: string;
  /** The KPI that day; `null` for no data (a gap in the line, never 0). */
  readonly value: number | null;
  /** Posts that day. */
  readonly posts: number;
}

/** How to draw the line chart. */
export interface LineChartOptions {
  /** Unique id prefix in the page. */
  readonly id: string;
  /** Name of the KPI, for the axis and the labels. */
  readonly label: string;
  /** How values are formatted. */
  readonly kind: ValueKind;
}

const WIDTH = 720;
const HEIGHT = 280;
const LEFT = 68;
const RIGHT = 20;
const TOP = 30;
const BOTTOM = 46;
const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` key, or `undefined`. */
function dayNumber(key: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (match === null) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

interface Placed extends LinePoint {
  readonly slot: number;
}

/** Places points on whole-number slots: their day numbers, or their order when keys are not dates. */
function place(points: readonly LinePoint[]): { placed: Placed[]; dated: boolean } {
  const days = points.map((point) => dayNumber(point.key));
  const dated = days.every((day) => day !== undefined);
  const placed = points.map((point, i) => ({ ...point, slot: dated ? (days[i] ?? i) : i }));
  placed.sort((a, b) => a.slot - b.slot);
  return { placed, dated };
}

/** Runs of consecutive slots in `[first, last]` without a value, as `[from, to]`. */
function gaps(placed: readonly Placed[], first: number, last: number): [number, number][] {
  const withValue = new Set(placed.filter((p) => p.value !== null).map((p) => p.slot));
  const runs: [number, number][] = [];
  for (let slot = first; slot <= last; slot++) {
    if (withValue.has(slot)) continue;
    const run = runs[runs.length - 1];
    if (run !== undefined && run[1] === slot - 1) run[1] = slot;
    else runs.push([slot, slot]);
  }
  return runs;
}

/**
 * Line chart of a KPI per day: a line through the days with data, broken where a day has none;
 * days without data are shaded and labelled "no data" rather than drawn at 0.
 */
export function lineChart(points: readonly LinePoint[], options: LineChartOptions): SafeHtml {
  const { placed, dated } = place(points);
  const first = placed[0]?.slot ?? 0;
  const last = placed[placed.length - 1]?.slot ?? 0;
  const values = placed.flatMap((p) => (p.value === null ? [] : [p.value]));
  const yAxis = niceAxis(values);
  const plotRight = WIDTH - RIGHT;
  const plotBottom = HEIGHT - BOTTOM;
  const pad = first === last ? 1 : 0.5;
  const x = linear({ min: first - pad, max: last + pad }, LEFT, plotRight);
  const y = linear(yAxis, plotBottom, TOP);
  const labelOf = (slot: number): string =>
    dated ? shortDate(isoDate(slot)) : (placed.find((p) => p.slot === slot)?.key ?? '');

  const grid = yAxis.ticks.map(
    (tick) =>
      html`<line class="grid" x1="${LEFT}" x2="${plotRight}" y1="${coord(y(tick))}" y2="${coord(y(tick))}"/>${svgText(String(LEFT - 8), coord(y(tick) + 4), formatTick(tick, options.kind, yAxis.step), 'tick', 'end')}`,
  );
  const span = last - first;
  const every = Math.max(1, Math.ceil((span + 1) / 8));
  const xTicks = [];
  for (let slot = first; slot <= last; slot += every) {
    xTicks.push(
      html`<line class="axis" x1="${coord(x(slot))}" x2="${coord(x(slot))}" y1="${plotBottom}" y2="${plotBottom + 5}"/>${svgText(coord(x(slot)), String(plotBottom + 19), labelOf(slot), 'tick', 'middle')}`,
    );
  }
  const bandWidth = x(1) - x(0);
  const missing = gaps(placed, first, last);
  const bands = missing.map(([from, to]) => {
    const left = Math.max(LEFT, x(from) - bandWidth / 2);
    const right = Math.min(plotRight, x(to) + bandWidth / 2);
    const text = from === to ? labelOf(from) : `${labelOf(from)} – ${labelOf(to)}`;
    return html`<rect class="nodata-band" x="${coord(left)}" y="${TOP}" width="${coord(right - left)}" height="${plotBottom - TOP}"><title>${text}: ${NO_DATA}</title></rect>`;
  });

  const segments: string[] = [];
  let previous: Placed | undefined;
  for (const point of placed) {
    if (point.value === null) {
      previous = undefined;
      continue;
    }
    const joined = previous !== undefined && point.slot === previous.slot + 1;
    segments.push(`${joined ? 'L' : 'M'}${coord(x(point.slot))} ${coord(y(point.value))}`);
    previous = point;
  }
  const circles = placed.flatMap((point) =>
    point.value === null
      ? []
      : [
          html`<circle class="point" cx="${coord(x(point.slot))}" cy="${coord(y(point.value))}" r="4" data-key="${point.key}" data-value="${String(point.value)}"><title>${dated ? isoDate(point.slot) : point.key}: ${formatValue(point.value, options.kind)} (${point.posts} ${point.posts === 1 ? 'post' : 'posts'})</title></circle>`,
        ],
  );
  const legend = html`<g class="legend" transform="translate(${LEFT},10)"><line class="series" x1="0" x2="18" y1="0" y2="0"/>${svgText('24', '4', options.label, 'legend-label')}${
    missing.length > 0
      ? html`<rect class="nodata-band" x="${coord(30 + options.label.length * 6.6)}" y="-6" width="14" height="12"/>${svgText(coord(50 + options.label.length * 6.6), '4', NO_DATA, 'legend-label')}`
      : null
  }</g>`;
  const withData = values.length;
  const without = missing.reduce((days, [from, to]) => days + to - from + 1, 0);
  const description =
    withData === 0
      ? `${options.label} per day: no data.`
      : `${options.label} per day from ${labelOf(first)} to ${labelOf(last)}: ${withData} ${withData === 1 ? 'day' : 'days'} with data, ${without} without.`;
  return svgFrame(
    {
      id: options.id,
      kind: 'line-chart',
      width: WIDTH,
      height: HEIGHT,
      title: `${options.label} over time`,
      description,
    },
    html`${bands}${grid}<line class="axis" x1="${LEFT}" x2="${plotRight}" y1="${plotBottom}" y2="${plotBottom}"/>${xTicks}<path class="series" d="${segments.join(' ')}"/>${circles}${legend}${svgText(String(LEFT), String(HEIGHT - 6), dated ? 'Day' : 'Period', 'axis-title')}`,
  );
}
