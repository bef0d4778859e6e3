/** An Account as the simulator renders it (docs.joinmastodon.org/entities/Account/). */
export interface MastodonAccountJson {
  readonly id: string;
  readonly username: string;
  /** `username` for local accounts. */
  readonly acct: string;
  readonly url: string;
  readonly uri: string;
  readonly display_name: string;
  readonly note: string;
  readonly avatar: string;
  readonly avatar_static: string;
  readonly header: string;
  readonly header_static: string;
  readonly locked: boolean;
  readonly fields: readonly unknown[];
  readonly emojis: readonly unknown[];
  readonly bot: boolean;
  readonly group: boolean;
  readonly discoverable: boolean;
  readonly indexable: boolean;
  readonly noindex: boolean;
  readonly hide_collections: boolean;
  /** Midnight of the creation day (Mastodon rounds it: REST::AccountSerializer#created_at). */
  readonly created_at: string;
  /** The day of the latest status, `YYYY-MM-DD`, or null. */
  readonly last_status_at: string | null;
  readonly statuses_count: number;
  readonly followers_count: number;
  readonly following_count: number;
  readonly roles: readonly unknown[];
}

/** The authenticated user's own Account, with `source` and `role` (docs.joinmastodon.org/entities/Account/#CredentialAccount). */
export interface MastodonCredentialAccountJson extends MastodonAccountJson {
  readonly source: {
    readonly privacy: string;
    readonly sensitive: boolean;
    readonly language: string | null;
    readonly note: string;
    readonly fields: readonly unknown[];
    readonly follow_requests_count: number;
  };
  readonly role: {
    readonly id: string;
    readonly name: string;
    readonly permissions: string;
    readonly color: string;
    readonly highlighted: boolean;
  };
}

/** A MediaAttachment (docs.joinmastodon.org/entities/MediaAttachment/). */
export interface MastodonMediaAttachmentJson {
  readonly id: string;
  readonly type: 'image' | 'gifv' | 'video' | 'unknown';
  /** Null while the full-size file is processing (ProcessingMediaAttachment). */
  readonly url: string | null;
  readonly preview_url: string | null;
  readonly remote_url: null;
  readonly preview_remote_url: null;
  readonly meta: Readonly<Record<string, unknown>>;
  readonly description: string | null;
  readonly blurhash: string | null;
}

/** A Status (docs.joinmastodon.org/entities/Status/). */
export interface MastodonStatusJson {
  readonly id: string;
  readonly created_at: string;
  readonly in_reply_to_id: string | null;
  readonly in_reply_to_account_id: string | null;
  readonly sensitive: boolean;
  readonly spoiler_text: string;
  readonly visibility: 'public' | 'unlisted' | 'private' | 'direct';
  readonly language: string | null;
  readonly uri: string;
  readonly url: string | null;
  readonly replies_count: number;
  readonly reblogs_count: number;
  readonly favourites_count: number;
  readonly edited_at: string | null;
  readonly favourited: boolean;
  readonly reblogged: boolean;
  readonly muted: boolean;
  readonly bookmarked: boolean;
  readonly pinned?: boolean;
  /** The HTML content; absent when the source `text` is returned instead (delete). */
  readonly content?: string;
  /** The plain-text source, only in the answer to DELETE (docs.joinmastodon.org/entities/Status/#text). */
  readonly text?: string;
  readonly filtered: readonly unknown[];
  readonly reblog: null;
  readonly application?: { readonly name: string; readonly website: string | null };
  readonly account: MastodonAccountJson;
  readonly media_attachments: readonly MastodonMediaAttachmentJson[];
  readonly mentions: readonly {
    readonly id: string;
    readonly username: string;
    readonly url: string;
    readonly acct: string;
  }[];
  readonly tags: readonly { readonly name: string; readonly url: string }[];
  readonly emojis: readonly unknown[];
  readonly card: null;
  readonly poll: MastodonPollJson | null;
}

/** A Poll (docs.joinmastodon.org/entities/Poll/). */
export interface MastodonPollJson {
  readonly id: string;
  readonly expires_at: string;
  readonly expired: boolean;
  readonly multiple: boolean;
  readonly votes_count: number;
  readonly voters_count: number | null;
  readonly voted: boolean;
  readonly own_votes: readonly number[];
  readonly options: readonly { readonly title: string; readonly votes_count: number | null }[];
  readonly emojis: readonly unknown[];
}

/** A Notification (docs.joinmastodon.org/entities/Notification/). */
export interface MastodonNotificationJson {
  readonly id: string;
  readonly type: 'mention';
  readonly group_key: string;
  readonly created_at: string;
  readonly account: MastodonAccountJson;
  readonly status: MastodonStatusJson;
}
