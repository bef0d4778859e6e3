/**
 * What the aggregator knows about a published post besides its metrics: where and when it was
 * published, in which zone it was planned, and how the team labelled it.
 *
 * @example
 * ```ts
 * const meta: PostMeta = {
 *   platform: 'x', accountId: '2244994945', platformPostId: '1850000000000000000',
 *   publishedAt: new Date('2026-11-20T16:00:00Z'), timeZone: 'Europe/Berlin',
 *   tags: ['launch'], campaign: 'spring-26', variant: 'A', contentClass: 'promotion',
 * };
 * ```
 */
export interface PostMeta {
  /** Platform id. */
  readonly platform: string;
  /** The account that published it. */
  readonly accountId: string;
  /** The platform's id of the post (matches `MetricSample.platformPostId`). */
  readonly platformPostId: string;
  /** When it was published. */
  readonly publishedAt: Date;
  /** The account's IANA time zone, for hour-of-week analysis (default UTC). */
  readonly timeZone?: string | undefined;
  /** Tags the team gave it. */
  readonly tags?: readonly string[] | undefined;
  /** The campaign it belongs to. */
  readonly campaign?: string | undefined;
  /** The A/B variant it carried. */
  readonly variant?: string | undefined;
  /** Value content or promotion, for the 80/20 mix audit. */
  readonly contentClass?: 'value' | 'promotion' | undefined;
}

/** A reply the team sent to an engagement, for response-time (SLA) figures. */
export interface EngagementResponse {
  /** Platform id of the engagement answered. */
  readonly platform: string;
  /**
   * The account that answered (matches `Engagement.accountId`). One post can engage two of your
   * accounts (a mention of both), each copy answered on its own: with it, the response counts
   * for that account's copy only; without it, for every copy with this platform and id.
   */
  readonly accountId?: string | undefined;
  /** The engagement's id (matches `Engagement.id`). */
  readonly engagementId: string;
  /** When the team responded. */
  readonly respondedAt: Date;
  /** Whether the conversation was resolved with this response. */
  readonly resolved?: boolean | undefined;
}
