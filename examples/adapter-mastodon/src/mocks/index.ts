/**
 * A simulated Mastodon server for tests, demos and benchmarks, built on `@smmkit/testkit`: the
 * template for other platforms' simulators.
 *
 * @example
 * ```ts
 * import { createMastodonSimulator } from '@smmkit/example-adapter-mastodon/mocks';
 * import { startSimulators } from '@smmkit/testkit';
 *
 * const mastodon = createMastodonSimulator();
 * const { accessToken } = mastodon.addAccount('ana');
 * const running = startSimulators(mastodon.sim);
 * ```
 *
 * @packageDocumentation
 */
export { MASTODON_BUDGETS } from './budgets.js';
export type { StatusExtra, StatusMention, StatusPoll, Visibility } from './context.js';
export {
  createMastodonSimulator,
  type MastodonSimulator,
  type MastodonSimulatorOptions,
} from './create-mastodon-simulator.js';
export { isoWithMicroseconds, mastodonDialect } from './dialect.js';
export { FAVOURITES_PER_HOUR, REBLOGS_PER_HOUR } from './entities/status.js';
export { statusLength, URL_LENGTH } from './status-text.js';
