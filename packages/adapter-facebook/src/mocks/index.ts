/**
 * The MSW simulator of the Facebook Pages Graph API, built on `@smmkit/graph-api/mocks` and
 * `@smmkit/testkit`. Apps never load it: it is the `./mocks` entry of `@smmkit/adapter-facebook`.
 *
 * @example
 * ```ts
 * import { createFacebookSimulator } from '@smmkit/adapter-facebook/mocks';
 *
 * const facebook = createFacebookSimulator();
 * ```
 *
 * @packageDocumentation
 */
export {
  PAGE_ADMIN_TASKS,
  type SimulatedFacebookUser,
  type SimulatedPageRole,
  type SimulatedUserOptions,
} from './auth-users.js';
export {
  createFacebookSimulator,
  type FacebookSimulator,
  type FacebookSimulatorOptions,
} from './create-facebook-simulator.js';
export type { SeedCommentsOptions } from './seed-engagement.js';
export {
  type FeedCommentChange,
  facebookWebhook,
  type MentionChange,
  type WebhookSender,
} from './webhooks.js';
