/**
 * The tables of the `inbox` component (items, polling cursors, seen ids), one step per version;
 * `migrate` runs the steps a file lacks. Items are kept as JSON, with the columns queries filter
 * and order by beside it, so listing never parses a row it does not return.
 */
export const INBOX_MIGRATIONS: readonly string[] = [
  `CREATE TABLE smmkit_inbox_items (
    platform TEXT NOT NULL,
    id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    assignee TEXT,
    tags TEXT NOT NULL,
    text_folded TEXT NOT NULL,
    deleted_at INTEGER,
    json TEXT NOT NULL,
    PRIMARY KEY (platform, id)
  ) STRICT;
  -- list: newest first, resumed after a position, read in index order.
  CREATE INDEX smmkit_inbox_items_newest ON smmkit_inbox_items (created_at DESC, platform DESC, id DESC);
  CREATE INDEX smmkit_inbox_items_account ON smmkit_inbox_items (platform, account_id, created_at);
  CREATE INDEX smmkit_inbox_items_status ON smmkit_inbox_items (status, created_at);
  CREATE TABLE smmkit_inbox_cursors (
    platform TEXT NOT NULL,
    account_id TEXT NOT NULL,
    source TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (platform, account_id, source)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE smmkit_inbox_seen_ids (
    scope TEXT NOT NULL,
    id TEXT NOT NULL,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (scope, id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX smmkit_inbox_seen_ids_time ON smmkit_inbox_seen_ids (seen_at);`,
  // Version 2: an item is one engagement of one account. One platform object can engage two of
  // the app's accounts (a post mentioning both); keyed by platform and id, the second copy was
  // dropped. SQLite cannot change a primary key in place: copy the rows into a new table.
  `CREATE TABLE smmkit_inbox_items_by_account (
    platform TEXT NOT NULL,
    id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    assignee TEXT,
    tags TEXT NOT NULL,
    text_folded TEXT NOT NULL,
    deleted_at INTEGER,
    json TEXT NOT NULL,
    PRIMARY KEY (platform, account_id, id)
  ) STRICT;
  INSERT INTO smmkit_inbox_items_by_account SELECT * FROM smmkit_inbox_items;
  DROP TABLE smmkit_inbox_items;
  ALTER TABLE smmkit_inbox_items_by_account RENAME TO smmkit_inbox_items;
  CREATE INDEX smmkit_inbox_items_newest ON smmkit_inbox_items (created_at DESC, platform DESC, account_id DESC, id DESC);
  CREATE INDEX smmkit_inbox_items_account ON smmkit_inbox_items (platform, account_id, created_at);
  CREATE INDEX smmkit_inbox_items_status ON smmkit_inbox_items (status, created_at);`,
];
