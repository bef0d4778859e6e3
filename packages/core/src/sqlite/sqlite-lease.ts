import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { TransientError } from '../errors/transient-error.js';
import type { Clock } from '../time/clock.js';
import { migrate } from './database.js';

/** The tables of the `leases` component, one statement per version. */
const LEASE_MIGRATIONS = [
  'CREATE TABLE smmkit_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL) STRICT',
];

/** First and longest pause between two tries to take a lease, in ms. */
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 100;

/** How a lease is held and waited for. */
export interface LeaseTiming {
  /** How long a lease lasts unless released, in ms: how long a crashed holder blocks the others. */
  readonly leaseMs: number;
  /** How long to wait for a lease someone else holds before giving up, in ms. */
  readonly waitMs: number;
  /** Time source, for the lease's end and the pauses between tries. */
  readonly clock: Clock;
}

/**
 * Named leases in the shared SQLite file (`smmkit_leases`): a lock that processes sharing the
 * file respect, and that ends by itself `leaseMs` after it was taken, so a holder that crashed
 * blocks the others for at most that long.
 */
export class SqliteLeases {
  readonly #db: DatabaseSync;
  readonly #timing: LeaseTiming;
  readonly #failure: (error: unknown) => unknown;

  /**
   * @param db - the shared connection; its `smmkit_leases` table is created when missing
   * @param timing - lease length, wait and clock
   * @param failure - what an error of the file while taking a lease becomes (a typed error);
   *   what `work` throws is never passed to it
   */
  constructor(db: DatabaseSync, timing: LeaseTiming, failure: (error: unknown) => unknown) {
    migrate(db, 'leases', LEASE_MIGRATIONS.length, LEASE_MIGRATIONS);
    this.#db = db;
    this.#timing = timing;
    this.#failure = failure;
  }

  /**
   * Runs `work` holding the lease `name`, waiting for it while another holder has it, and
   * releases it when `work` settles (unless it ran out and someone else took it meanwhile).
   *
   * @throws TransientError when the lease stayed taken for `waitMs`; what `failure` makes of an
   *   error of the file while taking it; what `work` threw, as it threw it
   */
  async run<T>(name: string, work: () => Promise<T>): Promise<T> {
    const holder = randomUUID();
    try {
      await this.#acquire(name, holder);
    } catch (error) {
      throw this.#failure(error);
    }
    try {
      return await work();
    } finally {
      // A release that fails (the file stayed busy) must not turn the work's outcome into an
      // error: the lease ends by itself after leaseMs.
      try {
        this.#db.prepare('DELETE FROM smmkit_leases WHERE name = ? AND holder = ?').run(name, holder);
      } catch {}
    }
  }

  async #acquire(name: string, holder: string): Promise<void> {
    const { clock, leaseMs, waitMs } = this.#timing;
    // Takes the lease when it is free or its holder's time ran out; one statement, so atomic.
    const take = this.#db.prepare(
      `INSERT INTO smmkit_leases (name, holder, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE smmkit_leases.expires_at <= ?`,
    );
    const giveUpAt = clock.now() + waitMs;
    let pause = FIRST_PAUSE_MS;
    for (;;) {
      const now = clock.now();
      if (Number(take.run(name, holder, now + leaseMs, now).changes) === 1) return;
      if (now >= giveUpAt) {
        throw new TransientError(
          'transient',
          `The lease "${name}" stayed taken for ${waitMs} ms: another process holds it.`,
          { hint: 'Try again later; a lease whose holder died ends by itself.' },
        );
      }
      // Jittered so that waiting processes do not retry in lockstep.
      await clock.sleep(pause / 2 + Math.random() * pause);
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  }
}
