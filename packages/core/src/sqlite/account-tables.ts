/**
 * The tables of the `accounts` component (the registry of connected accounts), one step per
 * version; `migrate` runs the steps a file lacks. Each account is kept as JSON, with the columns
 * lookups use beside it; one platform account belongs to one id.
 */
export const ACCOUNT_MIGRATIONS: readonly string[] = [
  `CREATE TABLE smmkit_accounts (
    id TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    account_id TEXT NOT NULL,
    json TEXT NOT NULL,
    UNIQUE (platform, account_id)
  ) STRICT;`,
];
