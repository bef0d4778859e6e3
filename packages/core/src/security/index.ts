export { REDACTED, redactSecrets, redactUrl, SECRET_PARAMETER_NAMES } from './redact.js';
export { errorCodeIn, safeCause } from './safe-cause.js';
export { hmacSha256, timingSafeEqual, toBase64, toHex } from './signatures.js';
