import type { Clock } from '../time/clock.js';

/** A running lease renewal. */
export interface LeaseRenewal {
  /** Stops renewing (the publish is over); resolves once no renewal is in flight. */
  stop(): Promise<void>;
  /** Whether the store refused a renewal: another worker holds the entry now. */
  readonly lost: () => boolean;
}

/** What {@link renewLease} needs. */
export interface LeaseRenewalInput {
  /**
   * Extends the lease to `until` in the store (`store.renewLease` for an entry,
   * `store.renewTargetLease` for a target). @returns false when the store refused: the lease is lost
   */
  readonly renew: (until: Date) => Promise<boolean>;
  /** The lease's length: it is renewed every third of it. */
  readonly leaseMs: number;
  /** Time source of the beats. */
  readonly clock: Clock;
  /** Told once when the store refuses a renewal. */
  readonly onLost: () => void;
}

/**
 * Keeps a worker's lease on an entry (or one of its targets) alive while its publish runs, which can take long (a
 * rate-limit window, a video's processing): renewed every third of `leaseMs`, so a live worker
 * never loses its entry, while a dead one's entry is taken over within one lease. A renewal that
 * throws (store unreachable) is tried again at the next beat; one the store refuses ends the
 * renewal.
 *
 * @param input - how to renew, the lease length, the clock and what to do when the lease is lost
 * @returns the renewal, to stop when the publish is over
 */
export function renewLease(input: LeaseRenewalInput): LeaseRenewal {
  const { renew, leaseMs, clock } = input;
  const stopper = new AbortController();
  let lost = false;
  const loop = (async (): Promise<void> => {
    while (!stopper.signal.aborted) {
      try {
        await clock.sleep(Math.max(1, Math.floor(leaseMs / 3)), stopper.signal);
      } catch {
        return; // stopped
      }
      let renewed: boolean;
      try {
        renewed = await renew(new Date(clock.now() + leaseMs));
      } catch {
        continue;
      }
      if (!renewed) {
        lost = true;
        input.onLost();
        return;
      }
    }
  })();
  return {
    lost: () => lost,
    stop: async () => {
      stopper.abort();
      await loop;
    },
  };
}
