export { classifyByStatus } from './classify-by-status.js';
export {
  type AuthPlacement,
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type QueryValues,
} from './http-client.js';
export {
  type AnsweredRequest,
  describeFailure,
  type ErrorClassifier,
  errorOptionsFrom,
  type PlatformResponse,
  type RateLimitParser,
} from './platform-response.js';
export type { RateLimitInfo, RateLimitScope } from './rate-limit-info.js';
export { parseRetryAfter } from './retry-after.js';
