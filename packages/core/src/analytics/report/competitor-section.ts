import type { BenchmarkRow } from '../competitors.js';
import type { ShareOfVoice } from '../share-of-voice.js';
import { barChart } from './charts/bar-chart.js';
import { formatLift, formatShare, formatValue } from './format.js';
import { html, type SafeHtml } from './html.js';
import type { ReportCompetitors } from './research-report-input.js';
import { formatSignedCount, researchSection } from './research-section-frame.js';
import { cell, dataTable, table } from './tables.js';

function benchmarkTable(rows: readonly BenchmarkRow[], weeks: number): SafeHtml {
  return table(
    `Over ${formatValue(weeks, 'decimal')} weeks`,
    [
      'Account',
      'Followers',
      'Growth',
      'Growth rate',
      'Posts a week',
      'Interactions a post',
      'Engagement rate a post',
    ],
    rows.map(
      (row) =>
        html`<tr><th scope="row">${row.label} (${row.own ? `${row.platform}, own` : row.platform})</th>${cell(formatValue(row.followersLast, 'count'), true)}${cell(formatSignedCount(row.followerGrowth), true)}${cell(formatLift(row.followerGrowthRate), true)}${cell(formatValue(row.postsPerWeek, 'decimal'), true)}${cell(formatValue(row.interactionsPerPost, 'count'), true)}${cell(formatValue(row.engagementRatePerPost, 'rate'), true)}</tr>`,
    ),
    [false, true, true, true, true, true, true],
  );
}

function shareOfVoicePart(sov: ShareOfVoice): SafeHtml {
  const heading = html`<h3>Share of voice</h3><p class="lead">Share of the brand mentions in ${formatValue(sov.items, 'count')} listened ${sov.items === 1 ? 'post' : 'posts'} (whole words, any case; a post naming two brands counts for each).</p>`;
  if (sov.totalMentions === 0) {
    return html`${heading}<p class="empty">No data: no brand is mentioned in the listened posts.</p>`;
  }
  const label = 'Share of voice';
  const bars = sov.brands.map((brand) => ({
    label: `${brand.brand}${brand.own ? ' (own)' : ''}`,
    value: brand.share,
    posts: brand.mentions,
  }));
  return html`${heading}${barChart(bars, { id: 'chart-share-of-voice', label, kind: 'rate', group: 'brand', countName: ['mention', 'mentions'] })}${dataTable(
    'Mentions per brand',
    ['Brand', 'Mentions', 'Share of voice'],
    bars.map(
      (bar) =>
        html`<tr><th scope="row">${bar.label}</th>${cell(formatValue(bar.posts, 'count'), true)}${cell(formatShare(bar.value), true)}</tr>`,
    ),
    [false, true, true],
  )}`;
}

/** True when the competitor section has something to show. */
export function hasCompetitorData(competitors: ReportCompetitors | undefined): boolean {
  return (competitors?.benchmark.rows.length ?? 0) > 0 || (competitors?.shareOfVoice?.items ?? 0) > 0;
}

/**
 * The competitor section: the benchmark table (own accounts marked) and share of voice; `null`
 * when neither has data.
 */
export function competitorSection(competitors: ReportCompetitors | undefined): SafeHtml | null {
  if (competitors === undefined || !hasCompetitorData(competitors)) return null;
  const { benchmark, shareOfVoice } = competitors;
  const lead = html`<p class="lead">Own and tracked accounts over the period: follower growth from the first to the last reading in it, posts per week, and interactions (likes or reactions, comments, shares, saves) per post, also as a share of the followers when each post was published.</p>`;
  return researchSection(
    'competitors',
    'Competitor benchmark',
    html`${benchmark.rows.length > 0 ? html`${lead}${benchmarkTable(benchmark.rows, benchmark.weeks)}` : null}${shareOfVoice === undefined || shareOfVoice.items === 0 ? null : shareOfVoicePart(shareOfVoice)}`,
  );
}
