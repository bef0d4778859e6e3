import type { ContentMixReport } from '../content-mix.js';
import type { SlaFigures, SlaReport } from '../engagement-sla.js';
import { formatDuration, formatShare, formatValue, NO_DATA, type ValueKind } from './format.js';
import { type HtmlValue, html, type SafeHtml } from './html.js';

/** A table cell: text (numbers right-aligned when `numeric`), "no data" styled apart. */
export function cell(text: string, numeric = false): SafeHtml {
  if (text === NO_DATA) return html`<td class="${numeric ? 'num nodata' : 'nodata'}">${text}</td>`;
  return numeric ? html`<td class="num">${text}</td>` : html`<td>${text}</td>`;
}

/**
 * One figure of a `<dl class="figures">`: its name and value, the value styled as missing when
 * `missing` (by default when it reads {@link NO_DATA}).
 */
export function figure(name: string, value: string, missing = value === NO_DATA): SafeHtml {
  return html`<div><dt>${name}</dt><dd${missing ? html` class="nodata"` : null}>${value}</dd></div>`;
}

/** A table with a caption and header row; `numeric` marks right-aligned columns. */
export function table(
  caption: string,
  headers: readonly string[],
  rows: readonly HtmlValue[],
  numeric: readonly boolean[] = [],
): SafeHtml {
  const head = headers.map((header, i) =>
    numeric[i] === true
      ? html`<th scope="col" class="num">${header}</th>`
      : html`<th scope="col">${header}</th>`,
  );
  return html`<table><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** A collapsed table of the values behind a chart (no script needed to open it). */
export function dataTable(
  caption: string,
  headers: readonly string[],
  rows: readonly HtmlValue[],
  numeric: readonly boolean[] = [],
): SafeHtml {
  return html`<details><summary>Show the data</summary>${table(caption, headers, rows, numeric)}</details>`;
}

/** A yes / no / no data answer. */
function yesNo(value: boolean | null): string {
  return value === null ? NO_DATA : value ? 'yes' : 'no';
}

/** The content-mix audit: overall shares against the target, each class's performance, each period. */
export function contentMixTables(report: ContentMixReport, kpiLabel: string, kind: ValueKind): SafeHtml {
  const { overall } = report;
  const target = formatShare(report.targetValueShare);
  const classes = (['value', 'promotion', 'unclassified'] as const).map((name) => {
    const performance = overall.performance[name];
    return html`<tr><th scope="row">${name}</th>${cell(String(performance.posts), true)}${cell(formatValue(performance.meanKpi, kind), true)}</tr>`;
  });
  const periods = report.periods.map(
    (period) =>
      html`<tr><th scope="row">${period.period}</th>${cell(String(period.posts), true)}${cell(formatShare(period.valueShare), true)}${cell(formatShare(period.promotionShare), true)}${cell(String(period.unclassified), true)}${cell(yesNo(period.meetsTarget))}</tr>`,
  );
  return html`<p class="lead">Value content should be at least ${target} of classified posts (unclassified posts are left out of the shares).</p><dl class="figures">${figure('Value share', formatShare(overall.valueShare), overall.valueShare === null)}${figure('Promotion share', formatShare(overall.promotionShare), overall.promotionShare === null)}${figure(`Meets the ${target} target`, yesNo(overall.meetsTarget))}</dl>${table(
    `How each class performs (mean ${kpiLabel} per post)`,
    ['Class', 'Posts', `Mean ${kpiLabel}`],
    classes,
    [false, true, true],
  )}${
    periods.length === 0
      ? html`<p class="empty">No posts in any ${report.periodUnit}.</p>`
      : table(
          `Per ${report.periodUnit} (${report.timeZone})`,
          [report.periodUnit, 'Posts', 'Value', 'Promotion', 'Unclassified', 'Meets target'],
          periods,
          [false, true, true, true, true, false],
        )
  }`;
}

/** The SLA figures overall and per platform. */
export function slaTable(report: SlaReport): SafeHtml {
  const row = (scope: string, figures: SlaFigures) =>
    html`<tr><th scope="row">${scope}</th>${cell(String(figures.inbound), true)}${cell(String(figures.answered), true)}${cell(formatDuration(figures.firstResponseMedianMs), true)}${cell(formatDuration(figures.firstResponseP90Ms), true)}${cell(formatShare(figures.responseRate), true)}${cell(formatShare(figures.withinTargetShare), true)}${cell(formatShare(figures.resolutionRate), true)}</tr>`;
  const platforms = Object.keys(report.byPlatform)
    .sort()
    .flatMap((platform) => {
      const figures = report.byPlatform[platform];
      return figures === undefined ? [] : [row(platform, figures)];
    });
  return html`<p class="lead">Target first response: ${formatDuration(report.targetMs)}. Comments, replies, mentions and direct messages count; reactions do not.</p>${table(
    'First response and resolution',
    [
      'Scope',
      'Inbound',
      'Answered',
      'Median first response',
      'p90 first response',
      'Response rate',
      'Within target',
      'Resolution rate',
    ],
    [row('All platforms', report.overall), platforms],
    [false, true, true, true, true, true, true, true],
  )}`;
}
