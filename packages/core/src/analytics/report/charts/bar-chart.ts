import { formatTick, formatValue, NO_DATA, type ValueKind } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { coord, linear, niceAxis, truncate } from '../scale.js';
import { svgFrame, svgText } from './svg.js';

/** One bar: a group (a platform, a campaign, …) and its KPI. */
export interface BarDatum {
  /** The group's name. */
  readonly label: string;
  /** The KPI; `null` for no data (labelled "no data", no bar). */
  readonly value: number | null;
  /** Posts in the group. */
  readonly posts: number;
}

/** How to draw the bar chart. */
export interface BarChartOptions {
  /** Unique id prefix in the page. */
  readonly id: string;
  /** Name of the KPI, for the axis and the labels. */
  readonly label: string;
  /** How values are formatted. */
  readonly kind: ValueKind;
  /** What a bar is, for the title (`platform`, `campaign`, …). */
  readonly group: string;
  /** What `BarDatum.posts` counts, singular and plural (default `post`, `posts`). */
  readonly countName?: readonly [one: string, many: string] | undefined;
}

const WIDTH = 720;
const LEFT = 200;
const RIGHT = 96;
const TOP = 12;
const ROW = 36;
const BAR = 22;
const AXIS = 44;
const LABEL_CHARS = 22;

/** Horizontal bar chart comparing a KPI across groups, from a zero baseline. */
export function barChart(data: readonly BarDatum[], options: BarChartOptions): SafeHtml {
  const height = TOP + data.length * ROW + AXIS;
  const plotRight = WIDTH - RIGHT;
  const plotBottom = TOP + data.length * ROW;
  const axis = niceAxis(data.flatMap((d) => (d.value === null ? [] : [d.value])));
  const x = linear(axis, LEFT, plotRight);
  const zero = x(0);

  const grid = axis.ticks.map(
    (tick) =>
      html`<line class="grid" x1="${coord(x(tick))}" x2="${coord(x(tick))}" y1="${TOP}" y2="${plotBottom}"/>${svgText(coord(x(tick)), String(plotBottom + 18), formatTick(tick, options.kind, axis.step), 'tick', 'middle')}`,
  );
  const rows = data.map((datum, i) => {
    const top = TOP + i * ROW + (ROW - BAR) / 2;
    const middle = coord(top + BAR / 2 + 4);
    const [one, many] = options.countName ?? ['post', 'posts'];
    const posts = `${datum.posts} ${datum.posts === 1 ? one : many}`;
    const name = html`<text class="label" x="${LEFT - 10}" y="${middle}" text-anchor="end">${truncate(datum.label, LABEL_CHARS)}<title>${datum.label}</title></text>`;
    if (datum.value === null) {
      return html`<g class="bar-row">${name}${svgText(coord(zero + 6), middle, NO_DATA, 'nodata')}</g>`;
    }
    const end = x(datum.value);
    const left = Math.min(zero, end);
    const text = formatValue(datum.value, options.kind);
    const textX = datum.value < 0 ? left - 6 : Math.max(zero, end) + 6;
    return html`<g class="bar-row">${name}<rect class="bar" x="${coord(left)}" y="${coord(top)}" width="${coord(Math.max(1, Math.abs(end - zero)))}" height="${BAR}" data-label="${datum.label}" data-value="${String(datum.value)}"><title>${datum.label}: ${text} (${posts})</title></rect>${svgText(coord(textX), middle, text, 'value', datum.value < 0 ? 'end' : 'start')}</g>`;
  });
  const withData = data.filter((d) => d.value !== null).length;
  return svgFrame(
    {
      id: options.id,
      kind: 'bar-chart',
      width: WIDTH,
      height,
      title: `${options.label} by ${options.group}`,
      description:
        withData === 0
          ? `${options.label} by ${options.group}: no data.`
          : `${options.label} by ${options.group}: ${data
              .map((d) => `${d.label} ${formatValue(d.value, options.kind)}`)
              .join(', ')}.`,
    },
    html`${grid}${rows}<line class="axis" x1="${coord(zero)}" x2="${coord(zero)}" y1="${TOP}" y2="${plotBottom}"/>${svgText(String(LEFT), String(height - 6), options.label, 'axis-title')}`,
  );
}
