import type { RateBudget } from '@smmkit/core/adapter-kit';

/** What the multi-process test hands each worker process (as JSON in `FLEET_WORLD`). */
export interface FleetWorld {
  /** The Redis every worker shares. */
  readonly redisUrl: string;
  /** Key prefix of the schedule store, the outbox and the rate budgets. */
  readonly prefix: string;
  /** BullMQ's key prefix and queue name for the wake-ups. */
  readonly bullPrefix: string;
  readonly queueName: string;
  /** Where the X simulator the test serves answers. */
  readonly xUrl: string;
  /** Access token by X account id. */
  readonly tokens: Readonly<Record<string, string>>;
  /** The budgets the workers' X adapter declares (small and short, so windows pass in seconds). */
  readonly budgets: readonly RateBudget[];
  /** The throttle's reserve (`safetyFraction`), `burstFraction` and reset skew, the same on every worker. */
  readonly safetyFraction: number;
  readonly burstFraction: number;
  readonly resetSkewMs: number;
  /** Scheduler lease and batch size, and how often the fleet sweeps for lapsed leases. */
  readonly leaseMs: number;
  readonly batchSize: number;
  readonly sweepEveryMs: number;
}

/** What a worker process tells the test. */
export type FleetMessage =
  | { readonly type: 'ready' }
  /** It claimed an entry (it may now send its post). */
  | { readonly type: 'claimed'; readonly id: string }
  /** The entry's outcome is written. */
  | { readonly type: 'done'; readonly id: string };
