import type { VariantComparison, VariantCounts, VariantPair } from '../../ab-test.js';
import { normalQuantile } from '../../normal-distribution.js';
import {
  formatLift,
  formatPoints,
  formatPointsTick,
  formatPValue,
  formatShare,
  formatTick,
  formatValue,
  NO_DATA,
} from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { coord, linear, niceAxis, truncate } from '../scale.js';
import { figure } from '../tables.js';
import { svgFrame, svgText } from './svg.js';

/** What the A/B chart shows. */
export interface AbChartData {
  /** Name of variant A (baseline). */
  readonly a: string;
  /** Name of variant B (challenger). */
  readonly b: string;
  /** What was compared (`Engagement rate (by impressions)`). */
  readonly rateLabel: string;
  /** The test's outcome. */
  readonly result: VariantComparison;
  /** The counts, for each rate's own interval; without them only the difference has one. */
  readonly counts?: VariantPair | undefined;
}

const WIDTH = 720;
const LEFT = 190;
const RIGHT = 110;
const ROW_A = 22;
const ROW_B = 60;
const BAR = 26;
const RATE_AXIS = 104;
const DIFF_TITLE = 140;
const DIFF_ROW = 166;
const DIFF_AXIS = 196;
const HEIGHT = 212;
const LABEL_CHARS = 22;

/** Wald interval of one rate, p ± z·√(p(1 − p)/n), clipped to [0, 1]. */
function rateInterval(counts: VariantCounts, critical: number): { lower: number; upper: number } {
  const p = counts.successes / counts.trials;
  const half = critical * Math.sqrt((p * (1 - p)) / counts.trials);
  return { lower: Math.max(0, p - half), upper: Math.min(1, p + half) };
}

/** A horizontal interval with end caps at height `y`. */
function whisker(className: string, x1: number, x2: number, y: number, cap: number, label: string): SafeHtml {
  const top = coord(y - cap);
  const bottom = coord(y + cap);
  return html`<g class="${className}"><title>${label}</title><line x1="${coord(x1)}" x2="${coord(x2)}" y1="${coord(y)}" y2="${coord(y)}"/><line x1="${coord(x1)}" x2="${coord(x1)}" y1="${top}" y2="${bottom}"/><line x1="${coord(x2)}" x2="${coord(x2)}" y1="${top}" y2="${bottom}"/></g>`;
}

/** Significant, not significant, or not testable, in words. */
export function verdict(result: VariantComparison): string {
  const level = formatShare(result.confidence).replace('.0', '');
  if (result.pValue === null) return 'Cannot be tested: no variation';
  return result.significant ? `Significant at ${level} confidence` : `Not significant at ${level} confidence`;
}

/**
 * A/B result chart: the two rates as bars (with each rate's interval when counts are given),
 * and the difference B − A with its confidence interval against a zero line. Lift, p-value and
 * the verdict are written beside it.
 */
export function abChart(data: AbChartData, id: string): SafeHtml {
  const { result } = data;
  const critical = normalQuantile(1 - (1 - result.confidence) / 2);
  const intervalA = data.counts === undefined ? undefined : rateInterval(data.counts.a, critical);
  const intervalB = data.counts === undefined ? undefined : rateInterval(data.counts.b, critical);
  const rateAxis = niceAxis([result.rateA, result.rateB, intervalA?.upper ?? 0, intervalB?.upper ?? 0], 4);
  const plotRight = WIDTH - RIGHT;
  const x = linear(rateAxis, LEFT, plotRight);
  const level = formatShare(result.confidence).replace('.0', '');

  const bar = (
    variant: 'a' | 'b',
    top: number,
    rate: number,
    interval?: { lower: number; upper: number },
  ) => {
    const name = `${variant.toUpperCase()} · ${data[variant]}`;
    const middle = top + BAR / 2;
    const text = formatValue(rate, 'rate');
    const range =
      interval === undefined
        ? null
        : whisker(
            'whisker',
            x(interval.lower),
            x(interval.upper),
            middle,
            6,
            `${name}: ${level} interval ${formatValue(interval.lower, 'rate')} to ${formatValue(interval.upper, 'rate')}`,
          );
    const textX = Math.max(x(rate), interval === undefined ? 0 : x(interval.upper)) + 8;
    return html`<text class="label" x="${LEFT - 10}" y="${coord(middle + 4)}" text-anchor="end">${truncate(name, LABEL_CHARS)}<title>${name}</title></text><rect class="bar variant-${variant}" x="${LEFT}" y="${top}" width="${coord(Math.max(1, x(rate) - LEFT))}" height="${BAR}" data-value="${String(rate)}"><title>${name}: ${text}</title></rect>${range}${svgText(coord(textX), coord(middle + 4), text, 'value')}`;
  };
  const rateTicks = rateAxis.ticks.map(
    (tick) =>
      html`<line class="grid" x1="${coord(x(tick))}" x2="${coord(x(tick))}" y1="${ROW_A - 6}" y2="${RATE_AXIS - 14}"/>${svgText(coord(x(tick)), String(RATE_AXIS), formatTick(tick, 'rate', rateAxis.step), 'tick', 'middle')}`,
  );

  const { lower, upper } = result.interval;
  const diffAxis = niceAxis([lower, upper, result.difference], 4);
  const d = linear(diffAxis, LEFT, plotRight);
  const diffTicks = diffAxis.ticks.map((tick) =>
    svgText(coord(d(tick)), String(DIFF_AXIS), formatPointsTick(tick, diffAxis.step), 'tick', 'middle'),
  );
  const intervalText = `${level} interval ${formatPoints(lower)} to ${formatPoints(upper)}`;
  const difference = html`${svgText(String(LEFT - 10), String(DIFF_ROW + 4), 'B − A', 'label', 'end')}${svgText(String(LEFT), String(DIFF_TITLE), `Difference in percentage points, with its ${level} confidence interval`, 'axis-title')}<line class="zero" x1="${coord(d(0))}" x2="${coord(d(0))}" y1="${DIFF_ROW - 16}" y2="${DIFF_ROW + 16}"/>${whisker('interval', d(lower), d(upper), DIFF_ROW, 8, intervalText)}<circle class="estimate" cx="${coord(d(result.difference))}" cy="${DIFF_ROW}" r="5"><title>B − A: ${formatPoints(result.difference)}</title></circle>${svgText(coord(d(upper) + 10), String(DIFF_ROW + 4), formatPoints(result.difference), 'value')}${diffTicks}`;

  return svgFrame(
    {
      id,
      kind: 'ab-chart',
      width: WIDTH,
      height: HEIGHT,
      title: `A/B test: ${data.a} vs ${data.b}`,
      description: `${data.rateLabel}: A (${data.a}) ${formatValue(result.rateA, 'rate')}, B (${data.b}) ${formatValue(result.rateB, 'rate')}; difference ${formatPoints(result.difference)}, ${intervalText}; lift ${formatLift(result.lift)}; p-value ${formatPValue(result.pValue)}. ${verdict(result)}.`,
    },
    html`${rateTicks}${bar('a', ROW_A, result.rateA, intervalA)}${bar('b', ROW_B, result.rateB, intervalB)}${difference}`,
  );
}

/** The figures under the chart: lift, p-value, z, verdict; `null` values read "no data". */
export function abFigures(result: VariantComparison): SafeHtml {
  return html`<dl class="figures">${figure('Lift (B vs A)', formatLift(result.lift))}${figure('Difference', formatPoints(result.difference))}${figure('p-value', formatPValue(result.pValue))}${figure('z', result.z === null ? NO_DATA : result.z.toFixed(2))}</dl><p class="${result.significant ? 'verdict significant' : 'verdict'}">${verdict(result)}.</p>`;
}

/** The test's warnings as a list, or nothing when there are none. */
export function abWarnings(result: VariantComparison): SafeHtml {
  if (result.warnings.length === 0) return html``;
  return html`<div class="warnings" role="note"><p><strong>Read with care:</strong></p><ul>${result.warnings.map((warning) => html`<li data-code="${warning.code}">${warning.message}</li>`)}</ul></div>`;
}
