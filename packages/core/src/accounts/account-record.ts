import * as z from 'zod/mini';
import { ValidationError } from '../errors/validation-error.js';
import { NonEmptyStringSchema, PlatformIdSchema } from '../models/ids.js';
import { TimeZoneSchema } from '../models/time-zone.js';
import { parseModel } from '../parse/parse-model.js';
import type { AccountConnection, AccountStatus, ConnectedAccount } from './account-store.js';

/**
 * The fields of a connection and their rules, alike for every store and for `createSmmkit`'s
 * accounts (which refuse any other key).
 */
export const connectionShape = /* @__PURE__ */ (() => ({
  id: NonEmptyStringSchema,
  platform: PlatformIdSchema,
  accountId: NonEmptyStringSchema,
  handle: z.optional(z.string()),
  timeZone: z.optional(TimeZoneSchema),
  slots: z.optional(z.array(z.string())),
}))();

/**
 * What a store checks: the connection's fields; other keys (extras an app stores through
 * `AccountStore.connect`, or old records) are kept, so every stored account keeps loading.
 */
const ConnectionSchema = /* @__PURE__ */ (() => z.looseObject(connectionShape))();

/** A stored account, as JSON. */
const StoredSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    connectedAt: z.string(),
    status: z.union([
      z.object({ state: z.literal('active') }),
      z.object({ state: z.literal('needs_reauthorization'), reason: z.string(), since: z.string() }),
    ]),
  }))();

/**
 * Checks a connection and copies it as JSON, so every store gives back the same thing (extras
 * included) and a later change to the caller's object never reaches the store.
 *
 * @param account - what the app connects (extras, kept as given, included)
 * @returns the connection, checked and copied
 * @throws ValidationError for a bad field or extras that are not JSON
 */
export function checkConnection(
  account: AccountConnection & { readonly [extra: string]: unknown },
): AccountConnection {
  const parsed = parseModel(ConnectionSchema, account, 'account');
  let copy: unknown;
  try {
    copy = JSON.parse(JSON.stringify(parsed));
  } catch {
    throw new ValidationError(
      [{ path: [], rule: 'account.json', message: 'must hold JSON values only (extras included)' }],
      'account',
    );
  }
  const { connectedAt: _at, status: _status, ...connection } = copy as Record<string, unknown>;
  return connection as unknown as AccountConnection;
}

/**
 * The connected account of a checked connection.
 *
 * @param connection - from {@link checkConnection}
 * @param connectedAt - when
 * @param status - its status (default active)
 * @returns the account
 */
export function connectedAccount(
  connection: AccountConnection,
  connectedAt: Date,
  status: AccountStatus = { state: 'active' },
): ConnectedAccount {
  return { ...connection, connectedAt: new Date(connectedAt.getTime()), status };
}

/** The status of needing re-authorization for `reason` since `at`. */
export function needsReauthorization(reason: string, at: Date): AccountStatus {
  return { state: 'needs_reauthorization', reason, since: new Date(at.getTime()) };
}

/**
 * An account as JSON (instants as ISO strings), for stores that keep text.
 *
 * @param account - the account
 * @returns its JSON
 */
export function accountToJson(account: ConnectedAccount): string {
  return JSON.stringify(account);
}

/**
 * Reads back what {@link accountToJson} wrote, checked.
 *
 * @param json - the stored text
 * @returns the account
 * @throws ValidationError when the text is not a stored account
 */
export function accountFromJson(json: string): ConnectedAccount {
  const raw: unknown = JSON.parse(json);
  const stored = parseModel(StoredSchema, raw, 'stored account');
  const { connectedAt, status, ...rest } = stored;
  // Extras the store kept stay: an old record keeps loading whatever keys it holds.
  const connection = checkConnection(rest as unknown as AccountConnection);
  return connectedAccount(
    connection,
    new Date(connectedAt),
    status.state === 'active' ? status : needsReauthorization(status.reason, new Date(status.since)),
  );
}

/**
 * The refusal of a second id for a platform account another id holds.
 *
 * @param account - the connection refused
 * @param holder - the id that holds the platform account
 * @returns the error
 */
export function platformAccountTaken(account: AccountConnection, holder: string): ValidationError {
  return new ValidationError(
    [
      {
        path: ['accountId'],
        rule: 'account.taken',
        message: `${account.platform} account ${account.accountId} is already connected as "${holder}"; disconnect it first`,
      },
    ],
    'account',
    { platform: account.platform },
  );
}
