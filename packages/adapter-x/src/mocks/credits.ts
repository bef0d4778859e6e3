import type { Clearable } from '@smmkit/testkit/simulator-kit';

/**
 * The app's pay-per-use credit balance, as far as the simulator needs it: whether it is used up. X
 * bills every request against credits bought in the Developer Console and blocks requests "until
 * you add credits" (https://docs.x.com/x-api/getting-started/pricing). Starts with credits;
 * `clear()` (on the simulator's reset) tops it up again.
 */
export class XCredits implements Clearable {
  /** Whether the credits are used up, so every billed request gets X's 402. */
  depleted = false;

  /** Tops the balance up again. */
  clear(): void {
    this.depleted = false;
  }
}
