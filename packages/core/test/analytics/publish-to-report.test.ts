import { createXAdapter } from '@smmkit/adapter-x';
import { describe, expect, it } from 'vitest';
import { createAnalytics } from '../../src/analytics/analytics.js';
import { collectMetrics } from '../../src/analytics/collect-metrics.js';
import { publishedPosts } from '../../src/analytics/published-posts.js';
import { buildReportInput } from '../../src/analytics/report/build-report-input.js';
import { renderReport } from '../../src/analytics/report/render-report.js';
import type { Post } from '../../src/models/post.js';
import type { PostRef } from '../../src/models/post-ref.js';
import type { PublishOutcome } from '../../src/publisher/outcome.js';
import { START, useSimulators } from '../publisher/integration/world.js';

const sims = useSimulators();
const DAY = 86_400_000;

const POSTS: readonly Post[] = [
  { text: 'Spring collection is live', campaign: 'spring-26', tags: ['launch'], contentClass: 'promotion' },
  { text: 'How the linen is woven', campaign: 'spring-26', tags: ['story'], contentClass: 'value' },
  { text: 'Ask us anything today', campaign: 'ama', variant: 'B' },
];

/**
 * Publishes every post to ana on X, then lets an hour pass (within the life of her static access
 * token, two hours on X) so there are metrics to read.
 */
async function publishAll(): Promise<{
  publisher: ReturnType<typeof sims.publisher>;
  sent: { post: Post; outcomes: PublishOutcome[] }[];
}> {
  const publisher = sims.publisher();
  const sent = [];
  for (const post of POSTS) sent.push({ post, outcomes: await publisher.publish(post, [sims.xTarget]) });
  sims.time.advance(3_600_000);
  return { publisher, sent };
}

/** The report an app shows for the day the posts went out, as a person would ask for it. */
function reportOfTheDay(analytics: ReturnType<typeof createAnalytics>): string {
  const input = buildReportInput(analytics, {
    kpi: 'engagementRateByImpressions',
    timeZone: 'UTC',
    since: new Date(START - DAY),
    until: new Date(START + 2 * DAY),
    breakdowns: ['campaign'],
  });
  return renderReport(input, { title: 'Launch day' });
}

describe('from publish to report, as an app does it', () => {
  it('shows the posts in a windowed report when collectMetrics gets publishedPosts, with no hand-built metadata', async () => {
    const { publisher, sent } = await publishAll();
    const analytics = createAnalytics();

    const posts = sent.flatMap(({ post, outcomes }) => publishedPosts(post, outcomes));
    const { failures, samples } = await collectMetrics(
      [createXAdapter({ baseUrl: sims.x.baseUrl })],
      posts,
      undefined,
      {
        via: publisher,
        into: analytics,
      },
    );

    expect(failures).toEqual([]);
    expect(samples.length).toBeGreaterThan(0);
    // The metadata came along: each post is placed on its day and labelled as it was published.
    const [first] = sent[0]?.outcomes ?? [];
    if (first?.status !== 'published') throw new Error('expected the first post to be published');
    expect(analytics.postMeta(first.result.ref)).toMatchObject({
      campaign: 'spring-26',
      tags: ['launch'],
      contentClass: 'promotion',
      publishedAt: first.result.publishedAt,
    });
    const day = new Date(START).toISOString().slice(0, 10);
    expect(
      analytics.rollup({ by: ['day'], since: new Date(START - DAY), until: new Date(START + DAY) }),
    ).toEqual([expect.objectContaining({ dimensions: { day }, posts: 3 })]);
    const byCampaign = analytics
      .rollup({ by: ['campaign'] })
      .map((row) => [row.dimensions.campaign, row.posts]);
    expect(byCampaign).toEqual([
      ['ama', 1],
      ['spring-26', 2],
    ]);

    const page = reportOfTheDay(analytics);
    expect(page).not.toContain('There is no data for this report yet.');
    expect(page).not.toContain('no metadata');
    expect(page).toContain(`<tr><th scope="row">${day}</th>`);
    expect(page).toContain('<tr><th scope="row">spring-26</th>');
  });

  it('says what is missing and how to add it when the metrics came from bare refs', async () => {
    const { publisher, sent } = await publishAll();
    const analytics = createAnalytics();
    const refs: PostRef[] = sent.flatMap(({ outcomes }) =>
      outcomes.flatMap((outcome) => (outcome.status === 'published' ? [outcome.result.ref] : [])),
    );

    await collectMetrics([createXAdapter({ baseUrl: sims.x.baseUrl })], refs, undefined, {
      via: publisher,
      into: analytics,
    });

    // The aggregator has the metrics (an unwindowed rollup counts the posts)…
    expect(analytics.rollup({ by: ['platform'] })).toEqual([expect.objectContaining({ posts: 3 })]);
    // …but the report cannot place them, and says why instead of "no data yet".
    const page = reportOfTheDay(analytics);
    expect(page).not.toContain('There is no data for this report yet.');
    expect(page).toContain('This report is empty because 3 posts have metrics but no metadata.');
    expect(page).toContain('<code>publishedPosts(post, outcomes)</code>');
    expect(page).toContain('<code>analytics.ingestPostMeta()</code>');
  });
});
