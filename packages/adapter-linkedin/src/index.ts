/**
 * The smmkit adapter for LinkedIn (Community Management API, versioned `/rest` endpoints), built
 * on `@smmkit/core`: posts as a member or an organization (text, article, image, multi-image,
 * video in parts, document, poll), commentary in LinkedIn's little format with mentions and
 * hashtags, first comments, delete, share statistics and member post analytics, followers,
 * comments, replies and reactions, reconciliation, 3-legged OAuth with programmatic refresh,
 * daily limits and webhooks. The `./mocks` entry exports an MSW simulator of the API.
 *
 * @packageDocumentation
 */
export {
  type ExchangeLinkedInCodeOptions,
  exchangeLinkedInCode,
  LINKEDIN_AUTHORIZE_URL,
  LINKEDIN_TOKEN_URL,
  type LinkedInAuthorizationUrlOptions,
  type LinkedInTokenEndpointOptions,
  linkedInAuthorizationUrl,
  type RefreshLinkedInTokenOptions,
  refreshLinkedInToken,
} from './auth.js';
export {
  LINKEDIN_BUCKETS,
  type LinkedInCapabilitySettings,
  linkedInCapabilities,
  linkedInRateBudgets,
} from './capabilities.js';
export { classifyLinkedInError, type LinkedInErrorSettings, linkedInErrorDetails } from './classify-error.js';
export { createLinkedInAdapter, type LinkedInAdapter } from './create-linkedin-adapter.js';
export { nextUtcMidnight } from './daily-reset.js';
export { linkedInHeaders } from './http-client.js';
export {
  escapeLittleText,
  type LittleTextMention,
  plainFromLittleText,
  renderLittleText,
} from './little-text.js';
export {
  type LinkedInMention,
  LinkedInMentionSchema,
  type LinkedInPostOptions,
  LinkedInPostOptionsSchema,
} from './post-options.js';
export { LINKEDIN_DEFAULTS, type LinkedInSettings } from './settings.js';
export { decodeRestliKey, encodeUrn, isAuthorUrn, linkedInPostRef, linkedInPostUrl } from './urn.js';
export { POLL_QUESTION_MAX_LENGTH, validateLinkedInPost } from './validate.js';
export { notificationEngagements } from './webhook-payload.js';
export { isLinkedInSignature, linkedInChallengeResponse, linkedInSignature } from './webhook-signature.js';
export { createLinkedInWebhookHandler } from './webhooks.js';
