import { compareText } from '../scheduler/compare-text.js';
import type { InboxItem } from './inbox-item.js';
import type { InboxPosition, InboxQuery } from './inbox-store.js';

/**
 * Text as the inbox compares it: NFKC-normalized (full-width and compatibility forms fold to
 * their plain letters) and lower-cased with Unicode's default case mapping, so `ÉCHEC` finds
 * `échec` and `ｒｅｆｕｎｄ` finds `refund`. Stores keep the folded text beside the item and
 * compare folded queries against it, so every store matches exactly alike.
 *
 * @param text - any text
 * @returns the folded text
 *
 * @example
 * ```ts
 * foldText('ÉCHEC Total'); // 'échec total'
 * ```
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The inbox's order: newest `createdAt` first, then platform, account id and id descending (by
 * UTF-16 code unit, which is SQLite's byte order for every id outside U+E000–U+FFFF).
 *
 * @returns negative when `a` comes first, as `Array.prototype.sort` wants
 */
export function compareNewestFirst(a: InboxPosition, b: InboxPosition): number {
  return (
    b.createdAt.getTime() - a.createdAt.getTime() ||
    compareText(b.platform, a.platform) ||
    compareText(b.accountId, a.accountId) ||
    compareText(b.id, a.id)
  );
}

/**
 * Whether an item is one `query` asks for (every field but `limit`). The in-memory store filters
 * with it; other stores must agree with it.
 *
 * @param item - the item
 * @param query - the query
 * @returns true when every given field of the query matches
 */
export function matchesInboxQuery(item: InboxItem, query: InboxQuery): boolean {
  const at = item.createdAt.getTime();
  if (query.platforms !== undefined && !query.platforms.includes(item.platform)) return false;
  if (query.kinds !== undefined && !query.kinds.includes(item.kind)) return false;
  if (query.statuses !== undefined && !query.statuses.includes(item.status)) return false;
  if (query.assignee !== undefined && (item.assignee ?? null) !== query.assignee) return false;
  if (query.tag !== undefined && !item.tags.includes(query.tag)) return false;
  if (query.from !== undefined && at < query.from.getTime()) return false;
  if (query.to !== undefined && at >= query.to.getTime()) return false;
  if (query.deleted !== undefined && (item.deletedAt !== undefined) !== query.deleted) return false;
  if (query.after !== undefined && compareNewestFirst(item, query.after) <= 0) return false;
  if (query.text !== undefined && !foldText(item.text).includes(foldText(query.text))) return false;
  const { accounts } = query;
  return (
    accounts === undefined ||
    accounts.some((account) => account.platform === item.platform && account.accountId === item.accountId)
  );
}
