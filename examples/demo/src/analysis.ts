import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInstagramAdapter } from '@smmkit/adapter-instagram';
import { createInstagramSimulator } from '@smmkit/adapter-instagram/mocks';
import { createXAdapter } from '@smmkit/adapter-x';
import { createXSimulator } from '@smmkit/adapter-x/mocks';
import { type Engagement, type PublicAccount, staticTokenProvider } from '@smmkit/core';
import type { BenchmarkAccount, BrandTerms, ConversionEvent, Goal, SpendEntry } from '@smmkit/core/analytics';
import type { Smmkit } from '@smmkit/core/app';
import { fastForwardClock, manualClock, startSimulators } from '@smmkit/testkit';
import { CAMPAIGN } from './campaign.ts';

/** Options of {@link runAnalysis}. */
export interface AnalysisOptions {
  /**
   * The facade the campaign went out through: its aggregator holds the campaign's posts and
   * metrics, and its report renders them with what this part adds.
   */
  readonly smm: Pick<Smmkit, 'analytics' | 'report'>;
  /** Our accounts to compare with the rival, named as the report shows them. */
  readonly own: readonly BenchmarkAccount[];
  /** Where to write the HTML report (default a file in the system's temporary folder). */
  readonly reportFile?: string | undefined;
  /** Receives each line printed (default: `console.log`). */
  readonly print?: ((line: string) => void) | undefined;
}

/** What {@link runAnalysis} returns, for tests. */
export interface AnalysisReport {
  /** The competitors' snapshots, in the order they were looked up. */
  readonly snapshots: readonly PublicAccount[];
  /** The HTML report's path. */
  readonly reportFile: string;
  /** The HTML report. */
  readonly html: string;
}

const DAY = 24 * 3_600_000;
/** The report's window: the week before the launch, the launch, the day after. */
const SINCE = new Date('2026-03-23T00:00:00.000Z');
const UNTIL = new Date('2026-04-01T00:00:00.000Z');

/** Our brand and the rival's, for share of voice. */
const BRANDS: readonly BrandTerms[] = [
  { brand: 'Linen & Co', terms: ['#LinenSpring', 'linen'], own: true },
  { brand: 'Rival Coffee', terms: ['rivalcoffee', 'rival coffee'] },
];

/** The campaign's goals, evaluated at the end of the window. */
const GOALS: readonly Goal[] = [
  {
    name: 'Spring engagements',
    metric: 'engagementCount',
    target: 4_000,
    scope: { campaign: CAMPAIGN },
    start: new Date('2026-03-30T00:00:00.000Z'),
    deadline: new Date('2026-04-13T00:00:00.000Z'),
  },
  {
    name: 'Spring impressions',
    metric: 'impressions',
    target: 100_000,
    scope: { campaign: CAMPAIGN },
    start: new Date('2026-03-30T00:00:00.000Z'),
    deadline: new Date('2026-04-13T00:00:00.000Z'),
  },
];

/** Sales the shop's web analytics tagged with the campaign's UTM source, and what each platform cost. */
const CONVERSIONS: readonly ConversionEvent[] = [
  { utm: { source: 'x', medium: 'social', campaign: CAMPAIGN }, count: 14, value: 980 },
  { utm: { source: 'linkedin', medium: 'social', campaign: CAMPAIGN }, count: 6, value: 720 },
  { utm: { source: 'facebook', medium: 'social', campaign: CAMPAIGN }, count: 9, value: 540 },
  { utm: { source: 'mastodon', medium: 'social', campaign: CAMPAIGN }, count: 3, value: 150 },
];
const SPEND: readonly SpendEntry[] = [
  { platform: 'x', amount: 300 },
  { platform: 'linkedin', amount: 450 },
  { platform: 'facebook', amount: 150 },
];

/**
 * What worked: the rival looked up on X and Instagram a week apart (followers, posting pace,
 * engagement per post), Instagram's follower demographics, share of voice and the most active
 * voices from the inbox, the campaign's goals and what the money bought — all on the built-in
 * simulators — then the whole HTML report written to a file.
 *
 * @param options - the campaign's analytics, our accounts, where to write and print
 * @returns the snapshots and the report, for tests
 */
export async function runAnalysis(options: AnalysisOptions): Promise<AnalysisReport> {
  const print = options.print ?? ((line: string) => console.log(line));
  const { analytics } = options.smm;
  const time = manualClock(Date.parse('2026-03-24T09:00:00.000Z'));
  const clock = fastForwardClock(time);
  const x = createXSimulator({ clock: time });
  const ig = createInstagramSimulator({ clock: time });
  const running = startSimulators(x.sim, ...ig.simulators);
  try {
    const xAna = x.addAccount('ana', { accessTokenTtlMs: 30 * DAY });
    const igAna = ig.addAccount('ana.shop', { followers: 3_100 });
    const xAdapter = createXAdapter({ baseUrl: x.baseUrl, fetch: clock.fetch });
    const igAdapter = createInstagramAdapter({ baseUrl: ig.baseUrl, fetch: clock.fetch });
    const xContext = {
      account: { platform: 'x', accountId: xAna.account.id },
      tokens: staticTokenProvider(xAna.accessToken),
      clock,
    };
    const igContext = {
      account: { platform: 'instagram', accountId: igAna.account.id },
      tokens: staticTokenProvider(igAna.accessToken),
      clock,
    };

    // The rival, a week of posts before the first look, and a busy week after it.
    const rival = x.seedPublicAccount('rivalcoffee', {
      followers: 5_200,
      posts: 10,
      spacingMs: 12 * 3_600_000,
      text: (index) => `Fresh roast no. ${index + 1} at Rival Coffee`,
    });
    const rivalShop = ig.addBusinessAccount('rival.coffee', {
      followers: 8_800,
      posts: 8,
      commentsPerPost: 3,
    });
    const lookUpOnX = required(xAdapter.lookupPublicAccount?.bind(xAdapter), 'X account lookup');
    const lookUpOnInstagram = required(
      igAdapter.lookupPublicAccount?.bind(igAdapter),
      'Instagram business discovery',
    );
    const snapshots: PublicAccount[] = [];
    const lookUp = async () => {
      snapshots.push(await lookUpOnX({ handle: 'rivalcoffee', since: SINCE }, xContext));
      snapshots.push(await lookUpOnInstagram({ handle: 'rival.coffee', since: SINCE }, igContext));
    };
    await lookUp();
    time.advance(7 * DAY);
    rival.account.followers += 420;
    rivalShop.followers += 150;
    x.seedPublicAccount('rivalcoffee', {
      posts: 6,
      spacingMs: DAY,
      text: (index) => `Spring menu, day ${index + 1}`,
    });
    await lookUp();
    analytics.ingestPublicAccounts(snapshots);
    const competitors = snapshots.slice(0, 2).map((snapshot) => ({
      platform: snapshot.platform,
      accountId: snapshot.accountId,
      name: 'Rival Coffee',
    }));

    // Who follows the shop on Instagram.
    ig.seedFollowerDemographics(igAna.account.id, {
      age: { '18-24': 420, '25-34': 1_310, '35-44': 830, '45-54': 360, '55-64': 180 },
      gender: { F: 2_140, M: 890, U: 70 },
      country: { DE: 1_650, AT: 520, CH: 410, NL: 290, FR: 230 },
      city: { 'Berlin, Berlin': 640, 'Munich, Bavaria': 410, 'Vienna, Vienna': 380, 'Hamburg, Hamburg': 300 },
    });
    const audience = required(igAdapter.getAudience?.bind(igAdapter), 'Instagram follower demographics');
    analytics.ingestAudience(await audience(igContext));

    // What fans say about both brands, found with X's recent search (as the inbox listens).
    x.seedBrandMentions('#LinenSpring', 7, {
      text: (_fan, index) => `Linen jacket no. ${index + 1} #LinenSpring`,
    });
    x.seedBrandMentions('rival coffee', 3, {
      text: (_fan, index) => `Rival Coffee queue again (${index + 1})`,
    });
    const search = required(xAdapter.searchMentions?.bind(xAdapter), 'X recent search');
    const listened: Engagement[] = [];
    for await (const page of search({ terms: ['#LinenSpring', '"rival coffee"'], since: SINCE }, xContext))
      listened.push(...page.items);
    analytics.ingestEngagements(listened);
    // The loudest voices, looked up for their reach.
    for (const [handle, followers] of [
      ['fan_1', 48_000],
      ['fan_2', 2_300],
    ] as const) {
      x.seedPublicAccount(handle, { followers, posts: 1 });
      analytics.ingestPublicAccounts([await lookUpOnX({ handle, since: SINCE }, xContext)]);
    }

    const { html, input } = options.smm.report({
      kpi: 'engagementRateByFollowers',
      since: SINCE,
      until: UNTIL,
      goals: GOALS,
      competitors: { own: options.own, competitors, brands: BRANDS },
      influencers: { n: 3 },
      audience: true,
      roi: { conversions: CONVERSIONS, spend: SPEND, currency: 'EUR' },
      title: 'Spring 2026 launch',
      generatedAt: new Date(UNTIL),
    });
    print('');
    print('What worked, 23 March – 1 April (report sections, also written as HTML)');
    for (const goal of input.goals ?? [])
      print(
        `  goal ${goal.goal.name.padEnd(20)} ${goal.status.replace('_', ' ').padEnd(9)} ${whole(goal.current)} of ${whole(goal.goal.target)} (${pct(goal.progress)})`,
      );
    for (const row of input.competitors?.benchmark.rows ?? [])
      print(
        `  ${row.own ? 'us  ' : 'them'} ${row.platform.padEnd(9)} ${row.label.padEnd(16)} followers ${whole(row.followersLast).padStart(6)} (${signed(row.followerGrowth)}), ` +
          `${fixed(row.postsPerWeek)} posts/week, ER/post ${pct(row.engagementRatePerPost)}`,
      );
    for (const voice of input.competitors?.shareOfVoice?.brands ?? [])
      print(
        `  voice ${voice.brand.padEnd(12)} ${String(voice.mentions).padStart(3)} mentions, ${pct(voice.share)}`,
      );
    for (const influencer of input.influencers ?? [])
      print(
        `  voice ${influencer.platform.padEnd(9)} ${influencer.label.padEnd(12)} ${influencer.mentions} mentions, reach ${whole(influencer.reach)}`,
      );
    for (const split of input.audience ?? [])
      print(
        `  audience ${split.platform} ${split.dimension.padEnd(8)} ${split.buckets
          .slice(0, 3)
          .map((bucket) => `${bucket.key} ${pct(bucket.share)}`)
          .join(', ')}`,
      );
    for (const row of input.roi?.byPlatform ?? [])
      print(
        `  roi ${row.platform.padEnd(9)} ${String(row.conversions).padStart(3)} sales, €${whole(row.value)} for €${whole(row.spend)}: ROAS ${fixed(row.roas)}, ROI ${pct(row.roi)}`,
      );
    if (input.roi?.bestPlatform) print(`  best return per euro: ${input.roi.bestPlatform}`);

    const reportFile = options.reportFile ?? join(tmpdir(), 'smmkit-demo-report.html');
    await writeFile(reportFile, html);
    print(`  report: ${reportFile}`);
    return { snapshots, reportFile, html };
  } finally {
    running.close();
  }
}

/** The adapter's optional operation, which the demo's platforms all have. */
function required<T>(operation: T | undefined, what: string): T {
  if (operation === undefined) throw new Error(`the adapter offers no ${what}`);
  return operation;
}

/** A count with thousands separators, `–` for no data. */
function whole(value: number | null): string {
  return value === null ? '–' : Math.round(value).toLocaleString('en-US');
}

/** A signed count (`+420`), `–` for no data. */
function signed(value: number | null): string {
  return value === null ? '–' : `${value >= 0 ? '+' : ''}${whole(value)}`;
}

/** A ratio as a percentage, `–` for no data. */
function pct(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)} %`;
}

/** A number with one decimal, `–` for no data. */
function fixed(value: number | null): string {
  return value === null ? '–' : value.toFixed(1);
}
