import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
import * as z from 'zod/mini';
import { HttpUrlSchema } from '../models/http-url.js';
import { InstantSchema } from '../models/instant.js';
import { PostRefSchema } from '../models/post-ref.js';
import { EntryErrorSchema } from '../models/schedule-entry.js';
import { parseModel } from '../parse/parse-model.js';
import type { Outbox, OutboxRecord, OutboxSettlement, OutboxStatus } from '../scheduler/outbox.js';

/** A settlement as read back from its JSON (instants back to `Date`). */
const SettlementSchema = /* @__PURE__ */ (() =>
  z.object({
    status: z.enum(['published', 'failed', 'unknown']),
    ref: z.optional(PostRefSchema),
    url: z.optional(HttpUrlSchema),
    publishedAt: z.optional(InstantSchema),
    scheduledFor: z.optional(InstantSchema),
    error: z.optional(EntryErrorSchema),
    settledAt: InstantSchema,
  }))();

/** The columns of an outbox row, in the order {@link fromRow} reads them. */
const COLUMNS = 'key, platform, account_id, status, started_at, settlement, fingerprint';

/**
 * The {@link Outbox} of the SQLite schedule store, in `smmkit_outbox` (created by the `scheduler`
 * migrations). Each call is one statement, so atomic across every connection to the file: of two
 * `begin`s with one key, one inserts and the other finds its row.
 *
 * @param db - a connection whose `scheduler` tables are migrated
 * @returns the outbox
 */
export function sqliteOutbox(db: DatabaseSync): Outbox {
  const insert = db.prepare(
    `INSERT INTO smmkit_outbox (key, platform, account_id, status, started_at, fingerprint)
     VALUES (?, ?, ?, 'sending', ?, ?)
     ON CONFLICT (key) DO NOTHING`,
  );
  const select = db.prepare(`SELECT ${COLUMNS} FROM smmkit_outbox WHERE key = ?`);
  const retry = db.prepare(
    `UPDATE smmkit_outbox SET status = 'sending', started_at = ?, fingerprint = ?, settlement = NULL
     WHERE key = ? AND status = 'failed'`,
  );
  const settle = db.prepare(
    `INSERT INTO smmkit_outbox (key, platform, account_id, status, started_at, settlement) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET status = excluded.status, settlement = excluded.settlement
     WHERE smmkit_outbox.status <> 'published'`,
  );
  // Same condition as the partial index smmkit_outbox_unresolved, so that it is used.
  const unresolved = db.prepare(
    `SELECT ${COLUMNS} FROM smmkit_outbox WHERE status IN ('sending', 'unknown') ORDER BY started_at, key`,
  );

  return {
    begin: async (intent) => {
      const { changes } = insert.run(
        intent.key,
        intent.platform,
        intent.accountId,
        intent.startedAt.getTime(),
        intent.fingerprint ?? null,
      );
      if (Number(changes) === 1) return undefined;
      const row = select.get(intent.key);
      return row === undefined ? undefined : fromRow(row);
    },
    retry: async (key, startedAt, fingerprint) =>
      Number(retry.run(startedAt.getTime(), fingerprint ?? null, key).changes) === 1,
    settle: async (key, settlement) => {
      const json = JSON.stringify(settlement);
      // Read back before it is written, so that a record that could not be read is never kept.
      readSettlement(json);
      // A key nobody began is kept too (a settlement is never lost); its intent is then what the
      // settlement tells: the post's platform and account when there is a ref, the settling time.
      settle.run(
        key,
        settlement.ref?.platform ?? '',
        settlement.ref?.accountId ?? '',
        settlement.status,
        settlement.settledAt.getTime(),
        json,
      );
    },
    record: async (key) => {
      const row = select.get(key);
      return row === undefined ? undefined : fromRow(row);
    },
    unresolved: async () => unresolved.all().map(fromRow),
  };
}

/** The record of an `smmkit_outbox` row. */
function fromRow(row: Record<string, SQLOutputValue>): OutboxRecord {
  const settlement = typeof row.settlement === 'string' ? readSettlement(row.settlement) : undefined;
  return {
    key: String(row.key),
    platform: String(row.platform),
    accountId: String(row.account_id),
    startedAt: new Date(Number(row.started_at)),
    status: String(row.status) as OutboxStatus,
    ...(typeof row.fingerprint === 'string' ? { fingerprint: row.fingerprint } : {}),
    ...(settlement === undefined ? {} : { settlement }),
  };
}

/**
 * A settlement from its JSON, through the schema (instants back to `Date`).
 *
 * @throws ValidationError when the JSON is not a valid settlement
 */
function readSettlement(json: string): OutboxSettlement {
  return parseModel(SettlementSchema, JSON.parse(json), 'outbox settlement');
}
