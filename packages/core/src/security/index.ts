export { REDACTED, redactSecrets, redactUrl, SECRET_PARAMETER_NAMES } from './redact.js';
export { describeThrown, errorCodeIn, safeCause, type ThrownDescription } from './safe-cause.js';
export { hmacSha256, timingSafeEqual, toBase64, toHex } from './signatures.js';
