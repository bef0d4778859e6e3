import type { EngagementResponse } from '../analytics/post-meta.js';
import type { InboxItem } from './inbox-item.js';

/**
 * The inbox's record for the engagement SLA figures: what analytics' `engagementSla(engagements,
 * responses, { targetMs })` takes, or `analytics.ingestEngagements` / `ingestResponses`.
 *
 * @example
 * ```ts
 * import { engagementSla } from '@smmkit/core/analytics';
 *
 * const log = await inbox.slaLog({ assignee: 'maria', from: monday, to: nextMonday });
 * const sla = engagementSla(log.engagements, log.responses, { targetMs: 60 * 60_000 });
 * sla.overall.firstResponseMedianMs;
 * ```
 */
export interface InboxSlaLog {
  /** The items (inbound engagements with their inbox state). */
  readonly engagements: readonly InboxItem[];
  /**
   * One response per item answered through the inbox, at its first response time, marked
   * `resolved` when the item is resolved. An item resolved without a reply has no response:
   * the SLA figures count it as neither answered nor resolved.
   */
  readonly responses: readonly EngagementResponse[];
}

/**
 * Builds the {@link InboxSlaLog} of some items.
 *
 * @param items - the items
 * @returns the items and their responses
 */
export function slaLogOf(items: readonly InboxItem[]): InboxSlaLog {
  const responses = items.flatMap((item): EngagementResponse[] =>
    item.firstResponseAt === undefined
      ? []
      : [
          {
            platform: item.platform,
            accountId: item.accountId,
            engagementId: item.id,
            respondedAt: item.firstResponseAt,
            resolved: item.status === 'resolved',
          },
        ],
  );
  return { engagements: items, responses };
}
