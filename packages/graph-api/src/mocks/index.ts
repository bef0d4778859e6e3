/**
 * The Graph simulator base, built on `@smmkit/testkit`, that the Facebook Pages and Instagram
 * simulators are made of: `createGraphSimulator` (the Graph dialect, routes with any version,
 * parameters from anywhere, the app and Business Use Case budgets with usage headers and
 * throttling, Facebook Login), and helpers for Graph error bodies, parameters and `fields`,
 * cursor paging, token answers and webhook deliveries with their signature. Adapters never load
 * it: it is the `./mocks` entry of `@smmkit/graph-api`.
 *
 * @example
 * ```ts
 * import { createGraphSimulator, GRAPH_USE_CASES, graphPage } from '@smmkit/graph-api/mocks';
 *
 * const graph = createGraphSimulator({ platform: 'facebook', baseUrl: 'https://graph.facebook.com', useCase: GRAPH_USE_CASES.pages });
 * graph.route('GET', '/:version/:postId/comments', {}, ({ params, url, path }) =>
 *   graphPage(commentsOn(path.postId), { params, url }, 'newest', commentJson),
 * );
 * ```
 *
 * @packageDocumentation
 */
export { graphDialect, headerOrQueryToken, tokenError } from './dialect.js';
export {
  type GraphErrorFields,
  graphError,
  graphErrorBody,
  invalidParameter,
  missingPermission,
  unsupportedRequest,
} from './errors.js';
export {
  type AuthorizationGrant,
  type FacebookLoginSimulator,
  graphTokenAnswer,
  LONG_LIVED_TOKEN_TTL_S,
  missingParameter,
  unsupportedGrantType,
} from './facebook-login.js';
export { expandedEdge, nonexistingField } from './field-expansion.js';
export { forwardPage, pageLimit } from './forward-page.js';
export { GraphComments, type NewGraphComment } from './graph-comments.js';
export { createGraphSimulator, type GraphSimulator, type GraphSimulatorOptions } from './graph-simulator.js';
export { graphInstant, graphTime, type TimeBounds, timeBounds, unreadableTime } from './graph-time.js';
export {
  type EdgeLimit,
  type EdgeOrder,
  type EdgePage,
  type EdgeWindow,
  edgePage,
  graphPage,
} from './paging.js';
export {
  boolParam,
  type FieldModifier,
  fieldNames,
  fieldsParameter,
  type GraphParams,
  listParam,
  pick,
  type RequestedField,
  readGraphParams,
  requestedFields,
} from './params.js';
export { requirePermissions } from './permissions.js';
export type { GraphAnswer, GraphRequest, GraphRoute } from './route.js';
export { type RuploadOptions, type RuploadProgress, type RuploadTarget, registerRupload } from './rupload.js';
export { GRAPH_APP_BUDGET, GRAPH_USE_CASES, type GraphUseCase } from './use-cases.js';
export {
  type GraphWebhookDelivery,
  graphWebhookDelivery,
  graphWebhookRequest,
  signGraphWebhook,
} from './webhooks.js';
