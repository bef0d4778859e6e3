import { type Analytics, createAnalytics } from '../../src/analytics/analytics.js';
import type { PostMeta } from '../../src/analytics/post-meta.js';
import { buildReportInput } from '../../src/analytics/report/build-report-input.js';
import type { ReportInput } from '../../src/analytics/report/report-input.js';
import type { EngagementInput } from '../../src/models/engagement.js';
import type { MetricSampleInput } from '../../src/models/metric-sample.js';
import { meta, postSample } from './analytics-fixtures.js';

/** Names a hostile teammate (or a compromised import) could give a campaign, tag or variant. */
export const HOSTILE = {
  campaign: '<script>alert(1)</script>',
  tag: '"><img src=x onerror=alert(2)>',
  variant: "'><svg onload=alert(3)>",
  title: 'Q2 </title><script>alert(4)</script>',
} as const;

/** Two weeks from Monday 2026-05-04 (UTC). */
export const FIRST_DAY = '2026-05-04';
/** Day 9 (2026-05-13) has no posts at all: a gap in the line. */
export const EMPTY_DAY = '2026-05-13';
/** Day 5 (2026-05-09): posts without impressions, so the engagement rate is "no data". */
export const NULL_DAY = '2026-05-09';
const DAYS = 14;
const HOURS = [9, 13, 18] as const;
const PLATFORMS = [
  { platform: 'x', accountId: 'acc-x', campaign: 'spring-26' },
  { platform: 'linkedin', accountId: 'acc-li', campaign: HOSTILE.campaign },
  // TikTok posts never carry impressions: its engagement rate by impressions is "no data".
  { platform: 'tiktok', accountId: 'acc-tt', campaign: 'spring-26' },
] as const;

function isoDay(index: number): string {
  return new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A deterministic data set: 3 platforms × 14 days × 3 posts a day (9:00, 13:00, 18:00 UTC), one
 * empty day, one day without impressions, a post at a lone hour (a heatmap cell below the
 * threshold), A/B variants on X, hostile campaign/tag/variant names, content classes and a few
 * inbox items with responses.
 */
export function reportAnalytics(): Analytics {
  const samples: MetricSampleInput[] = [];
  const metas: PostMeta[] = [];
  PLATFORMS.forEach((target, p) => {
    for (let day = 0; day < DAYS; day++) {
      const date = isoDay(day);
      if (date === EMPTY_DAY) continue;
      HOURS.forEach((hour, h) => {
        const id = `${target.platform}-${date}-${hour}`;
        const extra = { platform: target.platform, accountId: target.accountId };
        // Engagement rate from about 1.5 % to 5.5 %, best in the evening.
        const impressions = 2_000 + ((day * 7 + h * 3 + p) % 9) * 250;
        const likes = Math.round(impressions * (0.012 + h * 0.009 + ((day + p) % 5) * 0.003));
        samples.push(
          postSample(id, 'likes', likes, extra),
          postSample(id, 'comments', 5 + ((day + h) % 4), extra),
        );
        if (date !== NULL_DAY && target.platform !== 'tiktok') {
          samples.push(postSample(id, 'impressions', impressions, extra));
        }
        metas.push(
          meta(id, `${date}T${String(hour).padStart(2, '0')}:05:00Z`, {
            ...extra,
            campaign: target.campaign,
            tags: day % 3 === 0 ? ['launch', HOSTILE.tag] : ['evergreen'],
            ...(target.platform === 'x' ? { variant: day % 2 === 0 ? 'A' : HOSTILE.variant } : {}),
            contentClass: (day + h) % 5 === 0 ? 'promotion' : 'value',
          }),
        );
      });
    }
  });
  // One post at Wednesday 22:00: a cell with one post, below the threshold of two.
  samples.push(postSample('x-lone', 'impressions', 1_000, { accountId: 'acc-x' }));
  samples.push(postSample('x-lone', 'likes', 90, { accountId: 'acc-x' }));
  metas.push(meta('x-lone', '2026-05-06T22:30:00Z', { accountId: 'acc-x' }));

  const engagements: EngagementInput[] = [0, 1, 2, 3].map((i) => ({
    platform: 'x',
    accountId: 'acc-x',
    id: `c-${i}`,
    kind: 'comment',
    postRef: { platform: 'x', accountId: 'acc-x', platformPostId: `x-${FIRST_DAY}-9` },
    author: { id: `fan-${i}` },
    text: 'Nice!',
    raw: {},
    createdAt: `2026-05-05T10:0${i}:00Z`,
  }));
  const analytics = createAnalytics();
  analytics.ingestSamples(samples);
  analytics.ingestPostMeta(metas);
  analytics.ingestEngagements(engagements);
  analytics.ingestResponses([
    { platform: 'x', engagementId: 'c-0', respondedAt: new Date('2026-05-05T10:20:00Z'), resolved: true },
    { platform: 'x', engagementId: 'c-1', respondedAt: new Date('2026-05-05T12:01:00Z') },
  ]);
  return analytics;
}

/** The report input of {@link reportAnalytics}, with every optional section. */
export function fullReportInput(
  analytics: Analytics = reportAnalytics(),
): ReportInput<'engagementRateByImpressions'> {
  return buildReportInput(analytics, {
    kpi: 'engagementRateByImpressions',
    timeZone: 'UTC',
    since: new Date(`${FIRST_DAY}T00:00:00Z`),
    until: new Date('2026-05-18T00:00:00Z'),
    breakdowns: ['campaign', 'tag'],
    bestTime: { minSamples: 2, timeZone: 'UTC' },
    abTest: { a: 'A', b: HOSTILE.variant },
    contentMix: { period: 'week' },
    sla: { targetMs: 60 * 60 * 1000 },
  });
}

/** The report input of an aggregator that holds nothing. */
export function emptyReportInput(): ReportInput<'engagementRateByImpressions'> {
  return buildReportInput(createAnalytics(), { kpi: 'engagementRateByImpressions', timeZone: 'UTC' });
}
