import type { RateBudget } from '@smmkit/core/adapter-kit';

/** What `pnpm bench:workers` hands each worker process (as JSON in `WORKERS_WORLD`). */
export interface WorkersWorld {
  /** The Redis every worker shares. */
  readonly redisUrl: string;
  /** Key prefix of the schedule store, the outbox and the rate budgets (one per run). */
  readonly prefix: string;
  /** BullMQ's key prefix and queue name for the wake-ups. */
  readonly bullPrefix: string;
  readonly queueName: string;
  /** Where the X simulator answers. */
  readonly xUrl: string;
  /** Access token by X account id. */
  readonly tokens: Readonly<Record<string, string>>;
  /** The budgets the workers' X adapter declares instead of X's own. */
  readonly budgets: readonly RateBudget[];
  /** The throttle's reset skew, scaled down with the windows. */
  readonly resetSkewMs: number;
  /** Entries a worker publishes at once. */
  readonly batchSize: number;
}
