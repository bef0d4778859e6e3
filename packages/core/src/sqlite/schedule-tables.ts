/**
 * The tables of the `scheduler` component (schedule entries, their targets and the outbox), one
 * step per version; `migrate` runs the steps a file lacks. Entries are kept as JSON, with the
 * columns the store queries by beside it, so that claiming and listing never parse rows they do
 * not return.
 */
export const SCHEDULER_MIGRATIONS: readonly string[] = [
  `CREATE TABLE smmkit_schedule_entries (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    publish_at INTEGER NOT NULL,
    series_id TEXT,
    lease_holder TEXT,
    lease_until INTEGER,
    json TEXT NOT NULL
  ) STRICT;
  -- claimDue: the oldest due entries of one state, read in index order.
  CREATE INDEX smmkit_schedule_entries_due ON smmkit_schedule_entries (status, publish_at, id);
  -- list: a date range, in order.
  CREATE INDEX smmkit_schedule_entries_time ON smmkit_schedule_entries (publish_at, id);
  CREATE INDEX smmkit_schedule_entries_series ON smmkit_schedule_entries (series_id, publish_at)
    WHERE series_id IS NOT NULL;
  -- list by account: which entries have a target on it.
  CREATE TABLE smmkit_schedule_targets (
    platform TEXT NOT NULL,
    account_id TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    PRIMARY KEY (platform, account_id, entry_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX smmkit_schedule_targets_entry ON smmkit_schedule_targets (entry_id);
  CREATE TABLE smmkit_outbox (
    key TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    account_id TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    settlement TEXT
  ) STRICT;
  CREATE INDEX smmkit_outbox_unresolved ON smmkit_outbox (started_at, key)
    WHERE status IN ('sending', 'unknown');`,
  // 2: the fingerprint of the post each outbox key was begun for (a key used again for another
  // post is refused). A nullable column added in place: processes still on version 1 go on
  // writing rows without it, which are never compared.
  'ALTER TABLE smmkit_outbox ADD COLUMN fingerprint TEXT;',
];
