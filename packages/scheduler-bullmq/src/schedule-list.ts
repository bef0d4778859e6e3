import type { ScheduleEntry } from '@smmkit/core';
import type { ScheduleQuery } from '@smmkit/core/scheduler';
import type { Redis } from 'ioredis';
import { warnDamaged } from './damaged-entry.js';
import { FIELD, tryDecodeEntry } from './entry-hash.js';
import type { ScheduleKeys } from './schedule-keys.js';

/**
 * The entries `query` asks for, ordered by `publishAt`, then id (byte order, as sorted sets order
 * equal scores). Reads the narrowest index (a series, the accounts, the states, else every
 * entry) in the time range, then checks every filter on the entries themselves, so an entry
 * that changed between the two reads is listed as it is now. An entry whose stored form cannot
 * be read (damaged, edited by hand, or written by an smmkit with another schema) is left out, and
 * a process warning (code `SMMKIT_DAMAGED_ENTRY`) names it; `get` throws its `ValidationError`.
 *
 * @param redis - the connection
 * @param keys - the store's key layout
 * @param query - the filters
 * @returns the entries
 */
export async function listEntries(
  redis: Redis,
  keys: ScheduleKeys,
  query: ScheduleQuery,
): Promise<ScheduleEntry[]> {
  const limit = query.limit === undefined ? undefined : Math.max(0, Math.floor(query.limit));
  if (limit === 0) return [];
  const { sources, exact } = indexesFor(keys, query);
  const min = query.from === undefined ? '-inf' : String(query.from.getTime());
  const max = query.to === undefined ? '+inf' : `(${query.to.getTime()}`;
  // One index that says everything the query asks: it can stop at the limit.
  const pushDown = exact && sources.length === 1 && limit !== undefined ? limit : undefined;

  const read = async (count: number | undefined): Promise<{ entries: ScheduleEntry[]; ids: number }> => {
    const lists = await Promise.all(
      sources.map((source) =>
        count === undefined
          ? redis.zrangebyscore(source, min, max)
          : redis.zrangebyscore(source, min, max, 'LIMIT', 0, count),
      ),
    );
    const ids = [...new Set(lists.flat())];
    const hashes = await Promise.all(ids.map((id) => redis.hgetall(keys.entry(id))));
    const entries: ScheduleEntry[] = [];
    for (const [index, hash] of hashes.entries()) {
      if (hash[FIELD.version] === undefined) continue;
      const read = tryDecodeEntry(hash);
      // One entry that cannot be read must not hide the others: it is left out, with a warning.
      if ('damage' in read) warnDamaged(ids[index] ?? '', read.damage, 'left out of the list');
      else if (matches(read.entry, query)) entries.push(read.entry);
    }
    return { entries, ids: ids.length };
  };

  let found = await read(pushDown);
  // An entry that changed between the index read and its own no longer counts: read it all.
  if (pushDown !== undefined && found.ids === pushDown && found.entries.length < pushDown) {
    found = await read(undefined);
  }
  const sorted = found.entries.sort(byPublishAt);
  return limit === undefined ? sorted : sorted.slice(0, limit);
}

/** The indexes to read for `query`, and whether being in them is all the query asks besides the time range. */
function indexesFor(keys: ScheduleKeys, query: ScheduleQuery): { sources: string[]; exact: boolean } {
  const { seriesId, accounts, statuses } = query;
  if (seriesId !== undefined) {
    return { sources: [keys.series(seriesId)], exact: accounts === undefined && statuses === undefined };
  }
  if (accounts !== undefined) {
    return {
      sources: [...new Set(accounts.map(({ platform, accountId }) => keys.account(platform, accountId)))],
      exact: statuses === undefined,
    };
  }
  if (statuses !== undefined) return { sources: [...new Set(statuses.map(keys.status))], exact: true };
  return { sources: [keys.entries], exact: true };
}

/** Whether `entry` is one `query` asks for. */
function matches(entry: ScheduleEntry, query: ScheduleQuery): boolean {
  const at = entry.publishAt.getTime();
  if (query.from !== undefined && at < query.from.getTime()) return false;
  if (query.to !== undefined && at >= query.to.getTime()) return false;
  if (query.statuses !== undefined && !query.statuses.includes(entry.status)) return false;
  if (query.seriesId !== undefined && entry.seriesId !== query.seriesId) return false;
  const { accounts } = query;
  if (accounts === undefined) return true;
  return entry.targets.some((target) =>
    accounts.some(
      (account) => account.platform === target.platform && account.accountId === target.accountId,
    ),
  );
}

/** Oldest `publishAt` first, then by id in UTF-8 byte order, as sorted sets and claims order them. */
function byPublishAt(a: ScheduleEntry, b: ScheduleEntry): number {
  return (
    a.publishAt.getTime() - b.publishAt.getTime() || Buffer.compare(Buffer.from(a.id), Buffer.from(b.id))
  );
}
