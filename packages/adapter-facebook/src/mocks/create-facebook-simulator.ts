import { createGraphSimulator, GRAPH_USE_CASES, type GraphSimulatorOptions } from '@smmkit/graph-api/mocks';
import { type AccountWithTokens, realClock } from '@smmkit/testkit';
import { createFacebookUsers, type SimulatedUserOptions } from './auth-users.js';
import { CommentStore } from './comments-store.js';
import type { FacebookContext } from './context.js';
import { registerAccountRoutes } from './routes/accounts.js';
import { registerCommentRoutes } from './routes/comments.js';
import { registerFeedRoutes } from './routes/feed.js';
import { registerInsightRoutes } from './routes/insights.js';
import { registerPhotoRoutes } from './routes/photos.js';
import { registerPostRoutes } from './routes/posts.js';
import { registerTaggedRoutes } from './routes/tagged.js';
import { type SeedCommentsOptions, seedComments, seedMentions } from './seed-engagement.js';
import { deliveryFor, signedDeliveryFor } from './webhooks.js';

/** Options of {@link createFacebookSimulator}. */
export interface FacebookSimulatorOptions extends Pick<GraphSimulatorOptions, 'clock' | 'budgets'> {
  /** The Graph origin to answer on. Default `https://graph.facebook.com`. */
  readonly baseUrl?: string | undefined;
}

/**
 * An MSW simulator of the Facebook Pages Graph API, built on `@smmkit/graph-api/mocks` (Graph
 * error bodies, any version, parameters in the query, form or JSON body, the token in the query
 * or a Bearer header, app and Pages budgets with usage headers, faults): Page feed posts with
 * links and attached photos, photos (published or not), the Page's recent posts and delete.
 * Pages are the simulator's accounts and each gets a Page token. Users (people) are added apart,
 * with a user token, roles on Pages and granted permissions: `/me/accounts` gives them the Page
 * tokens, and `consent` plays the Facebook Login dialog.
 *
 * @param options - origin, clock and budgets
 * @returns the simulator with helpers to add Pages
 *
 * @example
 * ```ts
 * const facebook = createFacebookSimulator();
 * const page = facebook.addPage('smmkit_page');
 * ```
 */
export function createFacebookSimulator(options: FacebookSimulatorOptions = {}) {
  const graph = createGraphSimulator({
    platform: 'facebook',
    baseUrl: options.baseUrl ?? 'https://graph.facebook.com',
    useCase: GRAPH_USE_CASES.pages,
    budgets: options.budgets,
    clock: options.clock ?? realClock,
  });
  const { sim, route } = graph;
  const context: FacebookContext = { sim, route };
  const comments = new CommentStore(sim);
  // Users (people) and their `/me/accounts` first: `/:version/:userId/accounts` is a literal edge.
  const users = createFacebookUsers(sim);
  registerAccountRoutes(context, users);
  // Literal edges first: `DELETE /:version/:postId` would not shadow them, but keep the order obvious.
  registerFeedRoutes(context);
  registerPhotoRoutes(context);
  registerInsightRoutes(context);
  registerTaggedRoutes(context);
  // Before the post routes: the comment node routes answer for comment ids and leave the rest to them.
  registerCommentRoutes(context, comments);
  registerPostRoutes(context);
  return {
    /** The simulator state: Pages, posts, photos, tokens, request log and faults. */
    sim,
    /** The Graph origin it answers on; pass it as the adapter's `baseUrl`. */
    baseUrl: sim.baseUrl,
    /**
     * Adds a Page with a Page access token (Page tokens from a long-lived user token do not
     * expire; https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
     */
    addPage: (name: string, page: { readonly followers?: number | undefined } = {}): AccountWithTokens =>
      sim.addAccountWithTokens({ handle: name, ...page }),
    /**
     * Fans comment `count` times on a Page post, or reply to one of its comments with
     * `replyTo`, a minute apart (newest at simulated now); each lands in the Page's inbox and is
     * listed by `GET /{post-id}/comments`.
     */
    seedComments: (postId: string, count: number, options?: SeedCommentsOptions) =>
      seedComments(sim, comments, postId, count, options),
    /** Fans post `count` times tagging the Page, a minute apart: `GET /{page-id}/tagged` lists them. */
    seedMentions: (pageId: string, count: number) => seedMentions(sim, pageId, count),
    /**
     * The webhook delivery Meta would send for a comment, reply or mention of the simulator
     * (`feed` comment or `mention` change, `object: 'page'`).
     */
    webhookDelivery: (engagementId: string) => deliveryFor(sim, comments, engagementId),
    /** That delivery (`webhookDelivery`) as Meta posts it, signed with `appSecret` (`X-Hub-Signature-256`). */
    signedWebhook: (engagementId: string, appSecret: string) =>
      signedDeliveryFor(sim, comments, engagementId, appSecret),
    /**
     * Adds a Facebook user (a person) with a long-lived user token, roles (tasks) on Pages and the
     * permissions granted to the app: `GET /me/accounts` with that token lists the Pages with a
     * Page token and the tasks, `GET /me/permissions` the permissions.
     */
    addUser: (name: string, options?: SimulatedUserOptions) => users.add(name, options),
    /**
     * The user approves a Facebook Login dialog URL: returns its redirect URI with `code` and
     * `state` (exchange the code on this simulator); the dialog's scopes become the permissions
     * the user granted.
     */
    consent: (authorizationUrl: string, userId: string): string => {
      const scopes = new URL(authorizationUrl).searchParams.get('scope') ?? '';
      users.recordConsent(
        userId,
        scopes.split(',').filter((scope) => scope !== ''),
      );
      return graph.consent(authorizationUrl, userId);
    },
  };
}

/** The simulator {@link createFacebookSimulator} returns. */
export type FacebookSimulator = ReturnType<typeof createFacebookSimulator>;
