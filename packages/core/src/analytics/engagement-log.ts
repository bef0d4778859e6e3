import type { Engagement } from '../models/engagement.js';
import type { EngagementResponse } from './post-meta.js';

/**
 * The engagements and the team's responses the aggregator was given, kept for the engagement
 * SLA figures. Engagements are keyed by (platform, id), so a re-polled inbox page replaces rather
 * than duplicates; responses by (platform, engagementId, respondedAt), so several replies to one
 * engagement are all kept while an identical one sent twice is kept once.
 */
export class EngagementLog {
  private readonly byId = new Map<string, Engagement>();
  private readonly responsesByKey = new Map<string, EngagementResponse>();
  private engagementList: readonly Engagement[] | undefined;
  private responseList: readonly EngagementResponse[] | undefined;

  /** Adds or replaces an engagement. */
  putEngagement(engagement: Engagement): void {
    this.byId.set(`${engagement.platform}\u0000${engagement.id}`, engagement);
    this.engagementList = undefined;
  }

  /** Adds a response (an identical one is kept once). */
  putResponse(response: EngagementResponse): void {
    const key = `${response.platform}\u0000${response.engagementId}\u0000${response.respondedAt.getTime()}`;
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
