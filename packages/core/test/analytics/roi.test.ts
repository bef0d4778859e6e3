import { describe, expect, it } from 'vitest';
import { type Analytics, createAnalytics } from '../../src/analytics/analytics.js';
import type { ConversionEvent, RoiLink, SpendEntry } from '../../src/analytics/roi-inputs.js';
import { utmForTarget } from '../../src/analytics/utm.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { meta, postSample } from './analytics-fixtures.js';

const ref = (platform: string, platformPostId: string) => ({
  platform,
  accountId: `${platform}-acc`,
  platformPostId,
});

/** The worked example of docs/analytics.md: a spring campaign on X and LinkedIn, a summer one on Instagram. */
function exampleAnalytics(): Analytics {
  const analytics = createAnalytics();
  const on = (platform: string) => ({ platform, accountId: `${platform}-acc` });
  analytics.ingestSamples([
    postSample('x-1', 'link_clicks', 300, on('x')),
    postSample('x-2', 'link_clicks', 200, on('x')),
    // LinkedIn counts all clicks (no link clicks): they stand in.
    postSample('li-1', 'clicks', 150, on('linkedin')),
    postSample('ig-1', 'likes', 40, on('instagram')),
    postSample('ig-2', 'likes', 30, on('instagram')),
  ]);
  analytics.ingestPostMeta([
    meta('x-1', '2026-05-04T09:00:00Z', { ...on('x'), campaign: 'spring' }),
    meta('x-2', '2026-05-05T09:00:00Z', { ...on('x'), campaign: 'spring' }),
    meta('li-1', '2026-05-04T10:00:00Z', { ...on('linkedin'), campaign: 'spring' }),
    meta('ig-1', '2026-05-06T10:00:00Z', { ...on('instagram'), campaign: 'summer' }),
    meta('ig-2', '2026-05-07T10:00:00Z', { ...on('instagram'), campaign: 'summer' }),
  ]);
  return analytics;
}

/** The links the posts carried, as `utmForTarget` made them. */
const LINKS: RoiLink[] = [
  { post: ref('x', 'x-1'), utm: utmForTarget({ platform: 'x', campaign: 'spring', content: 'hero' }) },
  { post: ref('x', 'x-2'), utm: utmForTarget({ platform: 'x', campaign: 'spring', content: 'brand' }) },
  {
    post: ref('linkedin', 'li-1'),
    utm: utmForTarget({ platform: 'linkedin', campaign: 'spring', accountHandle: 'acme' }),
  },
  // Both Instagram posts carried the same link: their conversions cannot be told apart.
  {
    post: ref('instagram', 'ig-1'),
    utm: utmForTarget({ platform: 'instagram', campaign: 'summer', content: 'bio' }),
  },
  {
    post: ref('instagram', 'ig-2'),
    utm: utmForTarget({ platform: 'instagram', campaign: 'summer', content: 'bio' }),
  },
];

const CONVERSIONS: ConversionEvent[] = [
  { utm: { source: 'x', medium: 'social', campaign: 'spring', content: 'hero' }, count: 6, value: 600 },
  { utm: { source: 'x', medium: 'social', campaign: 'spring', content: 'brand' }, count: 4, value: 400 },
  {
    utm: { source: 'linkedin', medium: 'social', campaign: 'spring', content: 'acme' },
    count: 6,
    value: 1_800,
  },
  { utm: { source: 'instagram', medium: 'social', campaign: 'summer', content: 'bio' }, value: 60 },
  { utm: { source: 'instagram', medium: 'social', campaign: 'summer', content: 'bio' }, value: 40 },
  { utm: { source: 'newsletter', medium: 'email', campaign: 'spring' }, count: 5, value: 250 },
  { utm: {}, value: 10 },
];

const SPEND: SpendEntry[] = [
  { platform: 'x', campaign: 'spring', amount: 400 },
  { post: ref('linkedin', 'li-1'), amount: 600 },
];

describe('ROI by platform and campaign', () => {
  const roi = exampleAnalytics().roi({
    conversions: CONVERSIONS,
    spend: SPEND,
    links: LINKS,
    currency: 'EUR',
  });

  it('computes each platform’s figures as worked by hand', () => {
    expect(roi.byPlatform).toEqual([
      {
        platform: 'instagram',
        conversions: 2,
        value: 100,
        spend: null,
        linkClicks: null,
        conversionRate: null,
        costPerConversion: null,
        roas: null,
        roi: null,
      },
      {
        platform: 'linkedin',
        conversions: 6,
        value: 1_800,
        spend: 600,
        linkClicks: 150,
        conversionRate: 0.04,
        costPerConversion: 100,
        roas: 3,
        roi: 2,
      },
      {
        platform: 'x',
        conversions: 10,
        value: 1_000,
        spend: 400,
        linkClicks: 500,
        conversionRate: 0.02,
        costPerConversion: 40,
        roas: 2.5,
        roi: 1.5,
      },
    ]);
  });

  it('computes each campaign’s figures; a promoted post’s spend counts for its campaign', () => {
    const [spring, summer] = roi.byCampaign;
    expect(spring).toMatchObject({
      campaign: 'spring',
      conversions: 16,
      value: 2_800,
      spend: 1_000,
      linkClicks: 650,
    });
    expect(spring?.conversionRate).toBeCloseTo(16 / 650, 15);
    expect(spring?.costPerConversion).toBe(62.5);
    expect(spring?.roas).toBe(2.8);
    expect(spring?.roi).toBeCloseTo(1.8, 15);
    expect(summer).toMatchObject({ campaign: 'summer', conversions: 2, value: 100, spend: null, roas: null });
  });

  it('totals what was attributed and leaves other sources out', () => {
    expect(roi.total).toMatchObject({
      conversions: 18,
      value: 2_900,
      spend: 1_000,
      linkClicks: 650,
      roas: 2.9,
    });
    expect(roi.total.roi).toBeCloseTo(1.9, 15);
    expect(roi.total.costPerConversion).toBeCloseTo(1_000 / 18, 12);
    expect(roi.unattributed).toEqual({ conversions: 6, value: 260 });
    expect(roi.currency).toBe('EUR');
  });

  it('ranks platforms by value per unit spent, those without spend last', () => {
    expect(roi.bestPlatform).toBe('linkedin');
    expect(roi.allocation.map((row) => [row.platform, row.roas, row.spendShare])).toEqual([
      ['linkedin', 3, 0.6],
      ['x', 2.5, 0.4],
      ['instagram', null, null],
    ]);
    expect(roi.allocation[0]?.valueShare).toBeCloseTo(1_800 / 2_900, 15);
  });

  it('attributes conversions to a post only when one post carried the link', () => {
    const posts = Object.fromEntries(roi.byPost.map((row) => [row.post.platformPostId, row]));
    expect(posts['x-1']).toMatchObject({ conversions: 6, value: 600, linkClicks: 300, campaign: 'spring' });
    expect(posts['x-1']?.conversionRate).toBe(0.02);
    expect(posts['x-2']).toMatchObject({ conversions: 4, value: 400, linkClicks: 200 });
    expect(posts['li-1']).toMatchObject({ conversions: 6, value: 1_800, spend: 600, roas: 3 });
    expect(posts['ig-1']).toMatchObject({ conversions: 0, value: 0 });
    expect(posts['ig-2']).toMatchObject({ conversions: 0, value: 0 });
    expect(roi.byPost[0]?.post.platformPostId).toBe('li-1');
  });
});

describe('ROI edge cases', () => {
  it('gives null, never NaN or Infinity, for divisions by zero', () => {
    const roi = exampleAnalytics().roi({
      conversions: [],
      spend: [
        { platform: 'x', amount: 0 },
        { platform: 'linkedin', amount: 250 },
      ],
    });
    const x = roi.byPlatform.find((row) => row.platform === 'x');
    const linkedin = roi.byPlatform.find((row) => row.platform === 'linkedin');
    expect(x).toMatchObject({
      spend: 0,
      conversions: 0,
      conversionRate: 0,
      costPerConversion: null,
      roas: null,
      roi: null,
    });
    expect(linkedin).toMatchObject({ spend: 250, costPerConversion: null, roas: 0, roi: -1 });
    expect(roi.bestPlatform).toBe('linkedin');
    const numbers = JSON.stringify(roi);
    expect(numbers).not.toMatch(/NaN|Infinity/);
  });

  it('maps a link’s own utm_source to its post’s platform, ignoring the case of sources', () => {
    const roi = exampleAnalytics().roi({
      conversions: [
        { utm: { source: 'Twitter', campaign: 'spring', content: 'hero' }, value: 50 },
        { utm: { source: 'LinkedIn', campaign: 'spring' }, value: 7 },
        // Campaigns are compared exactly: a differently spelt one is another campaign.
        { utm: { source: 'x', campaign: 'Spring' }, value: 3 },
      ],
      links: [
        {
          post: ref('x', 'x-1'),
          utm: { source: 'twitter', medium: 'social', campaign: 'spring', content: 'hero' },
        },
      ],
    });
    expect(roi.byPlatform.find((row) => row.platform === 'x')).toMatchObject({ conversions: 2, value: 53 });
    expect(roi.byPlatform.find((row) => row.platform === 'linkedin')).toMatchObject({
      conversions: 1,
      value: 7,
    });
    expect(roi.byCampaign.map((row) => [row.campaign, row.value])).toEqual([
      ['Spring', 3],
      ['spring', 57],
    ]);
    expect(roi.byPost[0]).toMatchObject({ conversions: 1, value: 50 });
    expect(roi.unattributed.conversions).toBe(0);
  });

  it('keeps dated conversions of the window and leaves out other platforms', () => {
    const roi = exampleAnalytics().roi({
      conversions: [
        { utm: { source: 'x', campaign: 'spring' }, at: new Date('2026-05-10T00:00:00Z'), value: 1 },
        { utm: { source: 'x', campaign: 'spring' }, at: new Date('2026-06-10T00:00:00Z'), value: 2 },
        { utm: { source: 'x', campaign: 'spring' }, value: 4 },
        { utm: { source: 'linkedin', campaign: 'spring' }, value: 8 },
      ],
      spend: [{ platform: 'linkedin', amount: 100 }],
      since: new Date('2026-05-01T00:00:00Z'),
      until: new Date('2026-06-01T00:00:00Z'),
      platforms: ['x'],
    });
    expect(roi.byPlatform.map((row) => [row.platform, row.value])).toEqual([['x', 5]]);
    expect(roi.total.spend).toBeNull();
    expect(roi.unattributed.value).toBe(8);
  });

  it('refuses invalid conversions, spend and links with every problem at once', () => {
    try {
      exampleAnalytics().roi({
        conversions: [
          { utm: {}, count: -1 },
          { utm: {}, value: Number.NaN },
        ],
        spend: [{ amount: 10 }, { platform: 'x', amount: -5 }, { platform: 'X!', amount: 1 }],
        links: [{ post: ref('x', 'x-1'), utm: { source: 'x', medium: 'social', campaign: '' } }],
      });
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      const paths = (error as ValidationError).problems.map((p) => `${p.path.join('.')} ${p.rule}`);
      expect(paths).toEqual(
        expect.arrayContaining([
          'conversions.0.count schema.too_small',
          'conversions.1.value schema.invalid_type',
          'spend.0.platform roi.spend_target',
          'spend.1.amount schema.too_small',
          expect.stringMatching(/^spend\.2\.platform schema\./),
          'links.0.utm.campaign schema.too_small',
        ]),
      );
    }
  });
});
