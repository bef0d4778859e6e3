import type { AccountConnection, ConnectedAccount } from '../accounts/account-store.js';
import type { Adapter } from '../adapter/adapter.js';
import { type Analytics, createAnalytics } from '../analytics/analytics.js';
import {
  type CollectMetricsOptions,
  type CollectMetricsResult,
  collectMetrics,
} from '../analytics/collect-metrics.js';
import type { Kpi } from '../analytics/kpis.js';
import { type BuildReportInputOptions, buildReportInput } from '../analytics/report/build-report-input.js';
import { renderReport } from '../analytics/report/render-report.js';
import type { ReportInput } from '../analytics/report/report-input.js';
import type { TokenSet } from '../auth/token-provider.js';
import { ValidationError } from '../errors/validation-error.js';
import { createInbox } from '../inbox/inbox.js';
import type { Inbox } from '../inbox/inbox-api.js';
import type { InboxOptions } from '../inbox/inbox-options.js';
import type { Post } from '../models/post.js';
import type { ScheduleEntry } from '../models/schedule-entry.js';
import type { Target } from '../models/target.js';
import type { PublisherOptions } from '../publisher/options.js';
import type { PublishOutcome } from '../publisher/outcome.js';
import { createPublisher, type Publisher, type PublishOptions } from '../publisher/publisher.js';
import { createScheduler, type ScheduleOptions, type Scheduler } from '../scheduler/scheduler.js';
import type { AccountQueue, SchedulerOptions } from '../scheduler/scheduler-options.js';
import type { When } from '../scheduler/when.js';
import { type Clock, systemClock } from '../time/clock.js';
import { accountTokens, type RefreshTokens } from './account-tokens.js';
import { publishedLog } from './published-log.js';
import type { SmmkitStore } from './store.js';

/**
 * Options of {@link createSmmkit}.
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
   * has: change an account with `accounts.connect`.
   */
  readonly accounts?: readonly AccountConnection[] | undefined;
  /**
   * The OAuth refresh call of each platform whose tokens expire (`{ x: (refreshToken) =>
   * refreshXToken({ clientId, refreshToken }) }`). Without one, an expired token marks its account
   * as needing re-authorization.
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
        'pollIntervalMs' | 'leaseMs' | 'batchSize' | 'workerId' | 'defaultZone' | 'slotHorizonDays' | 'newId'
      >
    | undefined;
  /** The inbox's polling and rules. */
  readonly inbox?:
    | Pick<InboxOptions, 'pollIntervalMs' | 'lookbackMs' | 'pageSize' | 'rules' | 'sentiment'>
    | undefined;
}

/** The account registry as {@link Smmkit} exposes it. */
export interface SmmkitAccounts {
  /**
   * Connects an account with the tokens of its OAuth exchange (stored under its id), or connects
   * it again: new tokens, and its status is `active` again.
   *
   * @throws ValidationError for an invalid account or a platform without adapter
   */
  connect(account: AccountConnection, tokens: TokenSet): Promise<ConnectedAccount>;
  /** The connected account with `id`, if any. */
  get(id: string): Promise<ConnectedAccount | undefined>;
  /** Every connected account, by id, each with its status. */
  list(): Promise<ConnectedAccount[]>;
  /** Removes the account and its tokens; resolves `true` when it was connected. */
  disconnect(id: string): Promise<boolean>;
  /** Each account's id and status: which ones a person must connect again, why and since when. */
  status(): Promise<Pick<ConnectedAccount, 'id' | 'platform' | 'accountId' | 'status'>[]>;
}

/** Options of {@link Smmkit.publish}: the account ids to publish to, and the publisher's options. */
export interface SmmkitPublishOptions extends PublishOptions {
  /** Ids of connected accounts (`['brand-x', 'brand-mastodon']`). */
  readonly to: readonly string[];
}

/** Options of {@link Smmkit.schedule}: the account ids, when, and the scheduler's options. */
export interface SmmkitScheduleOptions extends ScheduleOptions {
  /** Ids of connected accounts. */
  readonly to: readonly string[];
  /** When: an instant, `{ at, zone }`, `'next-slot'` or a recurrence (see the scheduler). */
  readonly at: When;
}

/** Options of {@link Smmkit.report}: `buildReportInput`'s, with a default KPI, and a title. */
export type SmmkitReportOptions<K extends Kpi = Kpi> = Omit<BuildReportInputOptions<K>, 'kpi'> & {
  /** The KPI (default `engagementRateByImpressions`). */
  readonly kpi?: K | undefined;
  /** The report's title. */
  readonly title?: string | undefined;
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
  /** The scheduler, on the store's schedule; queue slots of accounts connected when it was made. */
  readonly scheduler: Scheduler;
  /** The inbox, on the store's inbox; polls the accounts connected when it was made. */
  readonly inbox: Inbox;
  /** The aggregator `collectMetrics` fills. */
  readonly analytics: Analytics;
  /**
   * Publishes to connected accounts by id; one outcome per account, as `publisher.publish`.
   * Published posts are recorded with their metadata for {@link Smmkit.collectMetrics}.
   *
   * @throws ValidationError (rejects, nothing sent) when an id is not connected
   */
  publish(post: Post, options: SmmkitPublishOptions): Promise<PublishOutcome[]>;
  /**
   * Plans a post for connected accounts by id, as `scheduler.schedule`.
   *
   * @throws ValidationError when an id is not connected, or as `scheduler.schedule`
   */
  schedule(post: Post, options: SmmkitScheduleOptions): Promise<ScheduleEntry[]>;
  /**
   * Reads the metrics of every post published through this facade (directly or by the scheduler)
   * since it was made, through the publisher's queues, into `analytics` with their metadata.
   */
  collectMetrics(
    options?: Pick<CollectMetricsOptions, 'concurrency' | 'signal'>,
  ): Promise<CollectMetricsResult>;
  /** Builds and renders the report of `analytics` (`buildReportInput`, then `renderReport`). */
  report<K extends Kpi = 'engagementRateByImpressions'>(options?: SmmkitReportOptions<K>): SmmkitReport<K>;
  /** Starts the scheduler's worker loop and the inbox's polling. */
  start(): void;
  /** Stops both, lets the publisher finish what it runs, and closes the store. */
  shutdown(): Promise<void>;
}

/**
 * Makes the whole loop — accounts and tokens, publisher, scheduler, inbox and analytics — on one
 * store. It reads the registry first (the scheduler takes the connected accounts' zones and slots,
 * the inbox polls the connected accounts), so it is async. It adds nothing the parts lack.
 *
 * @param options - store, adapters and settings; see {@link SmmkitOptions}
 * @returns the facade
 * @throws ValidationError for a declared account that is invalid, a bad queue slot or zone
 *
 * @example
 * ```ts
 * import { createSmmkit } from '@smmkit/core/app';
 * import { sqliteStore } from '@smmkit/core/sqlite';
 *
 * const smm = await createSmmkit({ store: sqliteStore('smm.db'), adapters: [x, mastodon] });
 * await smm.accounts.connect({ id: 'brand-x', platform: 'x', accountId }, await exchangeXCode(…));
 * const outcomes = await smm.publish({ text: 'Hello' }, { to: ['brand-x'] });
 * ```
 */
export async function createSmmkit(options: SmmkitOptions): Promise<Smmkit> {
  const { store, adapters } = options;
  const clock = options.clock ?? systemClock;
  const now = (): Date => new Date(clock.now());
  for (const declared of options.accounts ?? []) {
    if ((await store.accounts.get(declared.id)) === undefined) await store.accounts.connect(declared, now());
  }
  const connected = await store.accounts.list();
  const tokens = accountTokens({
    accounts: store.accounts,
    tokens: store.tokens,
    refresh: options.refresh ?? {},
    clock,
  });
  const base = createPublisher({
    ...options.publisher,
    adapters,
    tokens: (target) => tokens.providerFor(target),
    clock,
    outbox: store.schedule,
    throttle: { ...options.publisher?.throttle, ledger: options.publisher?.throttle?.ledger ?? store.ledger },
  });
  const log = publishedLog(base, store.accounts);
  const publisher = log.publisher;
  const scheduler = createScheduler({
    ...options.scheduler,
    store: store.schedule,
    publisher,
    clock,
    accounts: connected.flatMap((account): AccountQueue[] =>
      account.timeZone !== undefined && account.slots !== undefined && account.slots.length > 0
        ? [
            {
              platform: account.platform,
              accountId: account.accountId,
              zone: account.timeZone,
              slots: account.slots,
            },
          ]
        : [],
    ),
  });
  const platforms = new Set(adapters.map((adapter) => adapter.platform));
  const inbox = createInbox({
    ...options.inbox,
    adapters,
    publisher,
    store: store.inbox,
    clock,
    accounts: connected
      .filter((account) => platforms.has(account.platform))
      .map((account) => ({ platform: account.platform, accountId: account.accountId })),
  });
  const analytics = createAnalytics();

  const targetsOf = async (ids: readonly string[]): Promise<Target[]> => {
    const found = await Promise.all(ids.map((id) => store.accounts.get(id)));
    const problems = ids.flatMap((id, index) =>
      found[index] === undefined
        ? [
            {
              path: ['to', index],
              rule: 'account.unknown',
              message: `no account "${id}" is connected`,
              actual: id,
            },
          ]
        : [],
    );
    if (problems.length > 0) throw new ValidationError(problems, 'accounts');
    return found.flatMap((account) =>
      account === undefined ? [] : [{ platform: account.platform, accountId: account.accountId }],
    );
  };

  const accounts: SmmkitAccounts = {
    connect: async (account, tokenSet) => {
      if (!platforms.has(account.platform)) {
        throw new ValidationError(
          [
            {
              path: ['platform'],
              rule: 'account.platform',
              message: `no adapter for platform "${account.platform}"`,
              actual: account.platform,
            },
          ],
          'account',
        );
      }
      // Tokens first: an account is never listed without the tokens it was connected with.
      await store.tokens.save(account.id, tokenSet);
      return store.accounts.connect(account, now());
    },
    get: (id) => store.accounts.get(id),
    list: () => store.accounts.list(),
    disconnect: async (id) => {
      const removed = await store.accounts.disconnect(id);
      await store.tokens.delete(id);
      tokens.forget(id);
      return removed;
    },
    status: async () =>
      (await store.accounts.list()).map(({ id, platform, accountId, status }) => ({
        id,
        platform,
        accountId,
        status,
      })),
  };

  return {
    accounts,
    publisher,
    scheduler,
    inbox,
    analytics,
    publish: async (post, { to, ...publishOptions }) =>
      publisher.publish(post, await targetsOf(to), publishOptions),
    schedule: async (post, { to, at, ...scheduleOptions }) =>
      scheduler.schedule(post, await targetsOf(to), at, scheduleOptions),
    collectMetrics: (collectOptions = {}) =>
      collectMetrics(adapters, log.posts(), undefined, {
        ...collectOptions,
        via: publisher,
        into: analytics,
      }),
    report: <K extends Kpi = 'engagementRateByImpressions'>(reportOptions: SmmkitReportOptions<K> = {}) => {
      const { title, kpi, ...rest } = reportOptions;
      const input = buildReportInput<K>(analytics, {
        ...rest,
        kpi: kpi ?? ('engagementRateByImpressions' as K),
      });
      return { html: renderReport(input, title === undefined ? {} : { title }), input };
    },
    start: () => {
      scheduler.start();
      inbox.start();
    },
    shutdown: async () => {
      await Promise.all([scheduler.stop(), inbox.stop()]);
      await publisher.shutdown();
      await store.close();
    },
  };
}
