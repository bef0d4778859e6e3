import type { SQLInputValue } from 'node:sqlite';
import { type InboxItem, parseInboxItem } from '../inbox/inbox-item.js';
import { foldText } from '../inbox/inbox-query.js';
import type { InboxCursor, InboxQuery } from '../inbox/inbox-store.js';

/**
 * The values of an item's row, in the column order of `smmkit_inbox_items` after its key
 * (platform, id, account id).
 */
export function itemColumns(item: InboxItem): SQLInputValue[] {
  return [
    item.kind,
    item.createdAt.getTime(),
    item.status,
    item.assignee ?? null,
    JSON.stringify(item.tags),
    foldText(item.text),
    item.deletedAt?.getTime() ?? null,
    JSON.stringify(item),
  ];
}

/**
 * Reads an item from its row's JSON, through the schema (instants back to `Date`).
 *
 * @throws ValidationError when the row does not hold a valid item (edited by hand or damaged)
 */
export function itemFromJson(json: string): InboxItem {
  return parseInboxItem(JSON.parse(json));
}

/** A cursor as its row keeps it: instants as epoch milliseconds. */
export function cursorToJson(cursor: InboxCursor): string {
  const ms = (date: Date | undefined) => date?.getTime();
  return JSON.stringify({
    since: ms(cursor.since),
    walk:
      cursor.walk === undefined
        ? undefined
        : { since: ms(cursor.walk.since), newest: ms(cursor.walk.newest), cursor: cursor.walk.cursor },
  });
}

/** A cursor read back from {@link cursorToJson}'s text. */
export function cursorFromJson(json: string): InboxCursor {
  const stored = JSON.parse(json) as {
    since?: number;
    walk?: { since?: number; newest?: number; cursor: string };
  };
  const { walk } = stored;
  return {
    ...(stored.since === undefined ? {} : { since: new Date(stored.since) }),
    ...(walk === undefined
      ? {}
      : {
          walk: {
            ...(walk.since === undefined ? {} : { since: new Date(walk.since) }),
            ...(walk.newest === undefined ? {} : { newest: new Date(walk.newest) }),
            cursor: walk.cursor,
          },
        }),
  };
}

/**
 * The SQL of an {@link InboxQuery} and its parameters, in the order `matchesInboxQuery` defines;
 * lists of values go in as one JSON parameter. Text is matched against the folded text column
 * with the query folded the same way (`foldText`), never with SQLite's ASCII-only `lower()`.
 */
export function listQuery(query: InboxQuery): { sql: string; params: SQLInputValue[] } {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  const add = (clause: string, ...values: SQLInputValue[]): void => {
    where.push(clause);
    params.push(...values);
  };
  const inList = (column: string, values: readonly string[]): void =>
    add(`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(values));
  if (query.platforms !== undefined) inList('platform', query.platforms);
  if (query.kinds !== undefined) inList('kind', query.kinds);
  if (query.statuses !== undefined) inList('status', query.statuses);
  if (query.assignee === null) add('assignee IS NULL');
  else if (query.assignee !== undefined) add('assignee = ?', query.assignee);
  if (query.tag !== undefined) add('EXISTS (SELECT 1 FROM json_each(tags) WHERE value = ?)', query.tag);
  if (query.text !== undefined) add('instr(text_folded, ?) > 0', foldText(query.text));
  if (query.from !== undefined) add('created_at >= ?', query.from.getTime());
  if (query.to !== undefined) add('created_at < ?', query.to.getTime());
  if (query.deleted !== undefined) add(query.deleted ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL');
  if (query.after !== undefined) {
    const { createdAt, platform, accountId, id } = query.after;
    add(
      '(created_at, platform, account_id, id) < (?, ?, ?, ?)',
      createdAt.getTime(),
      platform,
      accountId,
      id,
    );
  }
  if (query.accounts !== undefined) {
    add(
      `(platform, account_id) IN (SELECT value ->> 'platform', value ->> 'accountId' FROM json_each(?))`,
      JSON.stringify(query.accounts.map(({ platform, accountId }) => ({ platform, accountId }))),
    );
  }
  let sql = `SELECT json FROM smmkit_inbox_items${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, platform DESC, account_id DESC, id DESC`;
  if (query.limit !== undefined) {
    sql += ' LIMIT ?';
    params.push(Math.max(0, Math.floor(query.limit)));
  }
  return { sql, params };
}
