import { type Adapter, ValidationError } from '@smmkit/core';

import type { Smmkit } from '@smmkit/core/app';
import type { AllowList } from './allow-list.js';
import type { ReplyLedger } from './reply-ledger.js';

/** What every tool works with. */
export interface ToolContext {
  /** The app: accounts, publisher, scheduler, inbox and analytics on one store. */
  readonly app: Smmkit;
  /** The app's adapters, for `validate` (no I/O). */
  readonly adapters: readonly Adapter[];
  /** The accounts the publishing tools may act for. */
  readonly allow: AllowList;
  /** The time now (for default windows). */
  readonly now: () => Date;
  /** The replies `inbox_reply` sent, by idempotency key. */
  readonly replies: ReplyLedger;
}

/** A connected account's app id (`brand-x`) by its platform and platform account id. */
export async function accountIdsByKey(
  app: Smmkit,
): Promise<(platform: string, accountId: string) => string | undefined> {
  const accounts = await app.accounts.list();
  const ids = new Map(
    accounts.map((account) => [`${account.platform}\u0000${account.accountId}`, account.id]),
  );
  return (platform, accountId) => ids.get(`${platform}\u0000${accountId}`);
}

/** A connected account's platform and platform account id. */
export interface AccountKey {
  /** Platform id. */
  readonly platform: string;
  /** The platform's id for the account. */
  readonly accountId: string;
}

/**
 * The platform keys of connected accounts by their app ids, for the filters of the read tools.
 *
 * @throws ValidationError naming every id that is not connected
 */
export async function accountKeysOf(
  app: Smmkit,
  ids: readonly string[],
  path: readonly (string | number)[],
): Promise<AccountKey[]> {
  const found = await Promise.all(ids.map((id) => app.accounts.get(id)));
  const problems = ids.flatMap((id, index) =>
    found[index] === undefined
      ? [
          {
            path: [...path, index],
            rule: 'account.unknown',
            message: `no account "${id}" is connected`,
            actual: id,
          },
        ]
      : [],
  );
  if (problems.length > 0) throw new ValidationError(problems, 'request');
  return found.flatMap((account) =>
    account === undefined ? [] : [{ platform: account.platform, accountId: account.accountId }],
  );
}
