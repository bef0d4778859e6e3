import { useSimulatorHarness } from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createXSimulator, type XSimulatorOptions } from '../../../src/mocks/index.js';
import { START } from './x-client.js';

/**
 * An X simulator for a test file that drives it directly, with no accounts: made on a manual clock
 * at {@link START}, started before the file's tests and closed after them, and reset (its state,
 * and the clock back to {@link START}) before each test. Accounts added at the top of the file
 * stay valid across the resets.
 *
 * @param options - the simulator's settings, but its clock
 * @returns the simulator `x` and its `clock`
 *
 * @example
 * ```ts
 * const { x, clock } = useXSimulator({ access: 'enterprise' });
 * const ana = x.addAccount('ana');
 * ```
 */
export function useXSimulator(options: Omit<XSimulatorOptions, 'clock'> = {}) {
  const { x, clock } = useSimulatorHarness({
    hooks: { beforeAll, afterAll, beforeEach },
    start: START,
    options,
    world: (simulatorOptions, kit) => {
      const simulator = createXSimulator({ ...simulatorOptions, clock: kit.clock });
      return { simulators: [simulator.sim], x: simulator };
    },
  });
  return { x, clock };
}
