import {
  PlatformSimulator,
  type SimulatedAccount,
  type SimulatedEngagement,
  type SimulatedMedia,
  type SimulatedPost,
} from '@smmkit/testkit';
import { UrnCollection } from './urn-collection.js';

/**
 * The api.linkedin.com simulator: a `PlatformSimulator` whose tables are keyed by URN, as every
 * LinkedIn entity is (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/urns),
 * so `sim.posts.get(result.ref.platformPostId)` finds a post by the URN the adapter returns.
 *
 * @example
 * ```ts
 * const sim = new LinkedInApiSimulator({ platform: 'linkedin', baseUrl: 'https://api.linkedin.com', dialect: linkedInDialect });
 * ```
 */
export class LinkedInApiSimulator extends PlatformSimulator {
  /** Members and organizations, by URN. */
  override readonly accounts = new UrnCollection<SimulatedAccount>();
  /** Posts and comments, by URN. */
  override readonly posts = new UrnCollection<SimulatedPost>();
  /** Images, videos and documents, by URN. */
  override readonly media = new UrnCollection<SimulatedMedia>();
  /** Comments and reactions addressed to the account, by URN. */
  override readonly engagements = new UrnCollection<SimulatedEngagement>();
}
