import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { GraphInsightSchema, readGraphInsights } from '../src/index.js';
import { CONTEXT, recordingHttp } from './support/recording-http.js';

describe('readGraphInsights', () => {
  it('asks GET /{object-id}/insights for the metrics named and the period, and returns data as Meta ordered it', async () => {
    const answer = {
      data: [
        { name: 'views', period: 'lifetime', values: [{ value: 40 }], id: 'm/insights/views/lifetime' },
        { name: 'reach', period: 'lifetime', values: [], total_value: { value: 12 } },
      ],
    };
    const { http, requests } = recordingHttp(() => answer);
    const insights = await readGraphInsights(
      http,
      '17/9',
      { metrics: ['reach', 'views'], period: 'lifetime', operation: 'read media insights' },
      CONTEXT,
    );
    expect(insights.map((insight) => insight.name)).toEqual(['views', 'reach']);
    expect(insights[0]?.values?.[0]?.value).toBe(40);
    expect(insights[1]?.total_value?.value).toBe(12);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'GET',
      path: '/17%2F9/insights',
      operation: 'read media insights',
      searchParams: { metric: 'reach,views', period: 'lifetime' },
      context: CONTEXT,
    });
  });

  it('returns no insights when Meta leaves data out', async () => {
    const { http } = recordingHttp(() => ({}));
    const insights = await readGraphInsights(
      http,
      '1',
      { metrics: ['page_follows'], period: 'day', operation: 'read page insights' },
      CONTEXT,
    );
    expect(insights).toEqual([]);
  });

  it('refuses an insight without a name, or with values that are not a list', () => {
    expect(z.safeParse(GraphInsightSchema, { values: [{ value: 1 }] }).success).toBe(false);
    expect(z.safeParse(GraphInsightSchema, { name: 'reach', values: { value: 1 } }).success).toBe(false);
    expect(
      z.safeParse(GraphInsightSchema, { name: 'reach', values: [{ value: 1, end_time: 'x' }] }).success,
    ).toBe(true);
  });
});
