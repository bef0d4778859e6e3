/**
 * smmkit testkit: what a test that uses a platform simulator needs — the simulator type and the
 * state it keeps (`PlatformSimulator`: posts, media, engagement, accounts with tokens, a request
 * log, fault injection), clocks that skip waits, starting simulators in-process or serving them
 * over HTTP, the per-file test harness, `failureOf` to check that a failure leaks no secret, and
 * `recordingFetch` and `allPages` for what adapter tests read. The simulators themselves are in
 * each adapter's `/mocks` entry (`@smmkit/adapter-x/mocks`, …).
 *
 * What a simulator is built from is at `@smmkit/testkit/simulator-kit`; the conformance suite is
 * at `@smmkit/testkit/conformance`.
 *
 * @packageDocumentation
 */

export { allPages } from './all-pages.js';
export { assertNoSecretIn, type FailureOfOptions, failureOf, type Secrets } from './failure-of.js';
export { type RecordingFetch, type RecordingFetchHooks, recordingFetch } from './recording-fetch.js';
export {
  type FastForwardClock,
  type FastForwardOptions,
  fastForwardClock,
} from './simulator/fast-forward-clock.js';
export {
  FAULT_KINDS,
  FaultInjector,
  type FaultKind,
  type RandomFaults,
  type ScriptedFault,
} from './simulator/fault-injector.js';
export { PlatformSimulator } from './simulator/platform-simulator.js';
export { type LoggedRequest, RequestLog } from './simulator/request-log.js';
export { seededRandom } from './simulator/seeded-random.js';
export { type ServedSimulators, serveSimulators } from './simulator/serve-simulators.js';
export { type ManualClock, manualClock, realClock, type SimClock } from './simulator/sim-clock.js';
export {
  type HarnessKit,
  type HarnessWorld,
  type SimulatorHarness,
  type SimulatorHarnessOptions,
  type TestHooks,
  useSimulatorHarness,
} from './simulator/simulator-harness.js';
export { type RunningSimulators, startSimulators } from './simulator/start-simulators.js';
export type {
  AccountWithTokens,
  SimulatedAccount,
  SimulatedEngagement,
  SimulatedMedia,
  SimulatedPost,
} from './simulator/state.js';
export type { IssuedTokens } from './simulator/token-registry.js';
