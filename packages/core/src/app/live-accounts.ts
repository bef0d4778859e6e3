import type { AccountStore, ConnectedAccount } from '../accounts/account-store.js';
import type { InboxAccount } from '../inbox/inbox-options.js';
import { createScheduler, type Scheduler } from '../scheduler/scheduler.js';
import type { AccountQueue, SchedulerOptions } from '../scheduler/scheduler-options.js';

/** The queue slots of connected accounts that have a zone and slots. */
export function queuesOf(accounts: readonly ConnectedAccount[]): AccountQueue[] {
  return accounts.flatMap((account): AccountQueue[] =>
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
  );
}

/** The accounts the inbox polls: the connected ones of platforms with an adapter. */
export function inboxAccountsOf(
  accounts: readonly ConnectedAccount[],
  platforms: ReadonlySet<string>,
): InboxAccount[] {
  return accounts
    .filter((account) => platforms.has(account.platform))
    .map((account) => ({ platform: account.platform, accountId: account.accountId }));
}

/**
 * A scheduler whose queue slots follow the registry. The scheduler takes its queues when it is
 * made, so the slots of accounts connected (or changed, or disconnected) later live in another
 * scheduler on the same store and publisher, made when the registry's queues change, that plans
 * `schedule` and `reschedule`; its events are emitted on the first one's. Everything else (the
 * worker loop, approvals, listing, the calendar) is the first one's.
 *
 * @param options - the scheduler's options, without `accounts`
 * @param registry - the account registry
 * @param connected - the accounts connected now
 * @returns the scheduler
 * @throws ValidationError for a connected account's bad zone or slot
 */
export function liveScheduler(
  options: Omit<SchedulerOptions, 'accounts'>,
  registry: AccountStore,
  connected: readonly ConnectedAccount[],
): Scheduler {
  const initial = queuesOf(connected);
  const worker = createScheduler({ ...options, accounts: initial });
  let planner = worker;
  let plannedWith = JSON.stringify(initial);

  /** The scheduler that plans with the registry's queues as they are now. */
  const current = async (): Promise<Scheduler> => {
    const queues = queuesOf(await registry.list());
    const key = JSON.stringify(queues);
    if (key === plannedWith) return planner;
    const next = createScheduler({ ...options, accounts: queues, workerId: worker.workerId });
    next.events.emit = worker.events.emit.bind(worker.events);
    planner = next;
    plannedWith = key;
    return next;
  };

  return {
    ...worker,
    schedule: async (post, targets, when, scheduleOptions) =>
      (await current()).schedule(post, targets, when, scheduleOptions),
    reschedule: async (id, when) => (await current()).reschedule(id, when),
  };
}
