import type { Clock } from '../time/clock.js';

/** A running lease renewal. */
export interface LeaseRenewal {
  /** Stops renewing (the publish is over); resolves once no renewal is in flight. */
  stop(): Promise<void>;
  /** Whether the lease is lost: the store refused a renewal, or none went through before it ran out. */
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
  /** Told once when the store refuses a renewal, or when renewals failed until the lease ran out. */
  readonly onLost: () => void;
}

/**
 * Keeps a worker's lease on an entry (or one of its targets) alive while its publish runs, which can take long (a
 * rate-limit window, a video's processing): renewed every third of `leaseMs`, so a live worker
 * never loses its entry, while a dead one's entry is taken over within one lease. A renewal that
 * throws (store unreachable) is tried again at the next beat, until the lease it last renewed has
 * run out: from then on another worker may hold the entry, so the lease counts as lost, as when
 * the store refuses a renewal. Either ends the renewal.
 *
 * @param input - how to renew, the lease length, the clock and what to do when the lease is lost
 * @returns the renewal, to stop when the publish is over
 */
export function renewLease(input: LeaseRenewalInput): LeaseRenewal {
  const { renew, leaseMs, clock } = input;
  const stopper = new AbortController();
  let lost = false;
  // The lease was taken (or last renewed) just before: it runs out about one lease from now.
  let heldUntil = clock.now() + leaseMs;
  const lose = (): void => {
    lost = true;
    input.onLost();
  };
  const loop = (async (): Promise<void> => {
    while (!stopper.signal.aborted) {
      try {
        await clock.sleep(Math.max(1, Math.floor(leaseMs / 3)), stopper.signal);
      } catch {
        return; // stopped
      }
      const until = clock.now() + leaseMs;
      let renewed: boolean;
      try {
        renewed = await renew(new Date(until));
      } catch {
        if (clock.now() < heldUntil) continue;
        lose();
        return;
      }
      if (!renewed) {
        lose();
        return;
      }
      heldUntil = until;
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
