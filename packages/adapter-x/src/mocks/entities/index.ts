export { conversationIdOf, renderDmEvent } from './dm-event.js';
export { mediaKeyOf, mediaTypeOf, renderMedia, VIEWS_PER_HOUR } from './media.js';
export { METRICS_PER_HOUR, type RenderedTweet, renderTweet } from './tweet.js';
export { readFieldSelection, type TweetsPayload, tweetsPayload } from './tweets-payload.js';
export type {
  FieldSelection,
  XDmEventJson,
  XIncludesJson,
  XMediaJson,
  XTweetJson,
  XUserJson,
} from './types.js';
export { renderUser } from './user.js';
