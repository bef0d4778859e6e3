export { AbortedError } from './aborted-error.js';
export { AmbiguousOutcomeError, type AmbiguousOutcomeErrorOptions } from './ambiguous-outcome-error.js';
export { AuthError } from './auth-error.js';
export type {
  AuthErrorCode,
  ErrorCode,
  MediaProcessingErrorCode,
  PlatformErrorCode,
  RateLimitErrorCode,
  TransientErrorCode,
} from './error-code.js';
export { MediaProcessingError, type MediaProcessingErrorOptions } from './media-processing-error.js';
export { PlatformError } from './platform-error.js';
export { RateLimitError, type RateLimitErrorOptions } from './rate-limit-error.js';
export { type PlatformErrorDetails, SmmkitError, type SmmkitErrorOptions } from './smmkit-error.js';
export { TransientError, type TransientErrorOptions } from './transient-error.js';
export { UnsupportedCapabilityError } from './unsupported-capability-error.js';
export { formatPath, ValidationError, type ValidationProblem } from './validation-error.js';
