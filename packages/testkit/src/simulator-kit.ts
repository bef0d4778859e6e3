/**
 * smmkit simulator kit: what a platform simulator is built from, for whoever writes one (an
 * adapter's `./mocks`). Routes and their context, the platform dialect (how a bearer token is
 * refused), state collections and seeding, rate-limit windows, OAuth consent screens, codes and
 * client authentication, request readers (params, JSON, multipart, field lists), JSON schema
 * checks, chunked uploads, idempotency keys, id paging and text search.
 *
 * Tests that use a simulator (an app's or an adapter's) import from `@smmkit/testkit`: the
 * simulator type, clocks, serving and starting simulators, the harness and `failureOf`.
 *
 * @packageDocumentation
 */

export {
  AuthorizationCodes,
  type AuthorizationCodesOptions,
  type AuthorizationGrant,
  type CodeExchange,
} from './simulator/authorization-codes.js';
export {
  type AuthorizationEndpoint,
  type AuthorizationRequest,
  authorizationRedirect,
  readAuthorizationUrl,
} from './simulator/authorization-url.js';
export {
  base64ByteLength,
  chunkByteLength,
  type UploadSession,
  UploadSessions,
} from './simulator/chunked-upload.js';
export { compareIds, createIdGenerator } from './simulator/id-generator.js';
export { IdempotencyKeys } from './simulator/idempotency-keys.js';
export {
  type ClientRequest,
  type ClientRequestOptions,
  readClientRequest,
} from './simulator/oauth-client.js';
export { type IdPage, type IdWindow, pageByIds } from './simulator/page-by-ids.js';
export { bearerToken, type PlatformDialect, type UnauthorizedReason } from './simulator/platform-dialect.js';
export type {
  PlatformSimulatorOptions,
  RouteContext,
  RouteMethod,
  RouteOptions,
  RouteResolver,
} from './simulator/platform-simulator.js';
export { PostLikes } from './simulator/post-likes.js';
export { queryList } from './simulator/query-list.js';
export {
  type RateBudgetRule,
  type RateDecision,
  RateLimiter,
  type RateWindow,
} from './simulator/rate-limiter.js';
export { readExtra } from './simulator/read-extra.js';
export { isJsonObject, type JsonBody, type JsonObject, readJsonBody } from './simulator/read-json-body.js';
export { type MultipartPart, readMultipart } from './simulator/read-multipart.js';
export { type RequestParams, readParams } from './simulator/request-params.js';
export {
  anything,
  arr,
  bool,
  checkSchema,
  int,
  obj,
  type SchemaCheck,
  type SchemaViolation,
  str,
} from './simulator/schema-check.js';
export type { FanPostOptions } from './simulator/seed-fan-posts.js';
export {
  type InboundItem,
  type SeedInboundOptions,
  type SeedOptions,
  seedInbound,
} from './simulator/seed-inbound.js';
export type {
  PublicAccountSeed,
  SeededPublicAccount,
  SeedPublicAccountOptions,
} from './simulator/seed-public-account.js';
export { selectFields } from './simulator/select-fields.js';
export { type Clearable, type PostStore, SimulatorState } from './simulator/simulator-state.js';
export { Collection, growingCount, type Identified } from './simulator/state.js';
export { containsPhrase, containsWords, foldText } from './simulator/text-search.js';
export {
  type AbsentTokenCheck,
  type IssueOptions,
  type RefusedTokenCheck,
  type TokenCheck,
  TokenRegistry,
  type ValidTokenCheck,
} from './simulator/token-registry.js';
export { withHeaders } from './simulator/with-headers.js';
