/**
 * Where the Redis schedule store keeps what, every key under one prefix:
 *
 * - `entry:<id>`: a hash per entry (its JSON and the fields claims change; see entry-hash.ts);
 * - `targets:<id>`: while an entry is published target by target, per target its lease holder,
 *   lease end and result (`<platform>:<accountId>:holder`, `:until`, `:result`);
 * - `entries`, `status:<status>`, `series:<id>`, `account:<json [platform, accountId]>`: sorted
 *   sets of entry ids scored by `publishAt`, for ordered lists and due claims;
 * - `outbox:<key>`: a hash per outbox record; `outbox-unresolved`: the sending and unknown ones,
 *   scored by `startedAt`.
 */
export interface ScheduleKeys {
  /** The prefix every key starts with (scripts build entry and index keys from it). */
  readonly prefix: string;
  /** The hash of entry `id`. */
  entry(id: string): string;
  /** The per-target progress of entry `id` (claims target by target). */
  targets(id: string): string;
  /** Every entry. */
  readonly entries: string;
  /** The entries in `status`. */
  status(status: string): string;
  /** The occurrences of series `seriesId`. */
  series(seriesId: string): string;
  /** The entries with a target on (platform, accountId). */
  account(platform: string, accountId: string): string;
  /** The hash of outbox record `key`. */
  outbox(key: string): string;
  /** The outbox records still sending or unknown. */
  readonly unresolved: string;
}

/**
 * The keys of a store under `prefix`. Scripts name entry keys as `<prefix>entry:<id>` and status
 * keys as `<prefix>status:<status>` themselves, so those two shapes must stay as they are here.
 *
 * @param prefix - the start of every key
 * @returns the key layout
 */
export function scheduleKeys(prefix: string): ScheduleKeys {
  return {
    prefix,
    entry: (id) => `${prefix}entry:${id}`,
    targets: (id) => `${prefix}targets:${id}`,
    entries: `${prefix}entries`,
    status: (status) => `${prefix}status:${status}`,
    series: (seriesId) => `${prefix}series:${seriesId}`,
    // JSON keeps the two parts apart whatever characters the ids hold.
    account: (platform, accountId) => `${prefix}account:${JSON.stringify([platform, accountId])}`,
    outbox: (key) => `${prefix}outbox:${key}`,
    unresolved: `${prefix}outbox-unresolved`,
  };
}
