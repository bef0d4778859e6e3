import * as z from 'zod/mini';

// Response schemas: only the fields the adapter reads, each as tolerant as the docs allow
// (`nullish` where Mastodon sends null). Status uses `looseObject` so that the full payload
// survives parsing: it is handed on as `Engagement.raw`.

/** An ISO 8601 timestamp as Mastodon sends it (`2019-12-05T11:34:47.196Z`; api/datetime-format). */
const Timestamp = z
  .string()
  .check(z.refine((value) => !Number.isNaN(Date.parse(value)), { error: 'expected an ISO 8601 timestamp' }));

/** An account as embedded in statuses and notifications (docs.joinmastodon.org: entities/Account). */
export const AccountSchema = z.object({
  /** The account's id on this server. */
  id: z.string(),
  /** `username` for local accounts, `username@domain` for remote ones. */
  acct: z.string(),
  /** The profile's display name; may be empty. */
  display_name: z.nullish(z.string()),
});

/** An account as embedded in statuses and notifications. */
export type MastodonAccount = z.output<typeof AccountSchema>;

/** An account with its counts, from `GET /api/v1/accounts/:id` (entities/Account). */
export const AccountWithCountsSchema = z.extend(AccountSchema, {
  /** Accounts following this one. */
  followers_count: z.number(),
  /** Accounts this one follows. */
  following_count: z.number(),
  /** Statuses this account has posted. */
  statuses_count: z.number(),
});

/** An account with its counts. */
export type MastodonAccountWithCounts = z.output<typeof AccountWithCountsSchema>;

/** A status (docs.joinmastodon.org: entities/Status). Unknown fields are kept. */
export const StatusSchema = z.looseObject({
  /** The status id on this server. */
  id: z.string(),
  /** The ActivityPub URI; always present. */
  uri: z.string(),
  /** The HTML page of the status; null for some remote statuses. */
  url: z.nullish(z.string()),
  /** When it was created. */
  created_at: Timestamp,
  /** The text as HTML. */
  content: z.string(),
  /** The content warning; empty when none. */
  spoiler_text: z.nullish(z.string()),
  /** `public`, `unlisted`, `private` or `direct`. */
  visibility: z.nullish(z.string()),
  /** The status it replies to. */
  in_reply_to_id: z.nullish(z.string()),
  /** The author of the status it replies to. */
  in_reply_to_account_id: z.nullish(z.string()),
  /** Replies (comments). */
  replies_count: z.number(),
  /** Boosts (shares). */
  reblogs_count: z.number(),
  /** Favourites (likes). */
  favourites_count: z.number(),
  /** The author. */
  account: AccountSchema,
  /** The boosted status, for a boost; null otherwise. */
  reblog: z.nullish(z.unknown()),
});

/** A status. */
export type MastodonStatus = z.output<typeof StatusSchema>;

/**
 * A media attachment (entities/MediaAttachment). While it is processing, `url` is null
 * (methods/media#v2, 202 Accepted).
 */
export const MediaAttachmentSchema = z.object({
  /** The attachment id, passed in `media_ids[]` when posting. */
  id: z.string(),
  /** `image`, `gifv`, `video`, `audio` or `unknown`. */
  type: z.string(),
  /** The processed file; null while processing. */
  url: z.nullish(z.string()),
});

/** A media attachment. */
export type MastodonMediaAttachment = z.output<typeof MediaAttachmentSchema>;

/** A notification (entities/Notification); `status` is set for mentions. */
export const NotificationSchema = z.object({
  /** The notification id (not the status id). */
  id: z.string(),
  /** `mention`, `favourite`, `reblog`, `follow`, … */
  type: z.string(),
  /** When the notification was created. */
  created_at: Timestamp,
  /** Who caused it. */
  account: AccountSchema,
  /** The status it is about, for status-related types. */
  status: z.nullish(StatusSchema),
});

/** A notification. */
export type MastodonNotification = z.output<typeof NotificationSchema>;

/** A page of notifications (methods/notifications#get). */
export const NotificationListSchema = z.array(NotificationSchema);

/** A list of statuses (methods/accounts#statuses). */
export const StatusListSchema = z.array(StatusSchema);

/** The statuses above and below a status in its thread (entities/Context; methods/statuses#context). */
export const ContextSchema = z.object({
  /** The statuses it replies to, oldest first. */
  ancestors: z.array(StatusSchema),
  /** Every reply below it, at any depth. */
  descendants: z.array(StatusSchema),
});

/** A status's thread context. */
export type MastodonContext = z.output<typeof ContextSchema>;

/**
 * An OAuth token (entities/Token; methods/oauth#token). Mastodon sends no `expires_in` and no
 * refresh token: tokens live until revoked.
 */
export const TokenSchema = z.object({
  /** The bearer token. */
  access_token: z.string().check(z.minLength(1)),
  /** The granted scopes, space-separated. */
  scope: z.nullish(z.string()),
});

/** An OAuth token response. */
export type MastodonToken = z.output<typeof TokenSchema>;
