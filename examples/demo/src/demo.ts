import type { Target, TargetOverrides } from '@smmkit/core';
import type { Analytics, RollupRow } from '@smmkit/core/analytics';
import { createSmmkit, memoryStore, type Smmkit, type SmmkitTarget } from '@smmkit/core/app';
import {
  applyOverrides,
  PUBLISHER_EVENT_NAMES,
  type PublishedOutcome,
  type PublishOutcome,
} from '@smmkit/core/publisher';
import { fastForwardClock, manualClock, type PlatformSimulator, startSimulators } from '@smmkit/testkit';
import { CAMPAIGN, CAMPAIGN_POSTS } from './campaign.ts';
import { type DemoPlatform, PLATFORMS, type SimulatedPlatform } from './platforms.ts';

/** Options of {@link main}. */
export interface DemoOptions {
  /** Receives each line printed (default: `console.log`). */
  readonly print?: ((line: string) => void) | undefined;
  /** ANSI colours (default: when stdout is a terminal and `NO_COLOR` is not set). */
  readonly color?: boolean | undefined;
}

/** What happened to one campaign post on one platform. */
export interface DemoOutcome {
  /** The post's label. */
  readonly post: string;
  /** The platform id. */
  readonly platform: string;
  /** The publisher's outcome. */
  readonly outcome: PublishOutcome;
}

/** A campaign post the demo did not send to a platform, because the platform cannot take it. */
export interface DemoSkip {
  /** The post's label. */
  readonly post: string;
  /** The platform id. */
  readonly platform: string;
  /** Why, as the adapter's validation says it (Instagram: a post needs an image or a video). */
  readonly reason: string;
}

/** One platform after the demo. */
export interface DemoPlatformReport {
  /** The platform id. */
  readonly id: string;
  /** Its simulator, to inspect stored posts and the request log. */
  readonly sim: PlatformSimulator;
  /** The demo account. */
  readonly accountId: string;
}

/** What {@link main} returns. */
export interface DemoReport {
  /** One per campaign post and platform it was sent to. */
  readonly outcomes: readonly DemoOutcome[];
  /** The campaign posts a platform cannot take (checked with its adapter), not sent there. */
  readonly skipped: readonly DemoSkip[];
  /** Per platform. */
  readonly platforms: readonly DemoPlatformReport[];
  /** The metrics rollup by platform. */
  readonly summary: readonly RollupRow<'platform', SummaryKpi>[];
  /** The aggregator holding the campaign's posts and metrics, for the analysis part. */
  readonly analytics: Analytics;
  /** The facade the campaign went out through (shut down; its report still renders), for the analysis part. */
  readonly smm: Smmkit;
  /** Publisher events by name. */
  readonly events: Readonly<Record<string, number>>;
  /** Simulated milliseconds from start to the end of publishing. */
  readonly simulatedMs: number;
}

/** The KPIs of the summary. */
const SUMMARY_KPIS = ['engagementCount', 'engagementRateByImpressions', 'engagementRateByFollowers'] as const;

/** One of {@link SUMMARY_KPIS}. */
export type SummaryKpi = (typeof SUMMARY_KPIS)[number];

/** How long after publishing the metrics are read, in simulated time. */
const METRICS_AFTER_MS = 24 * 60 * 60_000;

/**
 * Runs the demo: starts a simulator per platform, cross-posts the campaign to all of them with
 * injected faults and a tight rate limit, prints progress and outcomes, then reads metrics a day
 * later through the publisher and prints a rollup by platform. No credentials, no network: MSW
 * answers every request in this process, and the clock skips every wait.
 *
 * @param options - where to print, colours
 * @returns the outcomes, the simulators and the summary, for tests
 */
export async function main(options: DemoOptions = {}): Promise<DemoReport> {
  const print = options.print ?? ((line: string) => console.log(line));
  const paint = painter(options.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR));
  const start = Date.parse('2026-03-30T09:00:00.000Z'); // simulated
  const realStart = performance.now();

  const time = manualClock(start);
  const clock = fastForwardClock(time);
  const set: (DemoPlatform & SimulatedPlatform)[] = PLATFORMS.map((platform) => ({
    ...platform,
    ...platform.setUp(time, clock),
  }));
  const running = startSimulators(
    ...set.flatMap((platform) => [platform.sim, ...(platform.extraSimulators ?? [])]),
  );
  try {
    print(paint.bold(`smmkit demo: the "${CAMPAIGN}" campaign to ${set.map((p) => p.name).join(', ')}`));
    print(
      paint.dim(
        `  simulated platforms (MSW, no network), ${CAMPAIGN_POSTS.length} posts × ${set.length} platforms, faults: ` +
          set
            .flatMap((p) => p.faults.map((f) => `${p.id} ${f.kind} on ${f.route ?? 'any route'}`))
            .join('; '),
      ),
    );
    print('');
    for (const platform of set) for (const fault of platform.faults) platform.sim.faults.inject(fault);

    // One facade over every platform: the registry holds each demo account and its tokens, and
    // every post published through it is recorded with its metadata for the metrics.
    const smm = await createSmmkit({
      store: memoryStore(),
      adapters: set.map((platform) => platform.adapter),
      refresh: Object.fromEntries(
        set.flatMap((platform) => (platform.refresh === undefined ? [] : [[platform.id, platform.refresh]])),
      ),
      clock,
      publisher: { retry: { random: () => 0.5 } },
    });
    for (const platform of set) {
      await smm.accounts.connect(
        {
          id: accountOf(platform.id),
          platform: platform.id,
          accountId: platform.accountId,
          ...(platform.handle === undefined ? {} : { handle: platform.handle }),
        },
        platform.tokens,
      );
    }
    const { publisher } = smm;

    // Which post a target stands for: events carry the overrides object each target was given.
    const labels = new WeakMap<TargetOverrides, string>();
    const counts: Record<string, number> = {};
    const notes = ({ result }: PublishedOutcome): string => {
      const list = [
        ...(result.threadRefs === undefined || result.threadRefs.length === 0
          ? []
          : [`+${result.threadRefs.length} thread parts`]),
        ...result.warnings.map((warning) => warning.code),
      ];
      return list.length === 0 ? '' : paint.dim(` (${list.join(', ')})`);
    };
    const stamp = (): string => paint.dim(relative(clock.now() - start).padStart(9));
    const line = (target: Target | undefined, event: string, text: string): void => {
      const label = target?.overrides === undefined ? undefined : labels.get(target.overrides);
      const who = target === undefined ? '' : `${target.platform} ${label ?? ''}`;
      print(`${stamp()}  ${who.padEnd(22)} ${paint.event(event, event.padEnd(12))} ${text}`);
    };
    for (const name of PUBLISHER_EVENT_NAMES)
      publisher.events.on(name, () => (counts[name] = (counts[name] ?? 0) + 1));
    publisher.events.on('queued', ({ target, queue }) =>
      line(target, 'queued', paint.dim(`queue ${queue.split('/').slice(2).join('/')}`)),
    );
    publisher.events.on('attempt', ({ target, attempt, operation }) =>
      line(
        target,
        'attempt',
        operation === 'publish'
          ? `#${attempt}`
          : `#${attempt}, reconciling: the same create with the same idempotency key`,
      ),
    );
    const lastProgress = new Map<Target, string>();
    publisher.events.on('progress', ({ target, progress }) => {
      // One line per step and media item: chunk by chunk would drown the rest.
      const step = `${progress.stage} ${progress.mediaIndex ?? ''}`;
      if (lastProgress.get(target) === step) return;
      lastProgress.set(target, step);
      const what =
        progress.stage === 'upload'
          ? `uploading media ${(progress.mediaIndex ?? 0) + 1}${progress.bytesTotal === undefined ? '' : ` (${kib(progress.bytesTotal)})`}`
          : progress.stage === 'processing'
            ? `media ${(progress.mediaIndex ?? 0) + 1} processing${progress.percent === undefined ? '' : ` ${progress.percent}%`}`
            : 'creating the post';
      line(target, 'progress', what);
    });
    publisher.events.on('retry', ({ target, attempt, delayMs, code }) =>
      line(target, 'retry', `${code} → attempt #${attempt} in ${duration(delayMs)}`),
    );
    publisher.events.on('rate-limited', ({ platform, bucket, until, reason }) =>
      line(
        undefined,
        'rate-limited',
        `${platform} ${bucket}: ${reason === 'budget' ? 'budget spent, holding back' : '429 from the platform'} until ${relative(until.getTime() - start)}`,
      ),
    );
    const urlOf = (outcome: PublishedOutcome): string =>
      outcome.result.url ??
      set.find((p) => p.id === outcome.target.platform)?.postUrl(outcome.result.ref) ??
      outcome.result.ref.platformPostId;
    publisher.events.on('published', (outcome) =>
      line(outcome.target, 'published', `${urlOf(outcome)}${notes(outcome)}`),
    );
    publisher.events.on('failed', ({ target, error }) =>
      line(target, 'failed', `${error.code}: ${error.message}`),
    );
    publisher.events.on('unknown', ({ target, error }) =>
      line(target, 'unknown', `${error.code}: check by hand`),
    );

    // Publish: every post to every platform that can take it, all at once; the publisher queues
    // per account and bucket. A post a platform cannot take at all (a text-only thread on
    // Instagram) is left out up front, with the adapter's own reason, instead of failing there.
    const skipped: DemoSkip[] = [];
    const published = await Promise.all(
      CAMPAIGN_POSTS.map(async ({ label, post }) => {
        const to = set.flatMap((platform): SmmkitTarget[] => {
          const overrides: TargetOverrides = { ...platform.overrides, ...platform.overridesFor?.(post) };
          const target: Target = { platform: platform.id, accountId: platform.accountId, overrides };
          const problems = platform.adapter.validate(applyOverrides(post, target));
          if (problems.length > 0) {
            const reason = problems.map(
              (problem) => `${problem.path.join('.') || 'post'}: ${problem.message}`,
            );
            skipped.push({ post: label, platform: platform.id, reason: reason.join('; ') });
            return [];
          }
          labels.set(overrides, label);
          return [{ account: accountOf(platform.id), overrides }];
        });
        const outcomes = await smm.publish(post, { to, idempotencyKey: `${CAMPAIGN}:${label}` });
        return outcomes.map(
          (outcome): DemoOutcome => ({ post: label, platform: outcome.target.platform, outcome }),
        );
      }),
    );
    const outcomes = published.flat();
    const simulatedMs = clock.now() - start;

    print('');
    print(paint.bold('Outcomes'));
    for (const { post, platform, outcome } of outcomes) {
      const detail =
        outcome.status === 'published'
          ? `${urlOf(outcome)}${notes(outcome)}`
          : outcome.status === 'failed'
            ? `${outcome.error.code}: ${outcome.hint}`
            : `${outcome.error.code}: ${outcome.checked.join('; ')}`;
      print(
        `  ${paint.event(outcome.status, outcome.status.padEnd(9))} ${platform.padEnd(9)} ${post.padEnd(13)} ${detail}`,
      );
    }
    for (const { post, platform, reason } of skipped) {
      print(`  ${paint.dim('not sent')}  ${platform.padEnd(9)} ${post.padEnd(13)} ${paint.dim(reason)}`);
    }

    // Metrics, a day later, read through the publisher's rate-limited queues.
    time.advance(METRICS_AFTER_MS);
    // The facade recorded each published post with its metadata (when it went live, campaign,
    // tags, class): collectMetrics reads them all and keeps the samples in its store.
    // Post metrics and each account's followers (for the engagement rate by followers), on the
    // publisher's queues, into the metrics store and the aggregator.
    const collected = (await smm.collectMetrics()).samples.length;
    const { analytics } = smm;
    const summary = analytics.rollup({
      by: ['platform'],
      kpis: SUMMARY_KPIS,
    });

    print('');
    print(
      paint.bold(`Metrics ${duration(METRICS_AFTER_MS)} later`) +
        paint.dim(` (${collected} samples via the publisher's queues)`),
    );
    const header = [
      'platform',
      'posts',
      'impressions',
      'likes',
      'shares',
      'replies',
      'engagements',
      'ER/impr',
      'ER/followers',
    ];
    const rows = summary.map((row) => [
      row.dimensions.platform ?? '–',
      String(row.posts),
      count(row.metrics.impressions),
      count(row.metrics.likes),
      count(row.metrics.shares),
      count(row.metrics.comments),
      count(row.kpis.engagementCount),
      percent(row.kpis.engagementRateByImpressions),
      percent(row.kpis.engagementRateByFollowers),
    ]);
    for (const cells of table([header, ...rows])) print(`  ${cells}`);

    await smm.shutdown();
    const total = outcomes.length;
    const ok = outcomes.filter((o) => o.outcome.status === 'published').length;
    const faults = set.reduce((sum, p) => sum + p.sim.faults.injectedTotal, 0);
    print('');
    print(
      `${paint.event(ok === total ? 'published' : 'failed', `${ok}/${total} published`)}` +
        `${skipped.length === 0 ? '' : ` (${skipped.length} not sent: the platform cannot take them)`}, ${faults} faults injected and handled, ` +
        `${relative(simulatedMs)} of simulated time in ${((performance.now() - realStart) / 1000).toFixed(1)} s`,
    );

    return {
      outcomes,
      skipped,
      platforms: set.map((p) => ({ id: p.id, sim: p.sim, accountId: p.accountId })),
      summary,
      analytics,
      smm,
      events: counts,
      simulatedMs,
    };
  } finally {
    running.close();
  }
}

/** The demo account's id in the facade's registry. */
function accountOf(platform: string): string {
  return `linen-${platform}`;
}

/** `+12:03.5` (minutes:seconds) or `+1h02:03` from simulated start. */
function relative(ms: number): string {
  const seconds = ms / 1000;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0
    ? `+${h}h${String(m).padStart(2, '0')}:${String(Math.floor(s)).padStart(2, '0')}`
    : `+${m}:${s.toFixed(1).padStart(4, '0')}`;
}

function duration(ms: number): string {
  if (ms >= 3_600_000) return `${+(ms / 3_600_000).toFixed(1)} h`;
  if (ms >= 60_000) return `${+(ms / 60_000).toFixed(1)} min`;
  return `${+(ms / 1000).toFixed(1)} s`;
}

function kib(bytes: number): string {
  return `${Math.round(bytes / 1024)} KiB`;
}

function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toLocaleString('en-US');
}

function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${(value * 100).toFixed(2)} %`;
}

/** Columns padded to their widest cell; the first left-aligned, the rest right-aligned. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  '),
  );
}

interface Painter {
  bold(text: string): string;
  dim(text: string): string;
  /** Colours `text` by the event or status it names. */
  event(name: string, text: string): string;
}

/** ANSI styles, or none (no terminal, `NO_COLOR`, captured output). */
function painter(enabled: boolean): Painter {
  const style = (code: string) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
  const colours: Record<string, (text: string) => string> = {
    published: style('32'),
    failed: style('31'),
    unknown: style('35'),
    retry: style('33'),
    'rate-limited': style('33'),
    attempt: style('36'),
  };
  return {
    bold: style('1'),
    dim: style('2'),
    event: (name, text) => (colours[name] ?? ((t: string) => t))(text),
  };
}
