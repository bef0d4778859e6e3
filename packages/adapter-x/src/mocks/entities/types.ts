/**
 * A Post as the simulator answers it (`components.schemas.Post` in https://api.x.com/2/openapi.json;
 * https://docs.x.com/x-api/fundamentals/data-dictionary). `id`, `text` and the edit history are always there;
 * the other fields come with `tweet.fields` (or `post.fields`).
 */
export interface XTweetJson {
  /** The post id. */
  readonly id: string;
  /** The text. */
  readonly text: string;
  /** The other fields asked for (`author_id`, `public_metrics`, …). */
  readonly [field: string]: unknown;
}

/**
 * A User (`components.schemas.User` in https://api.x.com/2/openapi.json); `id`, `name` and `username` are the
 * defaults.
 */
export interface XUserJson {
  /** The user id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Handle, without `@`. */
  readonly username: string;
  /** The other fields asked for (`public_metrics`, `created_at`, …). */
  readonly [field: string]: unknown;
}

/** A Media object of `includes.media` (`components.schemas.Media` in https://api.x.com/2/openapi.json). */
export interface XMediaJson {
  /** `3_…`, `7_…` or `16_…` followed by the media id. */
  readonly media_key: string;
  /** `photo`, `video` or `animated_gif` (docs.x.com data dictionary, media object). */
  readonly type: 'photo' | 'video' | 'animated_gif';
  /** The other fields asked for (`public_metrics`, `alt_text`, …). */
  readonly [field: string]: unknown;
}

/** A DM event (`components.schemas.DmEvent` in https://api.x.com/2/openapi.json). */
export interface XDmEventJson {
  /** The DM event id. */
  readonly id: string;
  /** Always `MessageCreate` (the simulator has no join/leave events). */
  readonly event_type: 'MessageCreate';
  /** The message. */
  readonly text: string;
  /** The other fields asked for (`sender_id`, `created_at`, `dm_conversation_id`, …). */
  readonly [field: string]: unknown;
}
