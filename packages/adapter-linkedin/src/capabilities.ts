import type { Capabilities } from '@smmkit/core';
import type { AuthScopes, RateBudget } from '@smmkit/core/adapter-kit';
import { LINKEDIN_FOLLOWER_FACETS } from './follower-statistics.js';
import { LINKEDIN_SCOPES } from './scopes.js';
import { isOrganizationUrn } from './urn.js';

// Every rule cites a learn.microsoft.com/linkedin page. Where LinkedIn's pages give no number
// (file sizes, durations), the figure is the one third-party clients report and the comment says so.

const MEGABYTE = 1024 * 1024;
const DAY_SECONDS = 86_400;
const DAY_MINUTES = 1440;

/**
 * Longest alt text of an image: the MultiImage API page gives 4086 characters for `altText`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/multiimage-post-api).
 */
const ALT_TEXT_MAX_LENGTH = 4086;

/** The buckets the adapter's operations count against (see {@link linkedInRateBudgets}). */
export const LINKEDIN_BUCKETS = Object.freeze({
  /** `POST /rest/posts`: the daily post limits. */
  posts: 'POST /rest/posts',
  /** Every other call: the app's daily request limit of each endpoint. */
  api: 'api',
});

/**
 * The daily request budgets the adapter declares. LinkedIn sends no rate-limit headers and
 * publishes no numbers: limits are per member per app and per app, per endpoint, and reset at
 * midnight UTC (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits).
 * The numbers are the adapter's settings (`dailyPostsPerMember`, `dailyPostsPerApp`).
 *
 * @param limits - posts per member and per app per day
 * @returns the budgets, `resets: 'utc_midnight'`
 *
 * @example
 * ```ts
 * linkedInRateBudgets({ dailyPostsPerMember: 150, dailyPostsPerApp: 100_000 });
 * ```
 */
export function linkedInRateBudgets(limits: {
  readonly dailyPostsPerMember: number;
  readonly dailyPostsPerApp: number;
}): RateBudget[] {
  return [
    {
      bucket: LINKEDIN_BUCKETS.posts,
      limit: limits.dailyPostsPerMember,
      windowSec: DAY_SECONDS,
      scope: 'user',
      resets: 'utc_midnight',
    },
    {
      bucket: LINKEDIN_BUCKETS.posts,
      limit: limits.dailyPostsPerApp,
      windowSec: DAY_SECONDS,
      scope: 'app',
      resets: 'utc_midnight',
    },
  ];
}

/** What the capabilities depend on. */
export interface LinkedInCapabilitySettings {
  /** Longest commentary in code points. */
  readonly maxTextLength: number;
  /** Whether a webhook client secret is set. */
  readonly webhooks: boolean;
  /** Posts per member per day. */
  readonly dailyPostsPerMember: number;
  /** Posts per app per day. */
  readonly dailyPostsPerApp: number;
  /**
   * Who posts, when the adapter is bound to one author: an organization's URN declares the
   * organization scopes, anything else (a member's URN, or none) the member scopes.
   */
  readonly author?: string | undefined;
}

const S = LINKEDIN_SCOPES;

/**
 * The scopes a member's operations need: posts, comments and reactions `w_member_social`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api),
 * reading them, and the member's own posts (`findRecentPosts`), `r_member_social`; post analytics
 * `r_member_postAnalytics`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics)
 * and the follower count `r_member_profileAnalytics`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/follower-statistics).
 */
const MEMBER_SCOPES: AuthScopes = {
  publish: [S.writeMemberSocial],
  delete: [S.writeMemberSocial],
  metrics: [S.memberPostAnalytics, S.memberProfileAnalytics],
  engagement: [S.readMemberSocial],
  reply: [S.writeMemberSocial],
  like: [S.writeMemberSocial],
  findRecentPosts: [S.readMemberSocial],
};

/**
 * The scopes an organization's operations need (the same pages): posts, comments and reactions
 * `w_organization_social`, reading them and the organization's posts `r_organization_social`;
 * share statistics, follower counts and follower statistics `rw_organization_admin`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics).
 * Refresh tokens come with an approved app, not with a scope
 * (https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens).
 */
const ORGANIZATION_SCOPES: AuthScopes = {
  publish: [S.writeOrganizationSocial],
  delete: [S.writeOrganizationSocial],
  metrics: [S.organizationAdmin],
  engagement: [S.readOrganizationSocial],
  reply: [S.writeOrganizationSocial],
  like: [S.writeOrganizationSocial],
  research: [S.organizationAdmin],
  findRecentPosts: [S.readOrganizationSocial],
};

/**
 * The capabilities of a LinkedIn adapter: a function of the settings because the text limit
 * and the daily budgets are settings, and webhook support depends on a client secret.
 *
 * @param settings - text limit, webhooks and daily budgets
 * @returns the capabilities, as data
 *
 * @example
 * ```ts
 * linkedInCapabilities({ maxTextLength: 3000, webhooks: false, dailyPostsPerMember: 150, dailyPostsPerApp: 100_000 });
 * ```
 */
export function linkedInCapabilities(settings: LinkedInCapabilitySettings): Capabilities {
  return {
    text: {
      maxLength: settings.maxTextLength,
      // Commentary is counted in characters; smmkit counts code points (see settings.ts).
      counting: 'code_points',
      configurable: true,
      // Media and poll posts may go without commentary (Posts API: `commentary` is optional).
      required: false,
    },
    media: {
      kinds: {
        // Images API: JPG, GIF and PNG
        // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api);
        // 5 MB is the third-party figure (the page gives a pixel limit only).
        image: {
          mimeTypes: ['image/jpeg', 'image/png', 'image/gif'],
          maxBytes: 5 * MEGABYTE,
          altTextMaxLength: ALT_TEXT_MAX_LENGTH,
        },
        // A GIF is uploaded as an image (Images API); it is a kind of its own in smmkit.
        gif: { mimeTypes: ['image/gif'], maxBytes: 5 * MEGABYTE, altTextMaxLength: ALT_TEXT_MAX_LENGTH },
        // Videos API: MP4
        // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api);
        // 3 s to 30 min and 500 MB are the third-party figures.
        video: {
          mimeTypes: ['video/mp4'],
          maxBytes: 500 * MEGABYTE,
          minDurationSec: 3,
          maxDurationSec: 1800,
        },
        // Documents API: PDF, PPT, PPTX, DOC, DOCX
        // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/documents-api);
        // 100 MB (and 300 pages, which smmkit cannot count) are the third-party figures.
        document: {
          mimeTypes: [
            'application/pdf',
            'application/vnd.ms-powerpoint',
            'application/vnd.openxmlformats-officedocument.presentationml.presentation',
            'application/msword',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          ],
          maxBytes: 100 * MEGABYTE,
        },
      },
      // Posts API content: one image, video or document (`media`), or 2–20 images (`multiImage`,
      // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/multiimage-post-api).
      sets: [
        { kinds: ['image'], min: 1, max: 20 },
        { kinds: ['gif'], min: 1, max: 1 },
        { kinds: ['video'], min: 1, max: 1 },
        { kinds: ['document'], min: 1, max: 1 },
      ],
      // Bytes are PUT to upload URLs LinkedIn hands out; it has no upload from a URL.
      sources: ['bytes', 'file', 'stream'],
      required: false,
    },
    formats: ['feed'],
    // A post cannot reply to a post: LinkedIn has no threads.
    threads: false,
    // Poll API: 2–4 options, ONE_DAY, THREE_DAYS, SEVEN_DAYS or FOURTEEN_DAYS; an option's text is
    // at most 30 characters
    // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/poll-post-api).
    polls: {
      minOptions: 2,
      maxOptions: 4,
      maxOptionLength: 30,
      minDurationMinutes: DAY_MINUTES,
      maxDurationMinutes: 14 * DAY_MINUTES,
      durationsMinutes: [DAY_MINUTES, 3 * DAY_MINUTES, 7 * DAY_MINUTES, 14 * DAY_MINUTES],
    },
    // A comment on the post (Comments API, `POST /rest/socialActions/{urn}/comments`).
    firstComment: true,
    // A link is an article attachment (`content.article.source`), not counted in the text.
    links: 'attachment',
    // The Posts API publishes now; smmkit's scheduler publishes on time.
    nativeScheduling: false,
    // Posts API `visibility`.
    privacy: { source: 'fixed', options: ['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'] },
    // Posts API: `DELETE /rest/posts/{urn}`.
    delete: true,
    metrics: {
      // Organization posts: share statistics (impressions, unique impressions, clicks, likes,
      // comments, shares; https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics).
      // Member posts: post analytics (impressions, members reached, reshares, reactions,
      // comments; https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics).
      post: ['impressions', 'reach', 'clicks', 'likes', 'reactions', 'comments', 'shares'],
      // Followers of the organization (networkSizes) or the member (memberFollowersCount).
      account: ['followers'],
    },
    // Comments and nested replies (Comments API) and reactions (Reactions API) can be read and
    // answered. Mentions have no feed to read: they arrive by webhook only. LinkedIn has no hidden
    // comments; deleting others' comments is not offered. A comment or mention is liked with a
    // LIKE reaction (Reactions API, "Create a Reaction on a Comment",
    // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api).
    // LinkedIn offers no search of public posts to partner apps.
    engagement: {
      read: ['comment', 'reply', 'reaction'],
      reply: true,
      hide: false,
      delete: false,
      like: true,
      search: false,
    },
    // An organization's followers by the 7 facets of its lifetime follower statistics
    // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics);
    // a member account is refused at call time (follower-statistics.ts). Other accounts cannot be
    // read: posts and statistics are open to the member themself and to organizations the member
    // has a role on (r_organization_social, rw_organization_admin).
    research: {
      publicAccounts: false,
      audience: LINKEDIN_FOLLOWER_FACETS.map((facet) => facet.dimension),
      unavailable: {
        publicAccounts:
          'LinkedIn lets an app read posts and statistics only of the signed-in member and of organizations the member has a role on (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api), so other accounts cannot be looked up.',
      },
    },
    // Organization social action notifications, signed with the app's client secret
    // (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation).
    webhooks: settings.webhooks,
    // No idempotency key; the author's posts can be listed (Posts API, q=author). LinkedIn's answer
    // to a repeated post is not documented, so it is not declared as a duplicate signal, and
    // neither is read-after-write for the list.
    reconciliation: {
      idempotencyKey: false,
      findRecentPosts: true,
      duplicateSignal: false,
      readAfterWrite: false,
    },
    // 3-legged OAuth without PKCE; access tokens live 60 days; refresh tokens (approved apps only)
    // live a year and are not renewed by a refresh
    // (https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens).
    auth: {
      flavour: 'oauth2',
      refreshable: true,
      refreshTokenRotates: false,
      accessTokenLifetimeSec: 60 * DAY_SECONDS,
      scopes:
        settings.author !== undefined && isOrganizationUrn(settings.author)
          ? ORGANIZATION_SCOPES
          : MEMBER_SCOPES,
    },
    rateLimits: {
      headers: false,
      budgets: linkedInRateBudgets(settings),
      operations: {
        publish: [LINKEDIN_BUCKETS.posts],
        upload: [LINKEDIN_BUCKETS.api],
        delete: [LINKEDIN_BUCKETS.api],
        metrics: [LINKEDIN_BUCKETS.api],
        engagement: [LINKEDIN_BUCKETS.api],
        reply: [LINKEDIN_BUCKETS.api],
        research: [LINKEDIN_BUCKETS.api],
        findRecentPosts: [LINKEDIN_BUCKETS.api],
      },
    },
  };
}
