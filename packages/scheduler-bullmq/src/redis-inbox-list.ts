import {
  compareNewestFirst,
  type EngagementRef,
  type InboxItem,
  type InboxPosition,
  type InboxQuery,
  matchesInboxQuery,
  parseInboxItem,
} from '@smmkit/core/inbox';
import type { Redis } from 'ioredis';

/** How many positions one read of the order takes (a group of equal times is always read whole). */
const CHUNK = 200;

/** Where the inbox keeps its items and their order. */
export interface InboxListKeys {
  /** The items hash: item field (`[platform, accountId, id]` as JSON) → the item's JSON. */
  readonly items: string;
  /** The order: item fields scored by `createdAt`, epoch ms. */
  readonly order: string;
}

/**
 * The field an item is kept under: `[platform, accountId, id]` as JSON, which keeps the three
 * apart whatever characters they hold. The account is part of it: one platform object that
 * engages two of the app's accounts is two items.
 *
 * @param ref - the item, or which one
 * @returns the field
 */
export function itemField({ platform, accountId, id }: EngagementRef): string {
  return JSON.stringify([platform, accountId, id]);
}

/**
 * The items `query` asks for, in the inbox's order (newest `createdAt` first, then platform,
 * account and id descending, as core's `compareNewestFirst`). Walks the order newest first a chunk at a
 * time between the query's instants (`from`, `to`, `after`), sorts each chunk with core's
 * comparison (Redis orders equal times by bytes, core by UTF-16 units: each group of equal
 * times is read whole and sorted here), and keeps the items `matchesInboxQuery` accepts until
 * `limit`. Items are never removed and never move, so a list read while items are added gives
 * each item it returns once.
 *
 * @param redis - the connection
 * @param keys - where the items and their order are
 * @param query - the query
 * @returns the items
 * @throws ValidationError when a kept item does not read back (edited by hand or damaged)
 */
export async function listInboxItems(
  redis: Redis,
  keys: InboxListKeys,
  query: InboxQuery,
): Promise<InboxItem[]> {
  const limit = query.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(query.limit));
  const found: InboxItem[] = [];
  if (limit === 0) return found;
  const { after } = query;
  const lower = query.from === undefined ? '-inf' : String(query.from.getTime());
  let upper = upperBound(query);
  for (;;) {
    const reply = await redis.zrevrangebyscore(keys.order, upper, lower, 'WITHSCORES', 'LIMIT', 0, CHUNK);
    if (reply.length === 0) return found;
    const full = reply.length / 2 === CHUNK;
    const lastScore = reply.at(-1) ?? '';
    const kept: { field: string; score: string }[] = [];
    for (let index = 0; index + 1 < reply.length; index += 2) {
      const score = reply[index + 1] ?? '';
      if (!full || score !== lastScore) kept.push({ field: reply[index] ?? '', score });
    }
    // The chunk may have cut the last time's group short: read it whole.
    if (full) {
      for (const field of await redis.zrangebyscore(keys.order, lastScore, lastScore))
        kept.push({ field, score: lastScore });
    }
    const positions = kept
      .map(({ field, score }) => ({ field, position: positionOf(field, score) }))
      .filter(({ position }) => after === undefined || compareNewestFirst(position, after) > 0)
      .sort((a, b) => compareNewestFirst(a.position, b.position));
    if (positions.length > 0) {
      const texts = await redis.hmget(keys.items, ...positions.map(({ field }) => field));
      for (const text of texts) {
        if (text === null) continue;
        const item = parseInboxItem(JSON.parse(text));
        if (!matchesInboxQuery(item, query)) continue;
        found.push(item);
        if (found.length >= limit) return found;
      }
    }
    if (!full) return found;
    upper = `(${lastScore}`;
  }
}

/** The newest score a query reaches: before `to` (exclusive), at most `after`'s time, or any. */
function upperBound(query: InboxQuery): string {
  const to = query.to?.getTime();
  const after = query.after?.createdAt.getTime();
  if (after !== undefined && (to === undefined || after < to)) return String(after);
  return to === undefined ? '+inf' : `(${to}`;
}

/** The position of the item kept under `field` with order score `score`. */
function positionOf(field: string, score: string): InboxPosition {
  const [platform, accountId, id] = JSON.parse(field) as [string, string, string];
  return { createdAt: new Date(Number(score)), platform, accountId, id };
}
