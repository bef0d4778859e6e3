import {
  type Engagement,
  PlatformError,
  type RequestContext,
  UnsupportedCapabilityError,
} from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { HideReplyResponseSchema } from './schemas.js';

/**
 * Hides a reply to one of the account's conversations, or shows it again:
 * `PUT /2/tweets/:id/hidden` `{"hidden": true|false}` → `{data:{hidden}}`
 * (https://docs.x.com/x-api/posts/hide-replies/introduction; scope `tweet.moderate.write`,
 * https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code; 50 per 15 minutes,
 * https://docs.x.com/x-api/fundamentals/rate-limits). Only posts can be hidden: a direct message fails with
 * `UnsupportedCapabilityError`. `hidden` in the answer is "Whether the reply is hidden"
 * (`HidePostsReplyResponseData` in https://api.x.com/2/openapi.json): an answer that says otherwise than
 * asked fails with `PlatformError('platform_refused')`, as `deleted: false` does for a delete.
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
  const { data, status, rateLimit } = await http.request({
    method: 'PUT',
    path: `/2/tweets/${encodeURIComponent(engagement.id)}/hidden`,
    operation: hidden ? 'hide reply' : 'unhide reply',
    json: { hidden },
    schema: HideReplyResponseSchema,
    context,
  });
  const answered = data.data.hidden;
  if (answered !== undefined && answered !== hidden) {
    throw new PlatformError(
      'platform_refused',
      `X did not ${hidden ? 'hide' : 'show'} reply ${engagement.id} (hidden: ${answered}).`,
      { platform: 'x', status, rateLimit },
    );
  }
}
