import type { Engagement } from '../models/engagement.js';
import type { EngagementResponse } from './post-meta.js';

/**
 * The engagements and the team's responses the aggregator was given, kept for the engagement
 * SLA figures. Engagements are keyed by (platform, account, id), so a re-polled inbox page
 * replaces rather than duplicates while one post that engages two of your accounts stays two;
 * responses by (platform, account, engagementId, respondedAt), so several replies to one
 * engagement are all kept while an identical one sent twice is kept once.
 */
export class EngagementLog {
  private readonly byId = new Map<string, Engagement>();
  private readonly responsesByKey = new Map<string, EngagementResponse>();
  private engagementList: readonly Engagement[] | undefined;
  private responseList: readonly EngagementResponse[] | undefined;

  /** Adds or replaces an engagement. */
  putEngagement(engagement: Engagement): void {
    this.byId.set(JSON.stringify([engagement.platform, engagement.accountId, engagement.id]), engagement);
    this.engagementList = undefined;
  }

  /** Adds a response (an identical one is kept once). */
  putResponse(response: EngagementResponse): void {
    const { platform, accountId, engagementId, respondedAt } = response;
    const key = JSON.stringify([platform, accountId ?? null, engagementId, respondedAt.getTime()]);
    this.responsesByKey.set(key, response);
    this.responseList = undefined;
  }

  /** Every engagement, in the order first given; a frozen array. */
  engagements(): readonly Engagement[] {
    this.engagementList ??= Object.freeze([...this.byId.values()]);
    return this.engagementList;
  }

  /** Every response, in the order first given; a frozen array. */
  responses(): readonly EngagementResponse[] {
    this.responseList ??= Object.freeze([...this.responsesByKey.values()]);
    return this.responseList;
  }
}
