/**
 * A simulated Instagram Graph API for tests, demos and benchmarks, built on `@smmkit/testkit`.
 * Apps that only publish never load it: it is the `./mocks` entry of `@smmkit/adapter-instagram`.
 *
 * @example
 * ```ts
 * import { createInstagramSimulator } from '@smmkit/adapter-instagram/mocks';
 * import { startSimulators } from '@smmkit/testkit';
 *
 * const ig = createInstagramSimulator();
 * const { account, accessToken } = ig.addAccount('ana');
 * const running = startSimulators(...ig.simulators);
 * ```
 *
 * @packageDocumentation
 */
export { INSTAGRAM_BUDGETS, type InstagramBucket } from './budgets.js';
export type { Container, ContainerMediaType, ContainerStatus, InstagramPostExtra } from './context.js';
export {
  createInstagramSimulator,
  type InstagramSimulator,
  type InstagramSimulatorAccount,
  type InstagramSimulatorOptions,
} from './create-instagram-simulator.js';
export {
  appUsageHeader,
  businessUseCaseHeader,
  instagramDialect,
  THROTTLE_ERRORS,
  tokenError,
} from './dialect.js';
export {
  type GraphErrorFields,
  graphErrorBody,
  PUBLISHING_ERRORS,
  type PublishingError,
  type PublishingErrors,
} from './errors.js';
export { MEDIA_METRICS, REMOVED_METRICS } from './insights.js';
export {
  CONTAINER_TTL_MS,
  CONTAINERS_PER_DAY,
  DEFAULT_QUOTA_TOTAL,
  IG_LONG_LIVED_TOKEN_TTL_S,
  LONG_LIVED_TOKEN_TTL_S,
  MAX_CAPTION_LENGTH,
} from './limits.js';
export type { SeedMediaOptions } from './seed.js';
export {
  type CommentChange,
  type InstagramWebhookPayload,
  instagramWebhook,
  type MentionChange,
  signInstagramWebhook,
  type WebhookUser,
} from './webhooks.js';
