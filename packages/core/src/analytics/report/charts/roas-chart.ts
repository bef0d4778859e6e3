import type { PlatformAllocation } from '../../roi.js';
import { formatTick, formatValue, NO_DATA } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { coord, linear, niceAxis, truncate } from '../scale.js';
import { svgFrame, svgText } from './svg.js';

const WIDTH = 720;
const LEFT = 160;
const RIGHT = 90;
const TOP = 12;
const ROW = 34;
const BAR = 20;
const AXIS = 44;

/** ROAS as `4.20×`, or {@link NO_DATA}. */
export function formatRoas(value: number | null): string {
  return value === null || !Number.isFinite(value) ? NO_DATA : `${formatValue(value, 'decimal')}×`;
}

/**
 * Platforms by ROAS (value per unit spent), best first, from a zero baseline, with a dashed
 * break-even line at 1× (value = spend); a platform without spend reads "no data".
 */
export function roasChart(rows: readonly PlatformAllocation[], id: string): SafeHtml {
  const height = TOP + rows.length * ROW + AXIS;
  const plotBottom = TOP + rows.length * ROW;
  const axis = niceAxis([1, ...rows.flatMap((row) => (row.roas === null ? [] : [row.roas]))]);
  const x = linear(axis, LEFT, WIDTH - RIGHT);
  const zero = x(0);
  const grid = axis.ticks.map(
    (tick) =>
      html`<line class="grid" x1="${coord(x(tick))}" x2="${coord(x(tick))}" y1="${TOP}" y2="${plotBottom}"/>${svgText(coord(x(tick)), String(plotBottom + 18), `${formatTick(tick, 'decimal', axis.step)}×`, 'tick', 'middle')}`,
  );
  const bars = rows.map((row, i) => {
    const top = TOP + i * ROW + (ROW - BAR) / 2;
    const middle = coord(top + BAR / 2 + 4);
    const name = html`<text class="label" x="${LEFT - 10}" y="${middle}" text-anchor="end">${truncate(row.platform, 18)}<title>${row.platform}</title></text>`;
    if (row.roas === null)
      return html`<g class="bar-row">${name}${svgText(coord(zero + 6), middle, NO_DATA, 'nodata')}</g>`;
    const end = x(row.roas);
    return html`<g class="bar-row">${name}<rect class="bar roas" x="${coord(Math.min(zero, end))}" y="${coord(top)}" width="${coord(Math.max(1, Math.abs(end - zero)))}" height="${BAR}" data-platform="${row.platform}" data-value="${String(row.roas)}"><title>${row.platform}: ${formatRoas(row.roas)}</title></rect>${svgText(coord(Math.max(zero, end) + 6), middle, formatRoas(row.roas), 'value')}</g>`;
  });
  const breakEven = html`<line class="zero break-even" x1="${coord(x(1))}" x2="${coord(x(1))}" y1="${TOP - 4}" y2="${plotBottom}"><title>Break-even: value = spend</title></line>`;
  const described = rows.map((row) => `${row.platform} ${formatRoas(row.roas)}`).join(', ');
  return svgFrame(
    {
      id,
      kind: 'roas-chart',
      width: WIDTH,
      height,
      title: 'Return on ad spend by platform',
      description: `Value returned per unit spent, by platform, best first: ${described === '' ? NO_DATA : described}. Break-even is 1×.`,
    },
    html`${grid}${bars}${breakEven}${svgText(String(LEFT), String(height - 6), 'Value per unit spent (ROAS); dashed line: break-even', 'axis-title')}`,
  );
}
