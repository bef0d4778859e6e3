/**
 * The tables of the `metrics` component (published posts and their metric samples), one step per
 * version; `migrate` runs the steps a file lacks. Each post and sample is kept as JSON under its
 * key; a sample's `observed_at` (ms) beside it lets one statement keep the latest reading.
 */
export const METRICS_MIGRATIONS: readonly string[] = [
  `CREATE TABLE smmkit_metric_posts (
    platform TEXT NOT NULL,
    account_id TEXT NOT NULL,
    post_id TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (platform, account_id, post_id)
  ) STRICT;
  CREATE TABLE smmkit_metric_samples (
    key TEXT PRIMARY KEY,
    observed_at INTEGER NOT NULL,
    json TEXT NOT NULL
  ) STRICT;`,
];
