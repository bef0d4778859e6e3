import { type Post, type ScheduleEntry, ValidationError } from '@smmkit/core';
import type { When } from '@smmkit/core/scheduler';
import type { AccountKey } from './tool-context.js';

/**
 * Where the `schedule` tool's entry ids live, apart from ids other code gives: the scheduler
 * publishes each entry with its id as the idempotency key, so an entry id equal to a key the
 * `publish` tool used would answer with that publish instead of sending the scheduled post.
 */
const ENTRY_ID_PREFIX = 'mcp-schedule:';

/**
 * The entry id the `schedule` tool gives under an idempotency key: the scheduler's `id` option
 * (`ScheduleOptions.id`), so that the store, which refuses an id it holds, plans a post once per
 * key, whichever process or server run asks.
 *
 * @param idempotencyKey - the call's key
 * @returns the id to pass as the scheduler's `id` option
 */
export function scheduleEntryId(idempotencyKey: string): string {
  return `${ENTRY_ID_PREFIX}${idempotencyKey}`;
}

/**
 * The ids the scheduler gives the entries of one call made with `id` (`ScheduleOptions.id`): one
 * entry with `id` for a time or a rule, and for `'next-slot'` one entry per account,
 * `${id}:${platform}:${accountId}`.
 */
function entryIdsOf(id: string, accounts: readonly AccountKey[]): { single: string; perAccount: string[] } {
  return {
    single: id,
    perAccount: accounts.map((account) => `${id}:${account.platform}:${account.accountId}`),
  };
}

/** A value as JSON with its object keys sorted, so that two equal posts read alike. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );
}

/** The accounts an entry list plans for, as sorted `platform:accountId` keys. */
function accountsOf(targets: readonly AccountKey[]): string {
  return [...new Set(targets.map((target) => `${target.platform}:${target.accountId}`))].sort().join('\n');
}

/** The refusal of a key that planned another post (or for other accounts): nothing was planned. */
function keyReused(): ValidationError {
  return new ValidationError(
    [
      {
        path: ['idempotencyKey'],
        rule: 'mcp.idempotency_key_reused',
        message: 'this idempotencyKey already scheduled another post (or for other accounts)',
      },
    ],
    'request',
    {
      hint: 'Give each new post a new idempotencyKey; reuse a key only to retry the same schedule call. Nothing was scheduled.',
    },
  );
}

/**
 * The entries an earlier `schedule` call planned under this key, if any: a retry (a client that
 * timed out and called again) gets them instead of planning the post again.
 *
 * @param read - reads an entry by id (`app.scheduler.get`)
 * @param id - {@link scheduleEntryId} of the call's key
 * @param at - the call's `at`
 * @param post - the call's post
 * @param accounts - the platform keys of the call's `to`
 * @returns the earlier entries, or `undefined` when the key planned nothing yet
 * @throws ValidationError (`mcp.idempotency_key_reused`) when the key planned another post, or
 *   for other accounts
 */
export async function entriesUnderKey(
  read: (id: string) => Promise<ScheduleEntry | undefined>,
  id: string,
  at: When,
  post: Post,
  accounts: readonly AccountKey[],
): Promise<ScheduleEntry[] | undefined> {
  const { single, perAccount } = entryIdsOf(id, accounts);
  // The ids this call plans, and those the key planned if it was used with the other kind of `at`.
  const [own, other] = at === 'next-slot' ? [perAccount, [single]] : [[single], perAccount];
  const entries = await Promise.all(own.map((candidate) => read(candidate)));
  const elsewhere = await Promise.all(other.map((candidate) => read(candidate)));
  if ([...entries, ...elsewhere].every((entry) => entry === undefined)) return undefined;
  if (entries.some((entry) => entry === undefined) || elsewhere.some((entry) => entry !== undefined)) {
    throw keyReused();
  }
  const earlier = entries.filter((entry): entry is ScheduleEntry => entry !== undefined);
  const sameAccounts = accountsOf(earlier.flatMap((entry) => entry.targets)) === accountsOf(accounts);
  const samePost = earlier.every((entry) => canonicalJson(entry.post) === canonicalJson(post));
  if (!sameAccounts || !samePost) throw keyReused();
  return earlier;
}

/** True when `error` is the store's refusal of an entry id it holds (`schedule.id_taken`). */
export function isIdTaken(error: unknown): boolean {
  return (
    ValidationError.isInstance(error) &&
    error.problems.some((problem) => problem.rule === 'schedule.id_taken')
  );
}
