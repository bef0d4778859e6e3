import * as z from 'zod/mini';

// Response schemas: only the fields the adapter reads, each optional where X may leave it out,
// and loose objects where the whole payload is kept (Engagement.raw). Shapes are checked against
// X's OpenAPI spec (https://api.x.com/2/openapi.json); where the newest spec renamed a field (tweet → post)
// both names are accepted, since the docs and the live API still use the old ones.

/**
 * A metrics object (`public_metrics`, `non_public_metrics`, …): names to counts, read tolerantly.
 * An object of any keys, as a record of strings to unknown is, without zod's record schema,
 * which nothing else the adapter parses needs.
 */
const MetricsSchema = z.looseObject({});

/**
 * One item of `errors[]`: RFC 7807 problem fields (`title`, `detail`, `type`) on v2 answers,
 * or `{code, message}` on legacy ones (https://docs.x.com/x-api/fundamentals/response-codes-and-errors;
 * `Problem`, `Error` in https://api.x.com/2/openapi.json).
 */
export const ProblemSchema = z.looseObject({
  /** Short summary (`Forbidden`, `Not Found Error`). */
  title: z.optional(z.string()),
  /** What went wrong, in words. */
  detail: z.optional(z.string()),
  /** Problem type URI (`https://api.x.com/2/problems/resource-not-found`, `about:blank`). */
  type: z.optional(z.string()),
  /** Legacy message. */
  message: z.optional(z.string()),
  /** Legacy numeric code (88: rate limit exceeded). */
  code: z.optional(z.union([z.number(), z.string()])),
});

/** One item of `errors[]`: problem fields or a legacy code and message. */
export type XProblem = z.output<typeof ProblemSchema>;

const ErrorsSchema = z.optional(z.array(ProblemSchema));

/**
 * `POST /2/tweets` → 201 `{data:{id, text}, errors?}` (`CreatePostsResponse` in
 * https://api.x.com/2/openapi.json).
 */
export const CreatePostResponseSchema = z.object({
  data: z.looseObject({ id: z.string(), text: z.optional(z.string()) }),
  errors: ErrorsSchema,
});

/** The created post as X returned it. */
export type XCreatedPost = z.output<typeof CreatePostResponseSchema>['data'];

/**
 * `DELETE /2/tweets/:id` → `{data:{deleted}}` (https://docs.x.com/x-api/posts/manage-tweets/introduction).
 */
export const DeletePostResponseSchema = z.object({ data: z.object({ deleted: z.boolean() }) });

/**
 * `PUT /2/tweets/:id/hidden` → `{data:{hidden}}` (https://docs.x.com/x-api/posts/hide-replies/introduction).
 */
export const HideReplyResponseSchema = z.object({ data: z.object({ hidden: z.optional(z.boolean()) }) });

/**
 * `POST /2/users/:id/likes` and `DELETE /2/users/:id/likes/:tweet_id` → `{data:{liked}}`
 * (https://docs.x.com/x-api/posts/likes/quickstart/manage-likes; `LikePostResponse`,
 * `UnlikePostResponse` in https://api.x.com/2/openapi.json).
 */
export const LikeResponseSchema = z.object({ data: z.object({ liked: z.optional(z.boolean()) }) });

/**
 * `processing_info` of a finalize or status answer
 * (https://docs.x.com/x-api/media/quickstart/media-upload-chunked). `error` is not in the newest spec but is
 * in the docs and in twitter-api-v2's types: read it when present.
 */
export const ProcessingInfoSchema = z.object({
  state: z.optional(z.string()),
  check_after_secs: z.optional(z.number()),
  progress_percent: z.optional(z.number()),
  error: z.optional(
    z.looseObject({
      code: z.optional(z.union([z.number(), z.string()])),
      name: z.optional(z.string()),
      message: z.optional(z.string()),
    }),
  ),
});

/** Processing state of uploaded media. */
export type XProcessingInfo = z.output<typeof ProcessingInfoSchema>;

/**
 * `POST /2/media/upload/initialize` → `{data:{id, media_key, expires_after_secs}}`
 * (https://docs.x.com/x-api/media/quickstart/media-upload-chunked).
 */
export const InitializeUploadResponseSchema = z.object({
  data: z.object({ id: z.string(), media_key: z.optional(z.string()) }),
});

/**
 * Finalize and `GET /2/media/upload?command=STATUS` → `{data:{id, processing_info?}}`
 * (https://docs.x.com/x-api/media/quickstart/media-upload-chunked).
 */
export const UploadStatusResponseSchema = z.object({
  data: z.object({ id: z.optional(z.string()), processing_info: z.optional(ProcessingInfoSchema) }),
});

/** A user as expanded in `includes.users` (`User` in https://api.x.com/2/openapi.json). */
export const UserSchema = z.looseObject({
  id: z.string(),
  username: z.optional(z.string()),
  name: z.optional(z.string()),
  public_metrics: z.optional(MetricsSchema),
});

/** A user. */
export type XUser = z.output<typeof UserSchema>;

/** The whole of a long post: its `text` (`PostNotePost` in https://api.x.com/2/openapi.json). */
const NoteSchema = z.looseObject({ text: z.optional(z.string()) });

/** A reference from a post to another (`replied_to`, `quoted`, `retweeted`). */
const ReferenceSchema = z.object({ type: z.string(), id: z.string() });

/**
 * A post (`Post` in https://api.x.com/2/openapi.json). Docs and live API say `referenced_tweets` and
 * `note_tweet`; the newest spec says `referenced_posts` and `note_post`: both are read. `text` holds only
 * the start of a long post, `note_tweet.text` all of it (post-text.ts).
 */
export const PostSchema = z.looseObject({
  id: z.string(),
  text: z.optional(z.string()),
  note_tweet: z.nullish(NoteSchema),
  note_post: z.nullish(NoteSchema),
  author_id: z.optional(z.string()),
  conversation_id: z.optional(z.string()),
  created_at: z.optional(z.string()),
  in_reply_to_user_id: z.optional(z.string()),
  referenced_tweets: z.optional(z.array(ReferenceSchema)),
  referenced_posts: z.optional(z.array(ReferenceSchema)),
  attachments: z.optional(z.object({ media_keys: z.nullish(z.array(z.string())) })),
  public_metrics: z.optional(MetricsSchema),
  non_public_metrics: z.optional(MetricsSchema),
  organic_metrics: z.optional(MetricsSchema),
});

/** A post as read back from X. */
export type XPost = z.output<typeof PostSchema>;

/** A media object as expanded in `includes.media` (`Media` in https://api.x.com/2/openapi.json). */
export const MediaObjectSchema = z.object({
  media_key: z.optional(z.string()),
  type: z.optional(z.string()),
  public_metrics: z.optional(MetricsSchema),
});

/** `includes` of a post lookup (`Expansions` in https://api.x.com/2/openapi.json). */
const IncludesSchema = z.optional(
  z.object({
    users: z.optional(z.array(UserSchema)),
    media: z.optional(z.array(MediaObjectSchema)),
  }),
);

/**
 * Pagination `meta` (`meta{result_count, newest_id, oldest_id, next_token}`:
 * https://docs.x.com/x-api/fundamentals/pagination).
 */
const MetaSchema = z.optional(z.object({ next_token: z.optional(z.string()) }));

/**
 * A page of posts: `GET /2/tweets`, `/2/users/:id/mentions`, `/2/users/:id/tweets`,
 * `/2/tweets/search/recent`. `data` is absent when nothing matched (or every id failed).
 */
export const PostListResponseSchema = z.object({
  data: z.optional(z.array(PostSchema)),
  includes: IncludesSchema,
  meta: MetaSchema,
  errors: ErrorsSchema,
});

/** A page of posts. */
export type XPostList = z.output<typeof PostListResponseSchema>;

/** `GET /2/users/me` → `{data: User}`. */
export const MeResponseSchema = z.object({ data: UserSchema });

/**
 * `GET /2/users/by/username/:username` → `{data: User}`, or a 200 with only `errors[]` when there
 * is no such user (`GetUsersByUsernameResponse` in https://api.x.com/2/openapi.json; X answers an
 * unknown username with a "Not Found Error" problem, https://docs.x.com/x-api/users/lookup/introduction).
 */
export const UserLookupResponseSchema = z.object({ data: z.optional(UserSchema), errors: ErrorsSchema });

/** A direct-message event (`DmEvent` in https://api.x.com/2/openapi.json). */
export const DmEventSchema = z.looseObject({
  id: z.string(),
  event_type: z.optional(z.string()),
  text: z.optional(z.string()),
  sender_id: z.optional(z.string()),
  created_at: z.optional(z.string()),
  dm_conversation_id: z.optional(z.string()),
});

/** A direct-message event. */
export type XDmEvent = z.output<typeof DmEventSchema>;

/** `GET /2/dm_events` (https://docs.x.com/x-api/direct-messages/lookup/introduction). */
export const DmEventListResponseSchema = z.object({
  data: z.optional(z.array(DmEventSchema)),
  includes: IncludesSchema,
  meta: MetaSchema,
});

/** `POST /2/dm_conversations/with/:participant_id/messages` → `{data:{dm_conversation_id, dm_event_id}}`. */
export const SendDmResponseSchema = z.object({
  data: z.object({ dm_conversation_id: z.string(), dm_event_id: z.string() }),
});

/** `POST /2/oauth2/token` (docs.x.com: OAuth 2.0 Authorization Code Flow with PKCE). */
export const TokenResponseSchema = z.object({
  access_token: z.string(),
  refresh_token: z.optional(z.string()),
  expires_in: z.optional(z.number()),
  scope: z.optional(z.string()),
});
