/** What every process of the example shares, handed to each worker as JSON in `SCALE_OUT`. */
export interface ScaleOutSettings {
  /** The Redis all workers share. */
  readonly redisUrl: string;
  /** The prefix of the store's, outbox's and budgets' keys; BullMQ's keys start with it plus `bull`. */
  readonly prefix: string;
  /** Where X answers (the simulator here; leave it out for the real API). */
  readonly xBaseUrl: string;
  /** Access token by X account id (an app would use `redisTokenStore` and refreshing providers). */
  readonly tokens: Readonly<Record<string, string>>;
}

/** The BullMQ prefix and queue every process uses. */
export const wakeupQueue = (settings: ScaleOutSettings) => ({
  connection: settings.redisUrl,
  prefix: `${settings.prefix}bull`,
  queueName: 'scale-out-wakeups',
});
