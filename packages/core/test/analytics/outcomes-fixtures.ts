import type { Analytics } from '../../src/analytics/analytics.js';
import type { Goal } from '../../src/analytics/goals.js';
import { buildReportInput } from '../../src/analytics/report/build-report-input.js';
import type { ReportInput } from '../../src/analytics/report/report-input.js';
import type { ConversionEvent, SpendEntry } from '../../src/analytics/roi-inputs.js';
import { postSample } from './analytics-fixtures.js';
import { FIRST_DAY, HOSTILE, reportAnalytics } from './report-fixtures.js';

/** A goal name a hostile teammate could type. */
export const HOSTILE_GOAL = '<b onmouseover=alert(5)>Reach</b>';

/** The report window: two weeks from Monday 2026-05-04 (UTC). */
export const OUTCOMES_SINCE = new Date(`${FIRST_DAY}T00:00:00Z`);
/** End of the window (exclusive); the goals are evaluated here. */
export const OUTCOMES_UNTIL = new Date('2026-05-18T00:00:00Z');

/** Four goals over May on {@link reportAnalytics}: a total, a hostile-named total, a rate and a level without readings. */
export const OUTCOME_GOALS: readonly Goal[] = [
  {
    name: 'Impressions on X in May',
    metric: 'impressions',
    target: 200_000,
    scope: { platforms: ['x'] },
    start: new Date('2026-05-04T00:00:00Z'),
    deadline: new Date('2026-06-01T00:00:00Z'),
  },
  {
    name: HOSTILE_GOAL,
    metric: 'likes',
    target: 9_000,
    start: new Date('2026-05-04T00:00:00Z'),
    deadline: new Date('2026-06-01T00:00:00Z'),
  },
  {
    name: 'Engagement rate of 3 %',
    metric: 'engagementRateByImpressions',
    target: 0.03,
    start: new Date('2026-05-04T00:00:00Z'),
    deadline: new Date('2026-06-01T00:00:00Z'),
  },
  {
    name: '5,000 followers',
    metric: 'followers',
    target: 5_000,
    start: new Date('2026-05-04T00:00:00Z'),
    deadline: new Date('2026-06-01T00:00:00Z'),
  },
];

/** Conversions from X, LinkedIn (the hostile campaign), TikTok and a newsletter. */
export const OUTCOME_CONVERSIONS: readonly ConversionEvent[] = [
  { utm: { source: 'x', medium: 'social', campaign: 'spring-26' }, count: 12, value: 1_200 },
  { utm: { source: 'linkedin', medium: 'social', campaign: HOSTILE.campaign }, count: 5, value: 2_000 },
  { utm: { source: 'tiktok', medium: 'social', campaign: 'spring-26' }, count: 3, value: 90 },
  { utm: { source: 'newsletter', medium: 'email', campaign: 'spring-26' }, count: 4, value: 300 },
];

/** Spend on X and LinkedIn; none on TikTok, so its cost figures are "no data". */
export const OUTCOME_SPEND: readonly SpendEntry[] = [
  { platform: 'x', campaign: 'spring-26', amount: 600 },
  { platform: 'linkedin', campaign: HOSTILE.campaign, amount: 500 },
];

/** {@link reportAnalytics} plus link clicks on one X post (400) and one LinkedIn post (100). */
export function outcomesAnalytics(): Analytics {
  const analytics = reportAnalytics();
  analytics.ingestSamples([
    postSample(`x-${FIRST_DAY}-9`, 'link_clicks', 400, { platform: 'x', accountId: 'acc-x' }),
    postSample(`linkedin-${FIRST_DAY}-9`, 'link_clicks', 100, { platform: 'linkedin', accountId: 'acc-li' }),
  ]);
  return analytics;
}

/** The report input of {@link outcomesAnalytics} with goals and an ROI section. */
export function outcomesReportInput(
  analytics: Analytics = outcomesAnalytics(),
): ReportInput<'engagementRateByImpressions'> {
  return buildReportInput(analytics, {
    kpi: 'engagementRateByImpressions',
    timeZone: 'UTC',
    since: OUTCOMES_SINCE,
    until: OUTCOMES_UNTIL,
    goals: OUTCOME_GOALS,
    roi: { conversions: OUTCOME_CONVERSIONS, spend: OUTCOME_SPEND, currency: 'EUR' },
  });
}
