import type { ConnectedAccount } from '../accounts/account-store.js';
import type { InboxAccount } from '../inbox/inbox-options.js';
import type { AccountQueue } from '../scheduler/scheduler-options.js';

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
