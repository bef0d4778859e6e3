import type { Clearable } from '@smmkit/testkit/simulator-kit';

/**
 * The app's pay-per-use billing, as far as the simulator needs it: whether the credits are used up,
 * and whether the spending limit is reached. X bills every request against credits bought in the
 * Developer Console and blocks requests "until you add credits"; with a spending limit set, "When
 * the limit is reached, API requests will be blocked until the next billing cycle"
 * (https://docs.x.com/x-api/getting-started/pricing). Starts with credits and no limit reached;
 * `clear()` (on the simulator's reset) puts both back.
 */
export class XCredits implements Clearable {
  /** Whether the credits are used up, so every billed request gets X's 402. */
  depleted = false;
  /** Whether the spending limit for the billing cycle is reached, so every billed request gets X's 403. */
  spendCapReached = false;

  /** Tops the balance up again and lifts the spending limit. */
  clear(): void {
    this.depleted = false;
    this.spendCapReached = false;
  }
}
