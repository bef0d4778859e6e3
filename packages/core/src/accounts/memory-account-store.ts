import {
  accountFromJson,
  accountToJson,
  checkConnection,
  connectedAccount,
  needsReauthorization,
  platformAccountTaken,
} from './account-record.js';
import type { AccountStore, ConnectedAccount } from './account-store.js';

/**
 * An {@link AccountStore} in memory, for tests and one-process apps that connect their accounts
 * at every start. Accounts are copied in and out as JSON, as the SQLite store keeps them, so both
 * give back the same thing. Nothing survives the process; use `sqliteAccountStore`
 * (`@smmkit/core/sqlite`) for that.
 *
 * @returns an empty store
 *
 * @example
 * ```ts
 * const accounts = memoryAccountStore();
 * await accounts.connect({ id: 'brand-x', platform: 'x', accountId: '2244994945' }, new Date());
 * ```
 */
export function memoryAccountStore(): AccountStore {
  const rows = new Map<string, string>();
  const all = (): ConnectedAccount[] =>
    [...rows.keys()].sort().map((id) => accountFromJson(rows.get(id) ?? ''));
  return {
    connect: async (account, at) => {
      const connection = checkConnection(account);
      const holder = all().find(
        (held) =>
          held.id !== connection.id &&
          held.platform === connection.platform &&
          held.accountId === connection.accountId,
      );
      if (holder !== undefined) throw platformAccountTaken(connection, holder.id);
      const connected = connectedAccount(connection, at);
      rows.set(connected.id, accountToJson(connected));
      return accountFromJson(accountToJson(connected));
    },
    get: async (id) => {
      const row = rows.get(id);
      return row === undefined ? undefined : accountFromJson(row);
    },
    list: async () => all(),
    disconnect: async (id) => rows.delete(id),
    markNeedsReauthorization: async (id, reason, at) => {
      const row = rows.get(id);
      if (row === undefined) return undefined;
      const account = accountFromJson(row);
      if (account.status.state === 'needs_reauthorization') return account;
      const marked = { ...account, status: needsReauthorization(reason, at) };
      rows.set(id, accountToJson(marked));
      return accountFromJson(accountToJson(marked));
    },
  };
}
