import type { EngagementKind } from '../models/engagement.js';

/** An account whose engagement the inbox polls. */
export interface InboxAccount {
  /** Platform id; an adapter for it must be given. */
  readonly platform: string;
  /** The account's id on the platform. */
  readonly accountId: string;
  /** Kinds to read (default every kind the adapter reads). */
  readonly kinds?: readonly EngagementKind[] | undefined;
  /**
   * Posts (platform post ids) whose comments and replies are read too, each as a listing of its
   * own: for platforms whose account-wide listing leaves some out (X replies that do not
   * mention the account, Instagram media older than the newest 25).
   */
  readonly posts?: readonly string[] | undefined;
  /**
   * Brand terms to listen for in public posts by anyone (words, `"quoted phrases"`, `#hashtags`),
   * searched on this account's platform with the adapter's `searchMentions` (X recent search,
   * Instagram hashtag search) on the account's `search` budget. Found posts arrive as `mention`
   * items, a listing of their own that resumes where it stopped like the others.
   */
  readonly search?: readonly string[] | undefined;
}
