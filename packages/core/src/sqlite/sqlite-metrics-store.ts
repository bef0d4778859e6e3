import type { DatabaseSync } from 'node:sqlite';
import { sampleKey } from '../app/metrics-keys.js';
import type { MetricsStore } from '../app/metrics-store.js';
import { migrate } from './database.js';
import { openSqliteStore, type StoreOperations } from './guarded-store.js';
import { postFromJson, postToJson, sampleFromJson, sampleToJson } from './metrics-json.js';
import { METRICS_MIGRATIONS } from './metrics-tables.js';
import { writeTransaction } from './write-transaction.js';

/** The metrics store's methods. */
const METRICS_OPERATIONS: StoreOperations<SqliteMetricsStore> = {
  recordPosts: 'record the published posts',
  posts: 'read the published posts',
  recordSamples: 'record the metric samples',
  samples: 'read the metric samples',
  close: 'close the database',
};

/** A {@link MetricsStore} in a SQLite file. */
export interface SqliteMetricsStore extends MetricsStore {
  /** Closes the database when the store opened it from a path; a connection you passed stays open. */
  close(): Promise<void>;
}

/**
 * Keeps the posts published through `createSmmkit` and their metric samples in a SQLite file on
 * Node's built-in `node:sqlite` (Node 22.13 or later): tables `smmkit_metric_posts` and
 * `smmkit_metric_samples` (component `metrics` in `smmkit_schema`, created or migrated when the
 * store opens). A sample is written with one upsert that keeps the reading with the latest
 * `observedAt`, so processes sharing the file never replace a newer reading with an older one.
 *
 * @param pathOrDatabase - the file (created when missing) or an open `DatabaseSync` to share
 * @returns the store
 * @throws ValidationError (never retryable) when the file is not an SQLite database, is damaged,
 *   or holds metrics tables newer than this smmkit knows; a method fails the same way when it finds
 *   the file damaged. The message says which and the hint what to do.
 * @throws TransientError (retryable) when the file cannot be opened or set up: locked by another
 *   connection past the busy timeout, a missing directory, a full disk. Each method fails the
 *   same way, naming the store and what it could not do, with the driver's error as an
 *   unprinted `cause`; errors of the data (a damaged row's `ValidationError`) pass as they are.
 *
 * @example
 * ```ts
 * import { sqliteMetricsStore } from '@smmkit/core/sqlite';
 *
 * const metrics = sqliteMetricsStore('smm.db');
 * await metrics.recordSamples(samples);
 * ```
 */
export function sqliteMetricsStore(pathOrDatabase: string | DatabaseSync): SqliteMetricsStore {
  return openSqliteStore(pathOrDatabase, 'metrics store', METRICS_OPERATIONS, metricsStoreOn);
}

/** {@link sqliteMetricsStore} on an open connection, its driver failures not yet typed. */
function metricsStoreOn(db: DatabaseSync, owned: boolean): SqliteMetricsStore {
  migrate(db, 'metrics', METRICS_MIGRATIONS.length, METRICS_MIGRATIONS);
  const upsertPost = db.prepare(
    `INSERT INTO smmkit_metric_posts (platform, account_id, post_id, json) VALUES (?, ?, ?, ?)
     ON CONFLICT (platform, account_id, post_id) DO UPDATE SET json = excluded.json`,
  );
  const selectPosts = db.prepare('SELECT json FROM smmkit_metric_posts');
  // Equal observedAt replaces (a re-read correction); an older reading changes nothing.
  const upsertSample = db.prepare(
    `INSERT INTO smmkit_metric_samples (key, observed_at, json) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET observed_at = excluded.observed_at, json = excluded.json
     WHERE excluded.observed_at >= smmkit_metric_samples.observed_at`,
  );
  const selectSamples = db.prepare('SELECT json FROM smmkit_metric_samples');

  return {
    recordPosts: async (posts) => {
      if (posts.length === 0) return;
      writeTransaction(db, () => {
        for (const post of posts) {
          upsertPost.run(post.platform, post.accountId, post.platformPostId, postToJson(post));
        }
      });
    },
    posts: async () => selectPosts.all().map((row) => postFromJson(String(row.json))),
    recordSamples: async (samples) => {
      if (samples.length === 0) return;
      writeTransaction(db, () => {
        for (const sample of samples) {
          upsertSample.run(sampleKey(sample), sample.observedAt.getTime(), sampleToJson(sample));
        }
      });
    },
    samples: async () => selectSamples.all().map((row) => sampleFromJson(String(row.json))),
    close: async () => {
      if (owned) db.close();
    },
  };
}
