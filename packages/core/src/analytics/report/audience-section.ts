import type { AudienceSplit } from '../audience.js';
import { type BarDatum, barChart } from './charts/bar-chart.js';
import { formatShare, formatValue } from './format.js';
import { html, type SafeHtml } from './html.js';
import { researchSection } from './research-section-frame.js';
import { cell, dataTable } from './tables.js';

/** Buckets charted per split; the rest are one "Other" bar (the table lists them all). */
const CHARTED = 10;

function bucketName(bucket: AudienceSplit['buckets'][number]): string {
  return bucket.label === undefined || bucket.label === '' || bucket.label === bucket.key
    ? bucket.key
    : `${bucket.label} (${bucket.key})`;
}

function bars(split: AudienceSplit): BarDatum[] {
  const shown = split.buckets.slice(0, CHARTED).map((bucket) => ({
    label: bucketName(bucket),
    value: bucket.share,
    posts: bucket.value,
  }));
  const rest = split.buckets.slice(CHARTED);
  if (rest.length === 0) return shown;
  const value = rest.reduce((sum, bucket) => sum + bucket.value, 0);
  return [
    ...shown,
    { label: `Other (${rest.length})`, value: split.total === 0 ? null : value / split.total, posts: value },
  ];
}

function splitPart(split: AudienceSplit, i: number): SafeHtml {
  const title = `${split.platform} · ${split.accountId} · ${split.dimension}`;
  return html`<h3>${title}</h3><p class="lead">${split.rawName}: ${formatValue(split.total, 'count')} followers in ${split.buckets.length} ${split.buckets.length === 1 ? 'bucket' : 'buckets'}, read ${split.observedAt.toISOString().slice(0, 10)}.</p>${barChart(
    bars(split),
    {
      id: `chart-audience-${i + 1}`,
      label: 'Share of followers',
      kind: 'rate',
      group: split.dimension,
      countName: ['follower', 'followers'],
    },
  )}${dataTable(
    `Followers by ${split.dimension}`,
    [split.dimension, 'Followers', 'Share'],
    split.buckets.map(
      (bucket) =>
        html`<tr><th scope="row">${bucketName(bucket)}</th>${cell(formatValue(bucket.value, 'count'), true)}${cell(formatShare(bucket.share), true)}</tr>`,
    ),
    [false, true, true],
  )}`;
}

/** Splits with followers in them. */
export function chartedSplits(audience: readonly AudienceSplit[] | undefined): AudienceSplit[] {
  return (audience ?? []).filter((split) => split.total > 0);
}

/** The audience section: one bar chart of shares per split with followers; `null` when none has. */
export function audienceSection(audience: readonly AudienceSplit[] | undefined): SafeHtml | null {
  const splits = chartedSplits(audience);
  if (splits.length === 0) return null;
  return researchSection(
    'audience',
    'Audience',
    html`<p class="lead">Followers by the breakdowns each platform reports, as shares of the split's total; the platform's own names and keys.</p>${splits.map(splitPart)}`,
  );
}
