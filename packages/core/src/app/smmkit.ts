import { checkConnection, platformAccountTaken } from '../accounts/account-record.js';
import { createAnalytics } from '../analytics/analytics.js';
import type { Kpi } from '../analytics/kpis.js';
import { buildReportInput } from '../analytics/report/build-report-input.js';
import { renderReport } from '../analytics/report/render-report.js';
import { ValidationError } from '../errors/validation-error.js';
import { createInbox } from '../inbox/inbox.js';
import type { Target } from '../models/target.js';
import type { PublishOutcome } from '../publisher/outcome.js';
import { createPublisher, type Publisher } from '../publisher/publisher.js';
import { createScheduler } from '../scheduler/scheduler.js';
import { resolveQueues } from '../scheduler/scheduler-options.js';
import { parseQueueSlots } from '../scheduler/time/queue-slot-syntax.js';
import { systemClock } from '../time/clock.js';
import { nextSlotProblems } from './account-queue-problems.js';
import { accountTokens } from './account-tokens.js';
import { appMetrics } from './app-metrics.js';
import { declaredAccountProblems } from './declared-account.js';
import { inboxAccountsOf, queuesOf } from './live-accounts.js';
import { metricsCadence } from './metrics-cadence.js';
import { DEFAULT_METRICS_MAX_POST_AGE_MS, windowStart } from './metrics-window.js';
import {
  checkCollectOptions,
  checkPublishOptions,
  checkReportOptions,
  checkScheduleOptions,
  checkSmmkitOptions,
} from './option-keys.js';
import { shutDownError } from './shut-down-error.js';
import type {
  Smmkit,
  SmmkitAccounts,
  SmmkitOptions,
  SmmkitReportOptions,
  SmmkitTarget,
} from './smmkit-api.js';

export type { Smmkit, SmmkitOptions } from './smmkit-api.js';

/**
 * Makes the whole loop — accounts and tokens, publisher, scheduler, inbox and analytics — on one
 * store. It reads the registry and the metrics store first, so it is async. Accounts connected
 * later (here or by another process on the store) get queue slots at once and inbox polling from
 * the next round; every published post (direct or scheduled)
 * is recorded in the metrics store with its metadata. It adds nothing the parts lack.
 *
 * @param options - store, adapters and settings; see {@link SmmkitOptions}
 * @returns the facade
 * @throws ValidationError for a key it does not take (in the options, their parts or a declared
 *   account: "unknown key `zone`: did you mean `timeZone`?"), a declared account that is invalid,
 *   a bad queue slot or zone, or slots without a `timeZone`; nothing is stored then
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
  // A misnamed option or account key would be ignored (an account posting as someone else, a
  // queue without slots): refused, with every other problem, before anything is stored.
  checkSmmkitOptions(options);
  const { store, adapters } = options;
  const clock = options.clock ?? systemClock;
  const now = (): Date => new Date(clock.now());
  for (const [index, declared] of (options.accounts ?? []).entries()) {
    // Slots are the scheduler's to read: a bad one is refused before the account is stored.
    if (declared.slots !== undefined) parseQueueSlots(declared.slots, ['accounts', index, 'slots']);
    if ((await store.accounts.get(declared.id)) === undefined) await store.accounts.connect(declared, now());
  }
  const connected = await store.accounts.list();
  const platforms = new Set(adapters.map((adapter) => adapter.platform));
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
    handle: async ({ platform, accountId }) =>
      (await store.accounts.list()).find(
        (account) => account.platform === platform && account.accountId === accountId,
      )?.handle,
    clock,
    outbox: store.schedule,
    throttle: { ...options.publisher?.throttle, ledger: options.publisher?.throttle?.ledger ?? store.ledger },
  });
  const analytics = createAnalytics();
  const metrics = appMetrics({ adapters, accounts: store.accounts, store: store.metrics, analytics });
  // Every publish, the scheduler's too, is recorded with its metadata; the publisher is unchanged.
  const publisher: Publisher = {
    events: base.events,
    run: (account, operation, task, runOptions) => base.run(account, operation, task, runOptions),
    shutdown: (shutdownOptions) => base.shutdown(shutdownOptions),
    // The scheduler checks a post with it when it is planned (createPublisher's always has it).
    check: (post, targets) => base.check?.(post, targets) ?? targets.map(() => undefined),
    publish: async (post, targets, publishOptions): Promise<PublishOutcome[]> => {
      const outcomes = await base.publish(post, targets, publishOptions);
      await metrics.record(post, outcomes);
      return outcomes;
    },
  };
  // A bad zone or slot already in the registry fails here, not at the first 'next-slot'.
  resolveQueues(queuesOf(connected));
  // Both read the registry when they need it (each 'next-slot', each round of polling): an
  // account connected later, here or by another process, is in at once; a disconnected one is out.
  const scheduler = createScheduler({
    ...options.scheduler,
    store: store.schedule,
    publisher,
    clock,
    accounts: async () => queuesOf(await store.accounts.list()),
  });
  const inbox = createInbox({
    ...options.inbox,
    adapters,
    publisher,
    store: store.inbox,
    clock,
    accounts: async () => inboxAccountsOf(await store.accounts.list(), platforms),
  });
  /**
   * Fills the aggregator from the stores: the metrics store's posts and samples (other
   * processes' too) and the inbox's items and first responses, for the SLA figures.
   */
  const refresh = async (): Promise<void> => {
    await metrics.load();
    const log = await inbox.slaLog();
    analytics.ingestEngagements(log.engagements, { trusted: true });
    analytics.ingestResponses(log.responses, { trusted: true });
  };
  await refresh();
  const maxPostAgeMs = options.metrics?.maxPostAgeMs ?? DEFAULT_METRICS_MAX_POST_AGE_MS;
  const cadence =
    options.metrics === undefined
      ? undefined
      : metricsCadence({
          adapters,
          everyMs: options.metrics.every,
          clock,
          collect: async (platform, signal) => {
            await refresh();
            const since = windowStart(clock.now(), maxPostAgeMs);
            return metrics.collect(publisher, { signal, since }, new Set([platform]));
          },
          onRound: options.metrics.onRound,
        });

  /** The first `shutdown()`, once called: every facade call after it is refused, a second one waits for it. */
  let stopping: Promise<void> | undefined;
  /** Throws {@link shutDownError} once `shutdown()` has begun: the store is closed or closing. */
  const open = (call: string): void => {
    if (stopping !== undefined) throw shutDownError(call);
  };

  /** The connected accounts `to` names, in its order, each with its overrides. */
  const accountsOf = async (to: readonly (string | SmmkitTarget)[]) => {
    const wanted = to.map((entry) => (typeof entry === 'string' ? { account: entry } : entry));
    const found = await Promise.all(wanted.map(({ account }) => store.accounts.get(account)));
    const problems = wanted.flatMap(({ account }, index) =>
      found[index] === undefined
        ? [
            {
              path: ['to', index],
              rule: 'account.unknown',
              message: `no account "${account}" is connected`,
              actual: account,
            },
          ]
        : [],
    );
    if (problems.length > 0) throw new ValidationError(problems, 'accounts');
    return found.flatMap((account, index) =>
      account === undefined ? [] : [{ account, overrides: wanted[index]?.overrides }],
    );
  };

  /** The targets of the connected accounts `to` names. */
  const targetsOf = (named: Awaited<ReturnType<typeof accountsOf>>): Target[] =>
    named.map(({ account, overrides }) => ({
      platform: account.platform,
      accountId: account.accountId,
      ...(overrides === undefined ? {} : { overrides }),
    }));

  const accounts: SmmkitAccounts = {
    connect: async (account, tokenSet) => {
      open('accounts.connect');
      const problems = declaredAccountProblems(account);
      if (problems.length > 0) throw new ValidationError(problems, 'account');
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
      // Slots are the scheduler's to read: a bad one is refused here, not at the next plan.
      if (account.slots !== undefined) parseQueueSlots(account.slots, ['slots']);
      // Refused before the tokens are written: they would replace those of the account connected
      // under this id now (a rotated refresh token with them), for a connection that never happens.
      checkConnection(account);
      const holder = (await store.accounts.list()).find(
        (listed) =>
          listed.platform === account.platform &&
          listed.accountId === account.accountId &&
          listed.id !== account.id,
      );
      if (holder !== undefined) throw platformAccountTaken(account, holder.id);
      // Tokens first: an account is never listed without the tokens it was connected with.
      await store.tokens.save(account.id, tokenSet);
      const connected = await store.accounts.connect(account, now());
      tokens.forget(account.id);
      return connected;
    },
    get: async (id) => {
      open('accounts.get');
      return store.accounts.get(id);
    },
    list: async () => {
      open('accounts.list');
      return store.accounts.list();
    },
    disconnect: async (id) => {
      open('accounts.disconnect');
      const removed = await store.accounts.disconnect(id);
      await store.tokens.delete(id);
      tokens.forget(id);
      return removed;
    },
    status: async () => {
      open('accounts.status');
      return (await store.accounts.list()).map(({ id, platform, accountId, status }) => ({
        id,
        platform,
        accountId,
        status,
      }));
    },
  };

  /** Stops every part and closes the store; run once, by the first `shutdown()`. */
  const shutDown = async (): Promise<void> => {
    await Promise.all([scheduler.stop(), inbox.stop(), cadence?.stop()]);
    await publisher.shutdown();
    // A publish cancelled mid-refresh left the refresh running: its answer is stored before the
    // store closes. X and TikTok rotate refresh tokens, retiring the one sent, so an answer not
    // stored locks the account out:
    // https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token and
    // https://developers.tiktok.com/docs/en/oauth-refresh-a-user-access-token
    try {
      await tokens.drain();
    } finally {
      await store.close();
    }
  };

  return {
    accounts,
    publisher,
    scheduler,
    inbox,
    analytics,
    publish: async (post, options) => {
      open('publish');
      // A misspelt option would be ignored (`idempotency_key`: a retry posts twice): refused first.
      checkPublishOptions(options);
      const { to, ...publishOptions } = options;
      return publisher.publish(post, targetsOf(await accountsOf(to)), publishOptions);
    },
    schedule: async (post, options) => {
      open('schedule');
      checkScheduleOptions(options);
      const { to, at, ...scheduleOptions } = options;
      const named = await accountsOf(to);
      // Told here in the facade's words (the app's ids, `timeZone` and `slots`), every account at
      // once; the scheduler still refuses an account whose queue went away meanwhile.
      if (at === 'next-slot') {
        const problems = nextSlotProblems(named.map(({ account }) => account));
        if (problems.length > 0) throw new ValidationError(problems, 'schedule request');
      }
      return scheduler.schedule(post, targetsOf(named), at, scheduleOptions);
    },
    approve: async (entryId, decision) => {
      open('approve');
      return scheduler.approve(entryId, decision);
    },
    reject: async (entryId, decision) => {
      open('reject');
      return scheduler.reject(entryId, decision);
    },
    collectMetrics: async (collectOptions = {}) => {
      open('collectMetrics');
      checkCollectOptions(collectOptions);
      await refresh();
      const { since, ...rest } = collectOptions;
      const from = since ?? windowStart(clock.now(), DEFAULT_METRICS_MAX_POST_AGE_MS);
      return (await metrics.collect(publisher, { ...rest, since: from })).result;
    },
    report: <K extends Kpi = 'engagementRateByImpressions'>(reportOptions: SmmkitReportOptions<K> = {}) => {
      // Not refused after shutdown: it reads what the facade holds in memory, never the store, so
      // a report of the run still renders once the store is closed.
      checkReportOptions(reportOptions);
      const { title, generatedAt, kpi, ...rest } = reportOptions;
      const input = buildReportInput<K>(analytics, {
        ...rest,
        kpi: kpi ?? ('engagementRateByImpressions' as K),
      });
      const render = {
        ...(title === undefined ? {} : { title }),
        ...(generatedAt === undefined ? {} : { generatedAt }),
      };
      return { html: renderReport(input, render), input };
    },
    start: () => {
      open('start');
      scheduler.start();
      inbox.start();
      cadence?.start();
    },
    shutdown: () => {
      stopping ??= shutDown();
      return stopping;
    },
  };
}
