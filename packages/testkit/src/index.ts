/**
 * smmkit testkit: platform simulators on MSW — state, rate-limit windows, fault injection and a
 * request log — for adapter tests, demos and benchmarks; what every simulator repeats (accounts
 * with tokens, fan engagement, id paging) and the per-file test harness; `failureOf` to check
 * that a failure leaks no secret; `recordingFetch` and `allPages` for what adapter tests read.
 * The conformance suite is at `@smmkit/testkit/conformance`.
 *
 * @packageDocumentation
 */

export { allPages } from './all-pages.js';
export { assertNoSecretIn, type FailureOfOptions, failureOf, type Secrets } from './failure-of.js';
export { type RecordingFetch, type RecordingFetchHooks, recordingFetch } from './recording-fetch.js';
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
export { compareIds, createIdGenerator } from './simulator/id-generator.js';
export { IdempotencyKeys } from './simulator/idempotency-keys.js';
export {
  type ClientRequest,
  type ClientRequestOptions,
  readClientRequest,
} from './simulator/oauth-client.js';
export { type IdPage, type IdWindow, pageByIds } from './simulator/page-by-ids.js';
export { bearerToken, type PlatformDialect, type UnauthorizedReason } from './simulator/platform-dialect.js';
export {
  PlatformSimulator,
  type PlatformSimulatorOptions,
  type RouteContext,
  type RouteMethod,
  type RouteOptions,
  type RouteResolver,
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
export { type LoggedRequest, RequestLog } from './simulator/request-log.js';
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
export { seededRandom } from './simulator/seeded-random.js';
export { selectFields } from './simulator/select-fields.js';
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
export { type Clearable, type PostStore, SimulatorState } from './simulator/simulator-state.js';
export { type RunningSimulators, startSimulators } from './simulator/start-simulators.js';
export {
  type AccountWithTokens,
  Collection,
  growingCount,
  type Identified,
  type SimulatedAccount,
  type SimulatedEngagement,
  type SimulatedMedia,
  type SimulatedPost,
} from './simulator/state.js';
export { containsPhrase, containsWords, foldText } from './simulator/text-search.js';
export {
  type AbsentTokenCheck,
  type IssuedTokens,
  type IssueOptions,
  type RefusedTokenCheck,
  type TokenCheck,
  TokenRegistry,
  type ValidTokenCheck,
} from './simulator/token-registry.js';
export { withHeaders } from './simulator/with-headers.js';
