import { GraphIdSchema, GraphPagingSchema } from '@smmkit/graph-api';
import * as z from 'zod/mini';

// Response schemas: only the fields the adapter reads, optional where Meta may leave them out,
// loose objects where the whole payload is kept (Engagement.raw). Shapes follow the reference
// pages of IG User, IG Media, IG Comment and their insights
// (https://developers.facebook.com/docs/instagram-platform/reference). Graph ids (`GraphIdSchema`)
// are strings; numbers are accepted and turned into strings.

/** A Graph list: `{data:[…], paging}`, both left out when Meta has nothing to say. */
function graphList<Item extends z.ZodMiniType>(item: Item) {
  return z.looseObject({ data: z.optional(z.array(item)), paging: GraphPagingSchema });
}

/** `POST /{ig-user-id}/media`, `media_publish`, `comments`, `replies` → `{id}` (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
export const IdResponseSchema = z.looseObject({
  id: GraphIdSchema,
  /** With `upload_type=resumable`: where to send the bytes (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
  uri: z.optional(z.string()),
});

/** `GET /{container-id}?fields=status_code,status` (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container). */
export const ContainerStatusSchema = z.looseObject({
  id: z.optional(GraphIdSchema),
  /** `IN_PROGRESS`, `FINISHED`, `ERROR`, `EXPIRED`, `PUBLISHED`. */
  status_code: z.optional(z.string()),
  /** Free text; on `ERROR` it holds the sub-code (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container). */
  status: z.optional(z.string()),
});

/** `GET /{ig-media-id}?fields=permalink,shortcode,timestamp` (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media). */
export const MediaDetailsSchema = z.looseObject({
  id: z.optional(GraphIdSchema),
  permalink: z.optional(z.string()),
  shortcode: z.optional(z.string()),
  timestamp: z.optional(z.string()),
});

/**
 * `GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config` →
 * `{data:[{quota_usage, config:{quota_total, quota_duration}}]}` (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit).
 */
export const PublishingLimitSchema = z.looseObject({
  data: z.optional(
    z.array(
      z.looseObject({
        quota_usage: z.optional(z.number()),
        config: z.optional(
          z.looseObject({ quota_total: z.optional(z.number()), quota_duration: z.optional(z.number()) }),
        ),
      }),
    ),
  ),
});

/** `GET /{ig-user-id}?fields=followers_count,media_count` (IGUser.json fields). */
export const AccountCountsSchema = z.looseObject({
  id: z.optional(GraphIdSchema),
  followers_count: z.optional(z.number()),
  media_count: z.optional(z.number()),
});

/** An IG comment (IGComment.json fields: from, hidden, id, parent_id, text, timestamp, username, media). */
export const CommentSchema = z.looseObject({
  id: GraphIdSchema,
  text: z.optional(z.string()),
  timestamp: z.optional(z.string()),
  username: z.optional(z.string()),
  from: z.optional(z.looseObject({ id: z.optional(GraphIdSchema), username: z.optional(z.string()) })),
  hidden: z.optional(z.boolean()),
  parent_id: z.optional(GraphIdSchema),
  media: z.optional(z.looseObject({ id: z.optional(GraphIdSchema) })),
});

/** An IG comment as read. */
export type InstagramComment = z.output<typeof CommentSchema>;

/** `GET /{ig-media-id}/comments`, `GET /{ig-comment-id}/replies` (https://developers.facebook.com/docs/instagram-platform/comment-moderation). */
export const CommentListSchema = graphList(CommentSchema);

/** The IG Media fields every media read here has (IGMedia.json: id, caption, timestamp, permalink). */
const MediaFields = {
  id: GraphIdSchema,
  caption: z.optional(z.string()),
  timestamp: z.optional(z.string()),
  permalink: z.optional(z.string()),
};

/**
 * The fields of another account's public media (a hashtag's, business discovery's): the
 * {@link MediaFields}, `media_type` and the two public counts (`like_count` is left out when the
 * owner hides like counts).
 */
const PublicMediaFields = {
  ...MediaFields,
  media_type: z.optional(z.string()),
  like_count: z.optional(z.number()),
  comments_count: z.optional(z.number()),
};

/** An IG media item (IGMedia.json fields: id, caption, timestamp, permalink, username, owner). */
export const MediaItemSchema = z.looseObject({
  ...MediaFields,
  username: z.optional(z.string()),
  owner: z.optional(z.looseObject({ id: z.optional(GraphIdSchema) })),
});

/** An IG media item as read. */
export type InstagramMediaItem = z.output<typeof MediaItemSchema>;

/** `GET /{ig-user-id}/media` and `GET /{ig-user-id}/tags` (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/tags; IGUser.json). */
export const MediaListSchema = graphList(MediaItemSchema);

/**
 * The `instagram_business_account{id,username,name}` of a Page in `GET /me/accounts`: the
 * Instagram professional account linked to the Page
 * (https://developers.facebook.com/docs/graph-api/reference/user/accounts/,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user).
 */
export const LinkedInstagramAccountSchema = z.looseObject({
  id: GraphIdSchema,
  username: z.optional(z.string()),
  name: z.optional(z.string()),
});

/** The fields of an Instagram Login code grant (auth.ts, `exchangeInstagramCode`). */
const CodeGrantFields = {
  access_token: z.optional(z.string().check(z.minLength(1))),
  user_id: z.optional(GraphIdSchema),
  /** Comma-separated in Meta's examples; a list is accepted too. */
  permissions: z.optional(z.union([z.string(), z.array(z.string())])),
};

/**
 * `POST https://api.instagram.com/oauth/access_token` → `{access_token, user_id, permissions?}`,
 * or the same inside `data:[…]` (both appear in Meta's Instagram Login pages; auth.ts).
 */
export const InstagramCodeGrantSchema = z.looseObject({
  ...CodeGrantFields,
  data: z.optional(z.array(z.looseObject(CodeGrantFields))),
});

/**
 * `GET /ig_hashtag_search?user_id&q` → `{data:[{id}]}`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag-search).
 */
export const HashtagSearchSchema = z.looseObject({
  data: z.optional(z.array(z.looseObject({ id: GraphIdSchema }))),
});

/**
 * `GET /{ig-user-id}/recently_searched_hashtags?fields=id,name&limit=30` → `{data:[{id, name?}]}`
 * (https://developers.facebook.com/docs/instagram-api/reference/ig-user/recently_searched_hashtags).
 */
export const RecentlySearchedHashtagsSchema = z.looseObject({
  data: z.optional(z.array(z.looseObject({ id: GraphIdSchema, name: z.optional(z.string()) }))),
});

/**
 * A public media of a hashtag's `recent_media`, only the returnable fields read: no username
 * and no owner (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag/recent-media).
 */
export const HashtagMediaSchema = z.looseObject(PublicMediaFields);

/** A public media of a hashtag as read. */
export type InstagramHashtagMedia = z.output<typeof HashtagMediaSchema>;

/** A page of `GET /{ig-hashtag-id}/recent_media`: `after` cursors only. */
export const HashtagMediaListSchema = graphList(HashtagMediaSchema);

/**
 * `GET /{ig-user-id}?fields=business_discovery.username({username}){…}` →
 * `{business_discovery:{id, username, name, followers_count, follows_count, media_count,
 * media:{data, paging}}, id}`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/business_discovery).
 */
export const BusinessDiscoverySchema = z.looseObject({
  business_discovery: z.looseObject({
    id: GraphIdSchema,
    username: z.optional(z.string()),
    name: z.optional(z.string()),
    followers_count: z.optional(z.number()),
    follows_count: z.optional(z.number()),
    media_count: z.optional(z.number()),
    /**
     * Its public media, the fields the adapter asks for
     * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/business_discovery).
     */
    media: z.optional(graphList(z.looseObject(PublicMediaFields))),
  }),
});

/**
 * `GET /{ig-user-id}/insights?metric=follower_demographics&period=lifetime&metric_type=total_value&breakdown=…`
 * → `{data:[{name, period, total_value:{breakdowns:[{dimension_keys, results:[{dimension_values, value}]}]}}]}`
 * (https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights).
 */
export const FollowerDemographicsSchema = z.looseObject({
  data: z.optional(
    z.array(
      z.looseObject({
        name: z.optional(z.string()),
        total_value: z.optional(
          z.looseObject({
            breakdowns: z.optional(
              z.array(
                z.looseObject({
                  dimension_keys: z.optional(z.array(z.string())),
                  results: z.optional(
                    z.array(
                      z.looseObject({
                        dimension_values: z.optional(z.array(z.string())),
                        value: z.optional(z.number()),
                      }),
                    ),
                  ),
                }),
              ),
            ),
          }),
        ),
      }),
    ),
  ),
});
