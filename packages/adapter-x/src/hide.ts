import { type Engagement, type RequestContext, UnsupportedCapabilityError } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { HideReplyResponseSchema } from './schemas.js';

/**
 * Hides a reply to one of the account's conversations, or shows it again:
 * `PUT /2/tweets/:id/hidden` `{"hidden": true|false}` → `{data:{hidden}}`
 * (https://docs.x.com/x-api/posts/hide-replies/introduction; scope `tweet.moderate.write`,
 * https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code; 50 per 15 minutes,
 * https://docs.x.com/x-api/fundamentals/rate-limits). Only posts can be hidden: a direct message fails with
 * `UnsupportedCapabilityError`.
 *
 * @param http - the adapter's HTTP client
 * @param engagement - the reply or mention to hide
 * @param hidden - `true` to hide, `false` to show again
 * @param context - tokens, signal and rate-limit listener
 *
 * @example
 * ```ts
 * await hideXReply(http, reply, true, ctx);
 * ```
 */
export async function hideXReply(
  http: HttpClient,
  engagement: Engagement,
  hidden: boolean,
  context: RequestContext,
): Promise<void> {
  if (engagement.kind === 'direct_message' || engagement.kind === 'reaction') {
    throw new UnsupportedCapabilityError(`engagement.hide for ${engagement.kind} engagements`, {
      platform: 'x',
    });
  }
  await http.request({
    method: 'PUT',
    path: `/2/tweets/${encodeURIComponent(engagement.id)}/hidden`,
    operation: hidden ? 'hide reply' : 'unhide reply',
    json: { hidden },
    schema: HideReplyResponseSchema,
    context,
  });
}
