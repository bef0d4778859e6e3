/**
 * The Meta Graph API layer the Facebook Pages and Instagram adapters share, built on
 * `@smmkit/core/adapter-kit`: the version and host, an HTTP client that reads Graph error bodies
 * and usage headers (`X-App-Usage`, `X-Business-Use-Case-Usage`), a classifier each platform
 * extends with its own codes, Graph ids and paging, the webhook handler (`hub.challenge`,
 * `X-Hub-Signature-256`, deliveries), Facebook Login and token exchange, and the calls both
 * platforms make alike: the engagement walk (`listGraphEngagements`), replies and comment
 * moderation, insights and the resumable-upload host (`uploadToRupload`). The `./mocks` entry
 * exports the Graph simulator base the platforms' simulators are built on.
 *
 * @example
 * ```ts
 * import { classifyGraphError, createGraphHttpClient, GRAPH_API_ORIGIN, GRAPH_API_VERSION } from '@smmkit/graph-api';
 *
 * const http = createGraphHttpClient({
 *   platform: 'facebook',
 *   baseUrl: `${GRAPH_API_ORIGIN}/${GRAPH_API_VERSION}`,
 *   classifyError: classifyGraphError(),
 * });
 * ```
 *
 * @packageDocumentation
 */
export { OAuthValue, scopesIncluding } from './auth/authorization-request.js';
export { classifyCodeExchangeError } from './auth/code-exchange-error.js';
export {
  createFacebookLogin,
  type ExchangeFacebookCodeOptions,
  type ExchangeFacebookTokenOptions,
  FACEBOOK_LOGIN_DIALOG_ORIGIN,
  type FacebookLogin,
  type FacebookLoginAuthorizationUrlOptions,
  type FacebookLoginOptions,
} from './auth/facebook-login.js';
export {
  type GraphAuthOptions,
  type GraphAuthTarget,
  type GraphTokenRequest,
  graphAuthClient,
  graphAuthTransportShape,
  requestGraphToken,
} from './auth/graph-auth.js';
export {
  type ManagedPage,
  ManagedPageSchema,
  type ManagedPagesOptions,
  type ManagedPagesRequest,
  managedPages,
} from './auth/managed-pages.js';
export { classifyGraphError, type GraphErrorOverride, type GraphFailure } from './classify-graph-error.js';
export { deleteGraphComment, hideGraphComment } from './engagement/comment-moderation.js';
export {
  GRAPH_MAX_PAGE_SIZE,
  type GraphEdgePage,
  type GraphEdgeRequest,
  type GraphEngagementEdges,
  listGraphEngagements,
} from './engagement/list-graph-engagements.js';
export { type GraphReply, postGraphReply } from './engagement/reply.js';
export { type EveryGraphPageOptions, everyGraphPage, type GraphListPage } from './every-graph-page.js';
export { type GraphError, graphErrorDetails, readGraphError } from './graph-error.js';
export { createGraphHttpClient, type GraphHttpOptions } from './graph-http-client.js';
export {
  GRAPH_LOCATION_SETTINGS,
  GRAPH_TRANSPORT_SETTINGS,
  type GraphSettings,
  type ResolvedGraphSettings,
  resolveGraphSettings,
} from './graph-settings.js';
export { assertGraphSuccess, GraphSuccessSchema } from './graph-success.js';
export { parseGraphTime } from './graph-time.js';
export { GRAPH_API_ORIGIN, GRAPH_API_VERSION, GraphVersionSetting } from './graph-version.js';
export {
  type GraphInsight,
  GraphInsightSchema,
  type GraphInsightsRequest,
  readGraphInsights,
} from './insights.js';
export { GRAPH_USAGE_BUCKET, parseGraphUsage } from './parse-graph-usage.js';
export type { GraphPlatform } from './platform.js';
export { type RuploadRequest, uploadToRupload } from './rupload.js';
export { GraphIdSchema, GraphPagingSchema, graphNextCursor } from './schemas.js';
export { graphTokenErrorAdvice } from './token-error-advice.js';
export { type GraphWebhookChange, readGraphWebhookChanges } from './webhooks/graph-webhook-changes.js';
export { type GraphWebhookOptions, graphWebhookHandler } from './webhooks/graph-webhook-handler.js';
