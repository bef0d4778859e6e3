import { ValidationError } from '../../errors/validation-error.js';
import { rankCells } from '../best-time.js';
import type { Kpi } from '../kpis.js';
import { zoneCalendar } from '../time-buckets.js';
import { isValidDate } from '../validate-inputs.js';
import { abChart, abFigures, abWarnings } from './charts/ab-result.js';
import { type BarDatum, barChart } from './charts/bar-chart.js';
import { heatmap, slotLabel, toGrid } from './charts/heatmap.js';
import { lineChart } from './charts/line-chart.js';
import {
  formatDate,
  formatInstant,
  formatValue,
  kindOf,
  measureInSentence,
  measureLabel,
  NO_DATA,
  type ReportMeasure,
} from './format.js';
import { type HtmlValue, html, type SafeHtml } from './html.js';
import { goalSections, hasOutcomeData, roiSections } from './outcome-sections.js';
import type { ReportBreakdownDimension, ReportInput, ReportPeriod } from './report-input.js';
import { hasResearchData, researchSections } from './research-sections.js';
import { REPORT_CSS } from './styles.js';
import { cell, contentMixTables, dataTable, slaTable } from './tables.js';

/** Options of {@link renderReport}. */
export interface RenderReportOptions {
  /** The report's title, in the page `<title>` and heading (default `Social media report`). */
  readonly title?: string | undefined;
  /** IANA zone for the dates shown in the header (default: the input's `timeZone`, else UTC). */
  readonly timeZone?: string | undefined;
  /**
   * When the report was made, shown in the header. Not defaulted to the current time, so the
   * same input always renders the same page; pass `new Date()` to show it.
   */
  readonly generatedAt?: Date | undefined;
}

/** Only inline styles may apply: no script, font, image or connection of any kind. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** A finite number, else `null`: "no data" is never drawn as 0. */
function present(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function section(id: string, heading: string, body: HtmlValue): SafeHtml {
  return html`<section id="${id}" aria-labelledby="${id}-heading"><h2 id="${id}-heading">${heading}</h2>${body}</section>`;
}

function empty(text: string): SafeHtml {
  return html`<p class="empty">No data: ${text}</p>`;
}

function describePeriod(period: ReportPeriod | undefined, timeZone: string): string | undefined {
  const since = period?.since;
  const until = period?.until;
  // `until` is exclusive: the last day shown is the one holding its previous millisecond.
  const last = until === undefined ? undefined : formatDate(new Date(until.getTime() - 1), timeZone);
  if (since !== undefined && last !== undefined) return `${formatDate(since, timeZone)} to ${last}`;
  if (since !== undefined) return `from ${formatDate(since, timeZone)}`;
  return last === undefined ? undefined : `until ${last}`;
}

function checkOptions(options: RenderReportOptions, timeZone: string): void {
  zoneCalendar(timeZone); // throws a ValidationError naming the zone when it is unknown
  const { generatedAt } = options;
  if (generatedAt !== undefined && !isValidDate(generatedAt)) {
    throw new ValidationError(
      [{ path: ['generatedAt'], rule: 'report.date', message: 'must be a valid Date' }],
      'report options',
    );
  }
}

function engagementSection<K extends Kpi>(input: ReportInput<K>, label: string): SafeHtml {
  const kind = kindOf(input.kpi);
  const points = input.engagementOverTime.flatMap((row) => {
    const key = row.dimensions.day;
    return key === null ? [] : [{ key, value: present(row.kpis[input.kpi]), posts: row.posts }];
  });
  const body = points.some((point) => point.value !== null)
    ? html`${lineChart(points, { id: 'chart-engagement', label, kind })}${dataTable(
        `${label} per day`,
        ['Day', label, 'Posts'],
        points.map(
          (point) =>
            html`<tr><th scope="row">${point.key}</th>${cell(formatValue(point.value, kind), true)}${cell(String(point.posts), true)}</tr>`,
        ),
        [false, true, true],
      )}`
    : empty(`no day in this period has a value of ${label}.`);
  return section(
    'engagement-over-time',
    'Engagement over time',
    html`<p class="lead">${label}, per day.</p>${body}`,
  );
}

/** Names for groups without a label. */
const UNLABELLED: Readonly<Record<ReportBreakdownDimension | 'platform', string>> = {
  platform: '(no platform)',
  account: '(no account)',
  campaign: '(no campaign)',
  tag: '(no tags)',
  variant: '(no variant)',
  contentClass: '(unclassified)',
};

const GROUP_NAMES: Readonly<Record<ReportBreakdownDimension | 'platform', string>> = {
  platform: 'platform',
  account: 'account',
  campaign: 'campaign',
  tag: 'tag',
  variant: 'variant',
  contentClass: 'content class',
};

/** A bar chart of the KPI by one dimension, with its data table. */
function comparison(
  id: string,
  dimension: ReportBreakdownDimension | 'platform',
  bars: readonly BarDatum[],
  kpi: Kpi,
): SafeHtml {
  const label = measureLabel(kpi);
  const kind = kindOf(kpi);
  const group = GROUP_NAMES[dimension];
  if (!bars.some((bar) => bar.value !== null)) return empty(`no ${group} has a value of ${label}.`);
  return html`${barChart(bars, { id, label, kind, group })}${dataTable(
    `${label} by ${group}`,
    [group.charAt(0).toUpperCase() + group.slice(1), label, 'Posts'],
    bars.map(
      (bar) =>
        html`<tr><th scope="row">${bar.label}</th>${cell(formatValue(bar.value, kind), true)}${cell(String(bar.posts), true)}</tr>`,
    ),
    [false, true, true],
  )}`;
}

function platformSection<K extends Kpi>(input: ReportInput<K>, label: string): SafeHtml {
  const bars = input.platformComparison.map((row) => ({
    label: row.dimensions.platform ?? UNLABELLED.platform,
    value: present(row.kpis[input.kpi]),
    posts: row.posts,
  }));
  return section(
    'platform-comparison',
    'Platform comparison',
    html`<p class="lead">${label}, per platform.</p>${comparison('chart-platforms', 'platform', bars, input.kpi)}`,
  );
}

function breakdownSections<K extends Kpi>(input: ReportInput<K>, label: string): SafeHtml[] {
  return (input.breakdowns ?? []).map((breakdown, i) => {
    const { dimension } = breakdown;
    const bars = breakdown.rows.map((row) => ({
      label: row.dimensions[dimension] ?? UNLABELLED[dimension],
      value: present(row.kpis[input.kpi]),
      posts: row.posts,
    }));
    const group = GROUP_NAMES[dimension];
    return section(
      `breakdown-${i + 1}`,
      `By ${group}`,
      html`<p class="lead">${label}, per ${group}${dimension === 'tag' ? ' (a post with several tags counts in each)' : ''}.</p>${comparison(`chart-breakdown-${i + 1}`, dimension, bars, input.kpi)}`,
    );
  });
}

function bestTimeSection<K extends Kpi>(input: ReportInput<K>): SafeHtml {
  const { bestTime } = input;
  const label = measureLabel(bestTime.kpi);
  const kind = kindOf(bestTime.kpi);
  const zoneLabel = bestTime.timeZone ?? "each post's own time zone";
  const grid = toGrid(bestTime.cells);
  const lead = html`<p class="lead">Mean ${measureInSentence(bestTime.kpi)} per post by the hour it was published, in ${zoneLabel}. Hours with fewer than ${bestTime.minSamples} posts are left empty.</p>`;
  if (!grid.some((c) => c.samples > 0 || c.value !== null)) {
    return section(
      'best-time',
      'Best time to post',
      html`${lead}${empty('no post with a publication time has a value of this measure.')}`,
    );
  }
  const best = rankCells(grid, 3);
  const slots =
    best.length === 0
      ? empty(`no hour has ${bestTime.minSamples} or more posts yet.`)
      : html`<h3>Best hours</h3><ol class="slots">${best.map(
          (slot) =>
            html`<li>${slotLabel(slot)}: ${formatValue(slot.value, kind)} (${slot.samples} ${slot.samples === 1 ? 'post' : 'posts'})</li>`,
        )}</ol>`;
  return section(
    'best-time',
    'Best time to post',
    html`${lead}${heatmap(bestTime.cells, { id: 'chart-best-time', label, kind, minSamples: bestTime.minSamples, zoneLabel })}${slots}`,
  );
}

function abSection<K extends Kpi>(input: ReportInput<K>): SafeHtml | null {
  const test = input.abTest;
  if (test === undefined) return null;
  const rateLabel = test.rateLabel ?? 'Rate';
  const heading = `A/B test: ${test.a} vs ${test.b}`;
  const lead = html`<p class="lead">${rateLabel} of variant A (${test.a}, the baseline) and variant B (${test.b}), with confidence intervals.</p>`;
  if (test.result === null) {
    return section(
      'ab-test',
      heading,
      html`${lead}${empty('a variant has no posts with both counts in this period.')}`,
    );
  }
  const counts = test.counts;
  const countsTable =
    counts === undefined
      ? null
      : dataTable(
          'Counts the test ran on',
          ['Variant', 'Successes', 'Trials', 'Rate'],
          (['a', 'b'] as const).map(
            (variant) =>
              html`<tr><th scope="row">${variant.toUpperCase()} · ${test[variant]}</th>${cell(formatValue(counts[variant].successes, 'count'), true)}${cell(formatValue(counts[variant].trials, 'count'), true)}${cell(formatValue(counts[variant].successes / counts[variant].trials, 'rate'), true)}</tr>`,
          ),
          [false, true, true, true],
        );
  return section(
    'ab-test',
    heading,
    html`${lead}${abChart({ a: test.a, b: test.b, rateLabel, result: test.result, counts }, 'chart-ab')}${abFigures(test.result)}${abWarnings(test.result)}${countsTable}`,
  );
}

function hasData<K extends Kpi>(input: ReportInput<K>): boolean {
  return (
    input.engagementOverTime.some((row) => present(row.kpis[input.kpi]) !== null) ||
    input.platformComparison.some((row) => present(row.kpis[input.kpi]) !== null) ||
    (input.breakdowns ?? []).some((b) => b.rows.some((row) => present(row.kpis[input.kpi]) !== null)) ||
    toGrid(input.bestTime.cells).some((c) => c.samples > 0 || c.value !== null) ||
    input.abTest !== undefined ||
    (input.contentMix?.overall.posts ?? 0) > 0 ||
    (input.sla?.overall.inbound ?? 0) > 0 ||
    hasResearchData(input) ||
    hasOutcomeData(input)
  );
}

/** How to give posts their metadata, for the notices. */
const HOW_TO_ADD_META = html`To add it, give <code>collectMetrics</code> the posts as <code>publishedPosts(post, outcomes)</code> makes them from the publisher's outcomes instead of bare refs, or call <code>analytics.ingestPostMeta()</code> with each post's platform, account, post id and <code>publishedAt</code>.`;

function postCount(count: number): string {
  return `${formatValue(count, 'count')} ${count === 1 ? 'post has' : 'posts have'}`;
}

/**
 * The notice at the top: none when all is there; what is missing and how to add it when posts
 * lack metadata; that there is no data yet otherwise.
 */
function notice<K extends Kpi>(input: ReportInput<K>): SafeHtml | null {
  const withoutMeta = input.postsWithoutMeta ?? 0;
  const data = hasData(input);
  if (withoutMeta > 0) {
    const lead = data
      ? html`<strong>${postCount(withoutMeta)} metrics but no metadata, and ${withoutMeta === 1 ? 'is' : 'are'} left out of this report's days, hours and period.</strong>`
      : html`<strong>This report is empty because ${postCount(withoutMeta)} metrics but no metadata.</strong>`;
    return html`<p class="notice" role="status">${lead} Without its metadata (when it was published, its campaign, tags, variant and class) a post cannot be placed in the report's period, on a day or in an hour. ${HOW_TO_ADD_META}</p>`;
  }
  return data
    ? null
    : html`<p class="notice" role="status"><strong>There is no data for this report yet.</strong> No post in this period has metrics; charts appear once there is data.</p>`;
}

/**
 * Renders an analytics report as one self-contained HTML page: inline CSS and inline SVG charts
 * (engagement over time, platform comparison, best-time heatmap, A/B result), plus content-mix
 * and SLA tables when given. It loads nothing from anywhere (a Content-Security-Policy forbids
 * it), needs no JavaScript, and escapes every name it shows, so campaign, tag, platform and
 * variant names cannot inject markup. Missing values read "no data", never 0. The same input
 * and options always give the same text. When posts have metrics but no metadata
 * (`postsWithoutMeta`), a notice at the top says how many and how to add it.
 *
 * @param input - the data, see {@link ReportInput} (or {@link buildReportInput})
 * @param options - see {@link RenderReportOptions}
 * @returns the HTML page
 * @throws ValidationError for an unknown `timeZone` or an invalid `generatedAt`
 *
 * @example
 * ```ts
 * const input = buildReportInput(analytics, { kpi: 'engagementRateByImpressions', timeZone: 'Europe/Berlin', since, until });
 * await writeFile('report.html', renderReport(input, { title: 'May 2026', generatedAt: new Date() }));
 * ```
 */
export function renderReport<K extends Kpi>(
  input: ReportInput<K>,
  options: RenderReportOptions = {},
): string {
  const timeZone = options.timeZone ?? input.timeZone ?? 'UTC';
  checkOptions(options, timeZone);
  const title = options.title ?? 'Social media report';
  const label = measureLabel(input.kpi);
  const period = describePeriod(input.period, input.timeZone ?? timeZone);
  const meta: string[] = [`KPI: ${label}`, `Days in ${input.timeZone ?? 'UTC'}`];
  if (period !== undefined) meta.push(`Period: ${period}`);
  if (options.generatedAt !== undefined)
    meta.push(`Generated ${formatInstant(options.generatedAt, timeZone)}`);
  const mixMeasure: ReportMeasure = input.contentMixKpi ?? input.kpi;

  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="smmkit">
<title>${title}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${title}</h1><p class="meta">${meta.map((item) => html`<span>${item}</span>`)}</p></header>
<main>
${notice(input)}
${goalSections(input, timeZone)}
${engagementSection(input, label)}
${platformSection(input, label)}
${breakdownSections(input, label)}
${bestTimeSection(input)}
${abSection(input)}
${
  input.contentMix === undefined
    ? null
    : section(
        'content-mix',
        'Content mix (80/20)',
        contentMixTables(input.contentMix, measureLabel(mixMeasure), kindOf(mixMeasure)),
      )
}
${input.sla === undefined ? null : section('engagement-sla', 'Engagement response times', slaTable(input.sla))}
${researchSections(input)}
${roiSections(input)}
</main>
<footer><p>Made with smmkit. Missing values are shown as “${NO_DATA}”, never as 0. Rates are ratios of sums over the posts that have both counts.</p></footer>
</body>
</html>
`;
  return page.markup;
}
