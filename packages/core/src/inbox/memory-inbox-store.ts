import { deepCopy } from '../scheduler/deep-copy.js';
import { applyInboxPatch, engagementRefKey, type InboxItem, newInboxItem } from './inbox-item.js';
import { compareNewestFirst, matchesInboxQuery } from './inbox-query.js';
import type { InboxCursor, InboxSource, InboxStore } from './inbox-store.js';

/**
 * An {@link InboxStore} in memory: for tests and for apps that run one process and may lose the
 * inbox on restart. Engagements are checked with the schema when added and items are copied
 * deeply in and out, so changing an item you got never changes the store. Every call runs to
 * its end without awaiting, so each is atomic in JavaScript's single thread. Nothing survives
 * the process; use `sqliteInboxStore` (`@smmkit/core/sqlite`) for that.
 *
 * @returns an empty store
 *
 * @example
 * ```ts
 * const store = memoryInboxStore();
 * const added = await store.add([engagement], { receivedAt: new Date() });
 * added[0]?.status; // 'new'
 * ```
 */
export function memoryInboxStore(): InboxStore {
  const items = new Map<string, InboxItem>();
  const cursors = new Map<string, InboxCursor>();
  const seen = new Map<string, number>();
  /** Every item, newest first; rebuilt after an add. */
  let ordered: InboxItem[] | undefined;

  const sorted = (): InboxItem[] => {
    ordered ??= [...items.values()].sort(compareNewestFirst);
    return ordered;
  };

  return {
    add: async (engagements, { receivedAt, cursor }) => {
      const made = engagements.map((engagement) => newInboxItem(engagement, receivedAt));
      const added: InboxItem[] = [];
      for (const item of made) {
        const key = engagementRefKey(item);
        if (items.has(key)) continue;
        items.set(key, item);
        added.push(item);
      }
      if (added.length > 0) ordered = undefined;
      if (cursor !== undefined) cursors.set(sourceKey(cursor.source), deepCopy(cursor.cursor));
      return added.map(deepCopy);
    },
    get: async (ref) => {
      const item = items.get(engagementRefKey(ref));
      return item === undefined ? undefined : deepCopy(item);
    },
    list: async (query = {}) => {
      const limit =
        query.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(query.limit));
      const found: InboxItem[] = [];
      for (const item of sorted()) {
        if (found.length >= limit) break;
        if (matchesInboxQuery(item, query)) found.push(deepCopy(item));
      }
      return found;
    },
    update: async (ref, patch, at) => {
      const key = engagementRefKey(ref);
      const item = items.get(key);
      if (item === undefined) return undefined;
      const next = applyInboxPatch(item, patch, at);
      items.set(key, next);
      // Patches never change createdAt, platform, account or id: the order holds; swap the object in place.
      if (ordered !== undefined) ordered[ordered.indexOf(item)] = next;
      return deepCopy(next);
    },
    getCursor: async (source) => {
      const cursor = cursors.get(sourceKey(source));
      return cursor === undefined ? undefined : deepCopy(cursor);
    },
    setCursor: async (source, cursor) => {
      if (cursor === undefined) cursors.delete(sourceKey(source));
      else cursors.set(sourceKey(source), deepCopy(cursor));
    },
    markSeenIds: async (scope, ids, at) => {
      const fresh: string[] = [];
      for (const id of ids) {
        const key = seenKey(scope, id);
        if (seen.has(key)) continue;
        seen.set(key, at.getTime());
        fresh.push(id);
      }
      return fresh;
    },
    unmarkSeenIds: async (scope, ids) => {
      for (const id of ids) seen.delete(seenKey(scope, id));
    },
    seenIdsAt: async (scope, ids) =>
      ids.map((id) => {
        const at = seen.get(seenKey(scope, id));
        return at === undefined ? undefined : new Date(at);
      }),
    moveSeenIds: async (scope, moves, to) =>
      moves.flatMap(({ id, from }) => {
        const key = seenKey(scope, id);
        if (seen.get(key) !== from.getTime()) return [];
        seen.set(key, to.getTime());
        return [id];
      }),
    forgetSeenIds: async (before) => {
      let forgotten = 0;
      for (const [key, at] of seen) {
        if (at >= before.getTime()) continue;
        seen.delete(key);
        forgotten += 1;
      }
      return forgotten;
    },
  };
}

function seenKey(scope: string, id: string): string {
  return JSON.stringify([scope, id]);
}

function sourceKey(source: InboxSource): string {
  return JSON.stringify([source.platform, source.accountId, source.source]);
}
