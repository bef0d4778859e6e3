import type { RoiFigures, RoiReport } from '../roi.js';
import { formatRoas, roasChart } from './charts/roas-chart.js';
import { formatShare, formatValue, NO_DATA } from './format.js';
import { html, type SafeHtml } from './html.js';
import { cell, dataTable, figure, table } from './tables.js';

const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount with two decimals and the currency code (`1,234.50 EUR`), or {@link NO_DATA}. */
export function formatMoney(value: number | null, currency: string | undefined): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  const text = moneyFormat.format(value).replace('-', '\u2212');
  return currency === undefined ? text : `${text}\u00a0${currency}`;
}

const HEADERS = [
  'Conversions',
  'Link clicks',
  'Conv. rate',
  'Spend',
  'Value',
  'Cost per conv.',
  'ROAS',
  'ROI',
] as const;
const NUMERIC = [false, ...HEADERS.map(() => true)];

/** A table that scrolls sideways on a narrow page instead of overflowing it. */
function scroll(content: SafeHtml): SafeHtml {
  return html`<div style="overflow-x:auto">${content}</div>`;
}

/** The figure cells of one row, in {@link HEADERS} order. */
function figureCells(figures: RoiFigures): SafeHtml[] {
  return [
    cell(formatValue(figures.conversions, 'count'), true),
    cell(formatValue(figures.linkClicks, 'count'), true),
    cell(formatValue(figures.conversionRate, 'rate'), true),
    cell(formatMoney(figures.spend, undefined), true),
    cell(formatMoney(figures.value, undefined), true),
    cell(formatMoney(figures.costPerConversion, undefined), true),
    cell(formatRoas(figures.roas), true),
    cell(formatValue(figures.roi, 'rate'), true),
  ];
}

function allocationText(report: RoiReport): SafeHtml {
  const best = report.allocation[0];
  if (report.bestPlatform === null || best === undefined) {
    return html`<p class="empty">No data: no platform has spend to compare what it returned.</p>`;
  }
  return html`<p class="verdict allocation">${report.bestPlatform} returns the most per unit spent: ${formatRoas(best.roas)} (${formatMoney(best.roas, undefined)} of value per 1.00 spent).</p>`;
}

/**
 * The ROI section: totals, platforms by ROAS (a chart with the break-even line), the table per
 * platform and per campaign, the allocation table and, collapsed, the posts.
 */
export function roiSection(report: RoiReport): SafeHtml {
  const { currency, total } = report;
  const platformRows = report.byPlatform.map(
    (row) => html`<tr><th scope="row">${row.platform}</th>${figureCells(row)}</tr>`,
  );
  const campaignRows = report.byCampaign.map(
    (row) => html`<tr><th scope="row">${row.campaign ?? '(no campaign)'}</th>${figureCells(row)}</tr>`,
  );
  const allocationRows = report.allocation.map(
    (row) =>
      html`<tr><th scope="row">${row.platform}</th>${cell(formatMoney(row.spend, undefined), true)}${cell(formatShare(row.spendShare), true)}${cell(formatMoney(row.value, undefined), true)}${cell(formatShare(row.valueShare), true)}${cell(formatRoas(row.roas), true)}</tr>`,
  );
  const postRows = report.byPost.map(
    (row) =>
      html`<tr><th scope="row">${row.post.platform} · ${row.post.platformPostId}</th>${figureCells(row)}</tr>`,
  );
  const unattributed =
    report.unattributed.conversions > 0
      ? html`<p class="lead">${formatValue(report.unattributed.conversions, 'count')} more ${report.unattributed.conversions === 1 ? 'conversion' : 'conversions'} (${formatMoney(report.unattributed.value, currency)}) came from sources that are no platform of this report and are left out.</p>`
      : null;
  const amounts = currency === undefined ? '' : ` (amounts in ${currency})`;
  const body =
    report.byPlatform.length === 0 && report.byCampaign.length === 0
      ? html`<p class="empty">No data: no conversion, spend or click could be attributed to a platform.</p>`
      : html`${platformRows.length === 0 ? null : roasChart(report.allocation, 'chart-roas')}${allocationText(report)}${scroll(
          table(`By platform${amounts}`, ['Platform', ...HEADERS], platformRows, NUMERIC),
        )}${scroll(table(`By campaign${amounts}`, ['Campaign', ...HEADERS], campaignRows, NUMERIC))}${scroll(
          table(
            `Platform allocation: share of spend against share of value${amounts}`,
            ['Platform', 'Spend', 'Share of spend', 'Value', 'Share of value', 'ROAS'],
            allocationRows,
            [false, true, true, true, true, true],
          ),
        )}${
          postRows.length === 0
            ? null
            : dataTable(
                `By post: conversions matched by their UTM link${amounts}`,
                ['Post', ...HEADERS],
                postRows,
                NUMERIC,
              )
        }`;
  return html`<section id="roi" aria-labelledby="roi-heading"><h2 id="roi-heading">Return on investment</h2><p class="lead">Conversions are attributed by their UTM parameters: utm_source names the platform, utm_campaign the campaign. Cost per conversion = spend ÷ conversions; ROAS = value ÷ spend; ROI = (value − spend) ÷ spend.</p><dl class="figures">${figure('Conversions', formatValue(total.conversions, 'count'))}${figure('Value', formatMoney(total.value, currency))}${figure('Spend', formatMoney(total.spend, currency))}${figure('ROAS', formatRoas(total.roas))}${figure('ROI', formatValue(total.roi, 'rate'))}</dl>${unattributed}${body}</section>`;
}
