/** What the crash bench's parent hands each worker process (as a JSON file). */
export interface CrashWorld {
  /** The SQLite file every worker shares. */
  readonly db: string;
  /** How long a claimed entry stays leased, ms: how long a killed worker's entries wait. */
  readonly leaseMs: number;
  /** Where the X simulator answers. */
  readonly x: { readonly url: string };
  /** Where the Mastodon simulator answers. */
  readonly mastodon: { readonly url: string };
  /** Access token by `platform:accountId`. */
  readonly tokens: Readonly<Record<string, string>>;
}
