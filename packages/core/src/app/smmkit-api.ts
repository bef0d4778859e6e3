import type { AccountConnection, ConnectedAccount } from '../accounts/account-store.js';
import type { Adapter } from '../adapter/adapter.js';
import type { Analytics } from '../analytics/analytics.js';
import type { CollectMetricsOptions, CollectMetricsResult } from '../analytics/collect-metrics.js';
import type { EngagementSlaOptions } from '../analytics/engagement-sla.js';
import type { Kpi } from '../analytics/kpis.js';
import type { BuildReportInputOptions } from '../analytics/report/build-report-input.js';
import type { ReportInput } from '../analytics/report/report-input.js';
import type { TokenSet } from '../auth/token-provider.js';
import type { Inbox } from '../inbox/inbox-api.js';
import type { InboxOptions } from '../inbox/inbox-options.js';
import type { Post } from '../models/post.js';
import type { ScheduleEntry } from '../models/schedule-entry.js';
import type { TargetOverrides } from '../models/target.js';
import type { PublisherOptions } from '../publisher/options.js';
import type { PublishOutcome } from '../publisher/outcome.js';
import type { Publisher, PublishOptions } from '../publisher/publisher.js';
import type { ApprovalDecision } from '../scheduler/approval.js';
import type { ScheduleOptions, Scheduler } from '../scheduler/scheduler.js';
import type { SchedulerOptions } from '../scheduler/scheduler-options.js';
import type { When } from '../scheduler/when.js';
import type { Clock } from '../time/clock.js';
import type { RefreshTokens } from './account-tokens.js';
import type { MetricsRound } from './metrics-cadence.js';
import type { SmmkitStore } from './store.js';

/**
 * Options of {@link SmmkitOptions.metrics}: collecting metrics on a cadence once `smm.start()`
 * runs.
 *
 * @example
 * ```ts
 * metrics: { every: 60 * 60_000, onRound: ({ platform, result }) => log(platform, result?.failures) }
 * ```
 */
export interface SmmkitMetricsOptions {
  /**
   * The least interval between two rounds of reads of one platform, in ms. Each platform runs on
   * its own, and waits longer when a round's requests would spend more than half of a budget its
   * adapter declares for metrics reads, so the rest stays for publishing.
   */
  readonly every: number;
  /**
   * How old a post may be, in ms from the round's start by its publication time, for a round to
   * still read its metrics (default 30 days; `Infinity` reads every post). Older posts keep the
   * samples already collected; a post recorded without a publication time is always read. Each
   * round also reads every connected account's own metrics (followers) once, whatever this says.
   */
  readonly maxPostAgeMs?: number | undefined;
  /** Told after each round of each platform: what it read or why it failed, and when the next starts. */
  readonly onRound?: ((round: MetricsRound) => void) | undefined;
}

/**
 * Options of {@link createSmmkit}. A key it does not take, here, in `publisher`, `scheduler`,
 * `inbox`, `metrics` or a declared account, is refused with a `ValidationError` that names it.
 *
 * @example
 * ```ts
 * const smm = await createSmmkit({
 *   store: sqliteStore('smm.db'),
 *   adapters: [createXAdapter(), createMastodonAdapter({ instanceUrl })],
 *   refresh: { x: (refreshToken) => refreshXToken({ clientId, refreshToken }) },
 * });
 * ```
 */
export interface SmmkitOptions {
  /** Every store, on one storage: `memoryStore()` or `sqliteStore(path)`. */
  readonly store: SmmkitStore;
  /** The adapters, one per platform. */
  readonly adapters: readonly Adapter[];
  /**
   * Accounts to add to the registry when it lacks their id, for apps that declare them in code;
   * their tokens must already be in `store.tokens` under their ids. The registry wins for an id it
   * has: change an account with `accounts.connect` (also the only way to clear its
   * `needs_reauthorization` status: new tokens in `store.tokens` and a restart do not).
   */
  readonly accounts?: readonly AccountConnection[] | undefined;
  /**
   * The OAuth refresh call of each platform whose tokens expire (`{ x: (refreshToken) =>
   * refreshXToken({ clientId, refreshToken }) }`). Without one, a token that is due for a refresh
   * fails its call with a `ValidationError` (rule `refresh.missing`) naming this option; the
   * account and its stored tokens are left as they are (another process may refresh them).
   */
  readonly refresh?: Readonly<Record<string, RefreshTokens>> | undefined;
  /** Time source of every part (default the system clock); tests pass a fake one. */
  readonly clock?: Clock | undefined;
  /** The publisher's policies. */
  readonly publisher?: Pick<PublisherOptions, 'retry' | 'throttle' | 'reconcile' | 'newKey'> | undefined;
  /** The scheduler's worker settings. */
  readonly scheduler?:
    | Pick<
        SchedulerOptions,
        | 'pollIntervalMs'
        | 'leaseMs'
        | 'batchSize'
        | 'maxLatenessMs'
        | 'workerId'
        | 'defaultZone'
        | 'slotHorizonDays'
        | 'newId'
      >
    | undefined;
  /** The inbox's polling, rules and how long it keeps webhook seen ids. */
  readonly inbox?:
    | Pick<
        InboxOptions,
        'pollIntervalMs' | 'lookbackMs' | 'pageSize' | 'keepSeenIdsMs' | 'rules' | 'sentiment'
      >
    | undefined;
  /** Collect metrics on a cadence once `start()` runs (default: only when `collectMetrics` is called). */
  readonly metrics?: SmmkitMetricsOptions | undefined;
}

/**
 * Options of {@link Smmkit.collectMetrics}.
 *
 * @example
 * ```ts
 * // The posts of the last 7 days, and every account's followers:
 * await smm.collectMetrics({ since: new Date(Date.now() - 7 * 86_400_000) });
 * ```
 */
export interface SmmkitCollectMetricsOptions extends Pick<CollectMetricsOptions, 'concurrency' | 'signal'> {
  /**
   * The oldest publication time whose posts are read (default: 30 days before now; `new Date(0)`
   * reads every post). A `Date` only, as `report({ since })` takes: a duration such as `'7d'` is
   * refused. Posts recorded without a publication time are always read.
   */
  readonly since?: Date | undefined;
}

/** The account registry as {@link Smmkit} exposes it. */
export interface SmmkitAccounts {
  /**
   * Connects an account with the tokens of its OAuth exchange (stored under its id), or connects
   * it again: new tokens, and its status is `active` again. This is what clears
   * `needs_reauthorization`: saving tokens with `store.tokens.save` does not.
   *
   * @throws ValidationError for an invalid account, a key {@link AccountConnection} does not have
   *   ("unknown key `zone`: did you mean `timeZone`?"), slots without a `timeZone`, or a platform
   *   without adapter; nothing is stored then
   */
  connect(account: AccountConnection, tokens: TokenSet): Promise<ConnectedAccount>;
  /** The connected account with `id`, if any. */
  get(id: string): Promise<ConnectedAccount | undefined>;
  /** Every connected account, by id, each with its status. */
  list(): Promise<ConnectedAccount[]>;
  /** Removes the account and its tokens; resolves `true` when it was connected. */
  disconnect(id: string): Promise<boolean>;
  /**
   * Each account's id and status: which ones a person must connect again, why and since when. A
   * `needs_reauthorization` status stays until the account is connected again with
   * {@link SmmkitAccounts.connect}; new tokens saved with `store.tokens.save` do not clear it.
   */
  status(): Promise<Pick<ConnectedAccount, 'id' | 'platform' | 'accountId' | 'status'>[]>;
}

/**
 * A connected account to publish to, with changes for it only (a shorter text for X, platform
 * options): the facade's form of a publisher `Target`.
 *
 * @example
 * ```ts
 * const to: SmmkitTarget = { account: 'brand-x', overrides: { text: 'Short for X' } };
 * ```
 */
export interface SmmkitTarget {
  /** The connected account's id. */
  readonly account: string;
  /** Changes for this account only; the target carries this very object, as the publisher's events show it. */
  readonly overrides?: TargetOverrides | undefined;
}

/** Options of {@link Smmkit.publish}: the accounts to publish to, and the publisher's options. */
export interface SmmkitPublishOptions extends PublishOptions {
  /** Connected accounts by id (`['brand-x', 'brand-mastodon']`), each with overrides if you like. */
  readonly to: readonly (string | SmmkitTarget)[];
}

/** Options of {@link Smmkit.schedule}: the account ids, when, and the scheduler's options. */
export interface SmmkitScheduleOptions extends ScheduleOptions {
  /** Connected accounts by id, each with overrides if you like. */
  readonly to: readonly (string | SmmkitTarget)[];
  /** When: an instant, `{ at, zone }`, `'next-slot'` or a recurrence (see the scheduler). */
  readonly at: When;
}

/**
 * Options of {@link Smmkit.report}: `buildReportInput`'s, with a default KPI, and a title. With
 * `sla`, the figures come from the inbox's items and first responses.
 */
export type SmmkitReportOptions<K extends Kpi = Kpi> = Omit<BuildReportInputOptions<K>, 'kpi' | 'sla'> & {
  /** The KPI (default `engagementRateByImpressions`). */
  readonly kpi?: K | undefined;
  /**
   * Engagement SLA figures (first-response time, share answered within `targetMs`, response and
   * resolution rates) over the inbox's items created in the window, answered through the inbox.
   */
  readonly sla?: EngagementSlaOptions | undefined;
  /** The report's title. */
  readonly title?: string | undefined;
  /** When the report was made, shown in its header (default none: the same input renders the same page). */
  readonly generatedAt?: Date | undefined;
};

/** What {@link Smmkit.report} returns. */
export interface SmmkitReport<K extends Kpi = Kpi> {
  /** The rendered HTML page. */
  readonly html: string;
  /** What it was rendered from (`buildReportInput`'s result), for your own views. */
  readonly input: ReportInput<K>;
}

/**
 * The whole loop over one store and one account registry. Each part is the one you would make
 * alone (`publisher`, `scheduler`, `inbox`, `analytics`); the facade only wires them.
 */
export interface Smmkit {
  /** Connected accounts and their status. */
  readonly accounts: SmmkitAccounts;
  /** The one publisher every part sends through (shared queues, budgets and token providers). */
  readonly publisher: Publisher;
  /**
   * The scheduler, on the store's schedule. `'next-slot'` uses the queue slots of the accounts
   * in the registry when it plans, including ones connected after `createSmmkit` (here or by
   * another process on the store).
   */
  readonly scheduler: Scheduler;
  /**
   * The inbox, on the store's inbox; each round polls every account in the registry then (one
   * connected later, here or by another process, from its next round on).
   */
  readonly inbox: Inbox;
  /**
   * The aggregator `report()` reads: filled from the metrics store and the inbox when the facade
   * is made and before every collection, and with this process's publishes as they happen.
   */
  readonly analytics: Analytics;
  /**
   * Publishes to connected accounts by id; one outcome per account, as `publisher.publish`.
   * Published posts are recorded in the metrics store with their metadata (campaign, tags,
   * variant, content class, time, zone, account, URL), as are the scheduler's.
   *
   * @throws ValidationError (rejects, nothing sent) when an id is not connected, `to` is missing
   *   or not a list of ids and `{ account, overrides }`, or for a key it does not take ("unknown
   *   key `idempotency_key`: did you mean `idempotencyKey`?"), or after `shutdown()`
   */
  publish(post: Post, options: SmmkitPublishOptions): Promise<PublishOutcome[]>;
  /**
   * Plans a post for connected accounts by id, as `scheduler.schedule`. Resolves with the
   * entries made (one per account for `'next-slot'`): approve them by `entries[i].id`.
   *
   * @throws ValidationError when an id is not connected, `to` or `at` is missing, for a key it
   *   does not take ("unknown key `when`: did you mean `at`?"), for `'next-slot'` naming every
   *   account without `slots` or `timeZone` (nothing is planned then), after `shutdown()`, or as
   *   `scheduler.schedule`
   */
  schedule(post: Post, options: SmmkitScheduleOptions): Promise<ScheduleEntry[]>;
  /**
   * Approves an entry awaiting approval, as `scheduler.approve`: it is scheduled, with who
   * approved and when.
   *
   * @throws ValidationError when `entryId` is not a non-empty string, or the entry is missing or
   *   not awaiting approval
   */
  approve(entryId: string, decision: ApprovalDecision): Promise<ScheduleEntry>;
  /**
   * Rejects an entry awaiting approval, as `scheduler.reject`.
   *
   * @throws ValidationError when `entryId` is not a non-empty string, or the entry is missing or
   *   not awaiting approval
   */
  reject(entryId: string, decision: ApprovalDecision): Promise<ScheduleEntry>;
  /**
   * Reads, through the publisher's queues, the metrics of the posts in the metrics store
   * (published through any facade on it, directly or by the scheduler, before or after a
   * restart) published since `options.since` (default the last 30 days), then each connected
   * account's own metrics (followers, following, posts count) once, for adapters that read them.
   * The samples go to the store and to `analytics`, which first reads the metrics store and the
   * inbox again (what other processes wrote, the latest SLA figures). A failed account read is in
   * `failures` with no `refs`.
   *
   * @throws ValidationError (rejects, nothing read) for a key other than `concurrency`, `signal`
   *   and `since`, a `since` that is not a valid `Date`, or after `shutdown()`
   * @throws the store's error when it cannot be read or the samples cannot be kept
   */
  collectMetrics(options?: SmmkitCollectMetricsOptions): Promise<CollectMetricsResult>;
  /**
   * Builds and renders the report of `analytics` (`buildReportInput`, then `renderReport`): every
   * post and sample the metrics store held at the last `collectMetrics` (or round of the
   * cadence, or when the facade was made), with this process's publishes since; with `sla`, the
   * inbox's figures as of then.
   *
   * @throws ValidationError for a key it does not take ("unknown key `from`: did you mean `since`?"),
   *   a `since` or `until` that is not a valid `Date` (`'7d'`), a `kpi` that is not one of `KPIS`
   *   (the message lists them), or after `shutdown()`
   */
  report<K extends Kpi = 'engagementRateByImpressions'>(options?: SmmkitReportOptions<K>): SmmkitReport<K>;
  /** Starts the scheduler's worker loop, the inbox's polling and, with `metrics`, the metrics cadence. */
  start(): void;
  /**
   * Stops them, lets the publisher finish what it runs, waits for token refreshes still in flight
   * (those of cancelled publishes too) and their writes, and closes the store. From its start,
   * every other call of the facade (`publish`, `accounts.list`, `report`, …) is refused with a
   * `ValidationError` (rule `app.shut_down`): make a new app with `createSmmkit` to go on. Calling
   * it again waits for the first call and ends as it does.
   *
   * @throws AuthError (after closing the store) naming each account whose refreshed tokens could
   *   not be stored: where the platform rotates refresh tokens, it needs a new authorization
   */
  shutdown(): Promise<void>;
}
