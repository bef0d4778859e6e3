import { describe, expect, it } from 'vitest';
import { GRAPH_USAGE_BUCKET, parseGraphUsage } from '../src/index.js';

const START = Date.parse('2026-11-22T12:00:00.000Z');

describe('usage headers', () => {
  it('takes the highest figure of either header, and the regain time of the business header', () => {
    const now = START;
    const info = parseGraphUsage(
      new Headers({
        'x-app-usage': '{"call_count":12,"total_cputime":3,"total_time":40}',
        'x-business-use-case-usage': JSON.stringify({
          '17841400000000001': [
            {
              type: 'instagram',
              call_count: 91,
              total_cputime: 20,
              total_time: 5,
              estimated_time_to_regain_access: 7,
            },
          ],
        }),
      }),
      now,
    );
    expect(info).toEqual({
      usedFraction: 0.91,
      scope: 'business',
      bucket: GRAPH_USAGE_BUCKET,
      resetAt: new Date(now + 7 * 60_000),
    });
    expect(
      parseGraphUsage(new Headers({ 'x-app-usage': '{"call_count":"55","total_time":"x"}' }), now),
    ).toEqual({ usedFraction: 0.55, scope: 'app', bucket: GRAPH_USAGE_BUCKET });
    expect(parseGraphUsage(new Headers({ 'x-app-usage': 'not json' }), now)).toBeUndefined();
    expect(parseGraphUsage(new Headers(), now)).toBeUndefined();
  });

  it('reads every Page and use case of the business header, and the longest wait among them', () => {
    const info = parseGraphUsage(
      new Headers({
        'x-business-use-case-usage': JSON.stringify({
          '104000000000001': [
            {
              type: 'pages',
              call_count: 30,
              total_cputime: 10,
              total_time: 12,
              estimated_time_to_regain_access: 0,
            },
          ],
          '104000000000002': [
            {
              type: 'pages',
              call_count: 100,
              total_cputime: 64,
              total_time: 80,
              estimated_time_to_regain_access: 12,
            },
            { type: 'ads_management', call_count: 5, estimated_time_to_regain_access: 40 },
          ],
        }),
      }),
      START,
    );
    expect(info).toEqual({
      usedFraction: 1,
      scope: 'business',
      bucket: 'graph',
      resetAt: new Date(START + 40 * 60_000),
    });
  });

  it('caps a figure above 100 % at a used fraction of 1 and skips entries it cannot read', () => {
    const headers = new Headers({
      'x-app-usage': '{"call_count":130}',
      'x-business-use-case-usage': '{"1":["not an entry",{"type":"pages"}],"2":"nor a list"}',
    });
    expect(parseGraphUsage(headers, START)).toEqual({ usedFraction: 1, scope: 'app', bucket: 'graph' });
  });
});
