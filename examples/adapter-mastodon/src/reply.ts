import type { Engagement, ReplyTarget, RequestContext } from '@smmkit/core';
import { type HttpClient, isEngagementTarget } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { createStatus } from './create-status.js';
import type { MastodonPostOptions } from './post-options.js';
import { StatusSchema } from './schemas.js';
import { statusEngagement } from './status-engagement.js';

/**
 * Replies to an engagement or a post with a status whose `in_reply_to_id` is the target
 * (docs.joinmastodon.org: methods/statuses#create).
 *
 * Mastodon does not add the mention itself: when the target is an engagement whose author's
 * handle is known, the text starts with `@handle ` (unless it already does), so the author is
 * notified. A reply to a followers-only or direct status keeps that visibility instead of the
 * account's default, as Mastodon's own composer does, so it does not make a private
 * conversation public.
 *
 * @param http - the adapter's HTTP client
 * @param to - the engagement (its status) or the post to answer
 * @param text - the reply's text
 * @param context - tokens, signal and rate-limit listener
 * @returns the reply, as an engagement of kind `reply`
 *
 * @example
 * ```ts
 * const reply = await replyOnMastodon(http, mention, 'Thanks!', ctx); // posts "@ana@example.com Thanks!"
 * ```
 */
export async function replyOnMastodon(
  http: HttpClient,
  to: ReplyTarget,
  text: string,
  context: RequestContext,
): Promise<Engagement> {
  const target = isEngagementTarget(to)
    ? { id: to.id, handle: to.author.handle, postRef: to.postRef, options: replyOptions(to) }
    : { id: to.platformPostId, handle: undefined, postRef: to, options: {} };
  const { status } = await createStatus(
    http,
    { text: withMention(text, target.handle), inReplyToId: target.id, options: target.options },
    { operation: 'create reply', context },
  );
  return statusEngagement(status, {
    accountId: context.account.accountId,
    kind: 'reply',
    postRef: target.postRef,
  });
}

/** `@handle text`, unless the handle is unknown or the text already starts with the mention. */
function withMention(text: string, handle: string | undefined): string {
  if (handle === undefined || handle === '') return text;
  const mention = `@${handle}`;
  return text === mention || text.startsWith(`${mention} `) ? text : `${mention} ${text}`;
}

/** `{ visibility }` when the answered status is followers-only or direct; else the account's default. */
function replyOptions(engagement: Engagement): MastodonPostOptions {
  const parsed = z.safeParse(StatusSchema, engagement.raw);
  const visibility = parsed.success ? parsed.data.visibility : undefined;
  return visibility === 'private' || visibility === 'direct' ? { visibility } : {};
}
