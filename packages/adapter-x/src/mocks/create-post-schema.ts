import { anything, arr, bool, int, obj, type SchemaCheck, str } from '@smmkit/testkit';
import { POLL_LIMITS } from './limits.js';
import { ID_PATTERN } from './request-params.js';

const id = str({ pattern: ID_PATTERN });

/**
 * `reply_settings` values (the `CreatePostsRequest.reply_settings` enum in https://api.x.com/2/openapi.json).
 */
export const REPLY_SETTINGS = ['following', 'mentionedUsers', 'subscribers', 'verified'] as const;

const replySettings = str({ values: REPLY_SETTINGS });

/**
 * `CreatePostsRequest` of https://api.x.com/2/openapi.json (the body of POST /2/tweets), property by
 * property, with `additionalProperties: false` at every level as the spec declares.
 */
export const CREATE_POST_REQUEST: SchemaCheck = obj({
  card_uri: str(),
  community_id: id,
  direct_message_deep_link: str(),
  edit_options: obj({ previous_post_id: id }, ['previous_post_id']),
  for_super_followers_only: bool,
  geo: obj({ place_id: str() }, ['place_id']),
  made_with_ai: bool,
  media: obj(
    {
      call_to_actions: anything,
      description: str(),
      embeddable: bool,
      media_ids: arr(id, 1, 4),
      preview_media_id: id,
      tagged_user_ids: arr(id, 0, 10),
      title: str(),
    },
    ['media_ids'],
  ),
  nullcast: bool,
  paid_partnership: bool,
  poll: obj(
    {
      duration_minutes: int(POLL_LIMITS.minDurationMinutes, POLL_LIMITS.maxDurationMinutes),
      options: arr(
        str({ minLength: POLL_LIMITS.minOptionChars, maxLength: POLL_LIMITS.maxOptionChars }),
        POLL_LIMITS.minOptions,
        POLL_LIMITS.maxOptions,
      ),
      reply_settings: replySettings,
    },
    ['options', 'duration_minutes'],
  ),
  quote_tweet_id: id,
  reply: obj(
    { auto_populate_reply_metadata: bool, exclude_reply_user_ids: arr(str()), in_reply_to_tweet_id: id },
    ['in_reply_to_tweet_id'],
  ),
  reply_settings: replySettings,
  share_with_followers: bool,
  text: str(),
});

/**
 * The parts of a post that exclude each other: media, poll, quote_tweet_id and card_uri (`card_uri`
 * "is mutually exclusive from Quote Tweet Id, Poll, Media":
 * https://developer.x.com/en/docs/twitter-api/tweets/manage-tweets/api-reference/post-tweets).
 */
export const EXCLUSIVE_PARTS = ['media', 'poll', 'quote_tweet_id', 'card_uri'] as const;
