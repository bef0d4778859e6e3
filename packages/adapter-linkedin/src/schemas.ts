import * as z from 'zod/mini';

// Response schemas: only the fields the adapter reads, optional where LinkedIn may leave them out,
// loose where the whole payload is kept (Engagement.raw). Shapes from the Community Management
// pages on learn.microsoft.com/linkedin cited beside each.

/**
 * `POST /rest/images|documents?action=initializeUpload` →
 * `{value:{uploadUrl, uploadUrlExpiresAt, image | document}}`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api;
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/documents-api).
 */
export const InitializeUploadSchema = z.object({
  value: z.object({ uploadUrl: z.string(), image: z.optional(z.string()), document: z.optional(z.string()) }),
});

/** One part of a video upload: PUT bytes `firstByte`..`lastByte` (inclusive) to `uploadUrl`. */
export const UploadInstructionSchema = z.object({
  uploadUrl: z.string(),
  firstByte: z.number(),
  lastByte: z.number(),
});

/** One part of a video upload. */
export type UploadInstruction = z.output<typeof UploadInstructionSchema>;

/**
 * `POST /rest/videos?action=initializeUpload` →
 * `{value:{video, uploadToken, uploadInstructions:[{uploadUrl, firstByte, lastByte}]}}`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api).
 */
export const InitializeVideoUploadSchema = z.object({
  value: z.object({
    video: z.string(),
    uploadToken: z.optional(z.string()),
    uploadInstructions: z.array(UploadInstructionSchema).check(z.minLength(1)),
  }),
});

/**
 * `GET /rest/images|videos|documents/{urn}`: the asset's `status` (`WAITING_UPLOAD`,
 * `PROCESSING`, `AVAILABLE`, `PROCESSING_FAILED`), and for videos a failure reason.
 */
export const MediaStatusSchema = z.looseObject({
  id: z.optional(z.string()),
  status: z.optional(z.string()),
  processingFailureReason: z.optional(z.string()),
});

/** A media asset's processing state. */
export type LinkedInMediaStatus = z.output<typeof MediaStatusSchema>;

/**
 * A post as `GET /rest/posts` returns it
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 */
export const PostSchema = z.looseObject({
  id: z.string(),
  author: z.optional(z.string()),
  commentary: z.optional(z.string()),
  createdAt: z.optional(z.number()),
  publishedAt: z.optional(z.number()),
  /** A reshare's context: the post it reshares (`parent`) and the chain's first (`root`). */
  reshareContext: z.optional(z.looseObject({ parent: z.optional(z.string()) })),
});

/** A post as LinkedIn returns it. */
export type LinkedInPost = z.output<typeof PostSchema>;

/** Rest.li paging of a collection: `start`, `count`, and `total` when known. */
export const PagingSchema = z.object({
  start: z.optional(z.number()),
  count: z.optional(z.number()),
  total: z.optional(z.number()),
});

/** `GET /rest/posts?q=author` → `{elements, paging}`. */
export const PostsPageSchema = z.object({
  elements: z.array(PostSchema),
  paging: z.optional(PagingSchema),
});

/** Who did something, with when: Rest.li's `AuditStamp` (`{actor, time}`). */
const AuditStampSchema = z.looseObject({ actor: z.optional(z.string()), time: z.optional(z.number()) });

/**
 * A comment (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api):
 * `id`, the comment URN (`commentUrn`, `$URN` in older answers), `actor`, `object` (the post),
 * `message.text`, `created`, and `parentComment` for a reply.
 */
export const CommentSchema = z.looseObject({
  id: z.optional(z.string()),
  commentUrn: z.optional(z.string()),
  $URN: z.optional(z.string()),
  actor: z.optional(z.string()),
  object: z.optional(z.string()),
  message: z.optional(z.looseObject({ text: z.optional(z.string()) })),
  created: z.optional(AuditStampSchema),
  parentComment: z.optional(z.string()),
});

/** A comment as LinkedIn returns it. */
export type LinkedInComment = z.output<typeof CommentSchema>;

/** `GET /rest/socialActions/{urn}/comments` → `{elements, paging}`. */
export const CommentsPageSchema = z.object({
  elements: z.array(CommentSchema),
  paging: z.optional(PagingSchema),
});

/**
 * The token endpoint's answer (https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow
 * and programmatic-refresh-tokens): `refresh_token` and its expiry only for apps allowed refresh tokens.
 */
export const TokenResponseSchema = z.object({
  access_token: z.string(),
  expires_in: z.optional(z.number()),
  refresh_token: z.optional(z.string()),
  refresh_token_expires_in: z.optional(z.number()),
  scope: z.optional(z.string()),
});

/**
 * A reaction (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api):
 * its id (`urn:li:reaction:({actor},{entity})`), `root` (the post), `reactionType` (`LIKE`,
 * `PRAISE`, `EMPATHY`, `INTEREST`, `APPRECIATION`, `ENTERTAINMENT`) and `created`.
 */
export const ReactionSchema = z.looseObject({
  id: z.optional(z.string()),
  root: z.optional(z.string()),
  reactionType: z.optional(z.string()),
  created: z.optional(AuditStampSchema),
});

/** A reaction as LinkedIn returns it. */
export type LinkedInReaction = z.output<typeof ReactionSchema>;

/** `GET /rest/reactions/(entity:{urn})?q=entity` → `{elements, paging}`. */
export const ReactionsPageSchema = z.object({
  elements: z.array(ReactionSchema),
  paging: z.optional(PagingSchema),
});

/** A follower count split the way LinkedIn splits it: organic and paid. */
const FollowerCountsSchema = z.looseObject({
  organicFollowerCount: z.optional(z.number()),
  paidFollowerCount: z.optional(z.number()),
});

/** One facet's list: each element names its bucket under the facet's own key (`seniority`, `geo`, …). */
const FacetSchema = z.optional(z.array(z.looseObject({ followerCounts: z.optional(FollowerCountsSchema) })));

/**
 * `GET /rest/organizationalEntityFollowerStatistics?q=organizationalEntity&organizationalEntity={org}`
 * without `timeIntervals` → `{elements:[{organizationalEntity, followerCountsBy…:[{<facet key>, followerCounts}]}]}`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics).
 */
export const FollowerStatisticsSchema = z.object({
  elements: z.array(
    z.looseObject({
      organizationalEntity: z.optional(z.string()),
      followerCountsByAssociationType: FacetSchema,
      followerCountsBySeniority: FacetSchema,
      followerCountsByIndustry: FacetSchema,
      followerCountsByFunction: FacetSchema,
      followerCountsByStaffCountRange: FacetSchema,
      followerCountsByGeoCountry: FacetSchema,
      followerCountsByGeo: FacetSchema,
    }),
  ),
});

/** An organization's lifetime follower statistics as read. */
export type LinkedInFollowerStatistics = z.output<typeof FollowerStatisticsSchema>;
