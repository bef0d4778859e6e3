import { tiktokError } from './answers.js';
import type { Publication, TikTokSimContext } from './context.js';

const DAY_MS = 86_400_000;

/**
 * TikTok's words for `scope_not_authorized`, whichever scope is missing: the one description
 * https://developers.tiktok.com/doc/tiktok-api-v2-error-handling gives the code for every
 * endpoint (without its advice to the developer, "Please ask the user to authorize and then
 * retry."). The simulator answers it on every route, naming no scope: no page documents a
 * message that does.
 */
const SCOPE_NOT_AUTHORIZED = 'The user did not authorize the scope required for completing this request.';

/** 401 `scope_not_authorized`: the token lacks the scope the endpoint needs. */
export function scopeRefusal(context: TikTokSimContext): Response {
  return tiktokError(401, 'scope_not_authorized', SCOPE_NOT_AUTHORIZED, context.logIds.next());
}

/**
 * The refusal of a request whose token (granted `scopes`, testkit's `RouteContext.scopes`) lacks
 * `scope` ({@link scopeRefusal}), or `undefined`.
 */
export function missingScope(
  context: TikTokSimContext,
  scopes: readonly string[],
  scope: string,
): Response | undefined {
  return scopes.includes(scope) ? undefined : scopeRefusal(context);
}

/**
 * The refusal of a URL TikTok would not pull: not HTTPS, or not under a prefix verified for the
 * app (403 `url_ownership_unverified`,
 * https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide), or `undefined`.
 */
export function unverifiedUrl(context: TikTokSimContext, url: unknown): Response | undefined {
  const text = typeof url === 'string' ? url : '';
  const verified =
    text.startsWith('https://') &&
    (context.verifiedUrlPrefixes === undefined ||
      context.verifiedUrlPrefixes.some((prefix) => text.startsWith(prefix)));
  return verified
    ? undefined
    : tiktokError(
        403,
        'url_ownership_unverified',
        'Please review our URL ownership verification rules.',
        context.logIds.next(),
      );
}

/**
 * The refusals of a direct post before TikTok takes it, in TikTok's order
 * (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post, "Error codes"):
 * the privacy level must be one the creator offers (403 `privacy_level_option_mismatch`); an
 * unaudited app posts SELF_ONLY only, and to private accounts only ("All user accounts using the
 * API client to post must be set to private at the time of posting",
 * https://developers.tiktok.com/doc/content-sharing-guidelines; 403
 * `unaudited_client_can_only_post_to_private_accounts`, in TikTok's error envelope
 * `{data:{}, error:{code, message, log_id}}`,
 * https://developers.tiktok.com/doc/tiktok-api-v2-error-handling; ASSUMED: its message, which no
 * page gives) and for at most 5 creators a day (403 `reached_active_user_cap`); a creator posts
 * about 15 times a day (403 `spam_risk_too_many_posts`, counting the direct posts of the last 24
 * hours).
 */
export function directPostRefusal(
  context: TikTokSimContext,
  accountId: string,
  privacyLevel: unknown,
  now: number,
): Response | undefined {
  const creator = context.creators.get(accountId);
  if (typeof privacyLevel !== 'string' || !creator?.privacyLevelOptions.includes(privacyLevel))
    return tiktokError(
      403,
      'privacy_level_option_mismatch',
      'The privacy level is not among the options creator info returned.',
      context.logIds.next(),
    );
  if (context.unaudited && (!creator.privateAccount || privacyLevel !== 'SELF_ONLY'))
    return tiktokError(
      403,
      'unaudited_client_can_only_post_to_private_accounts',
      'Please review our integration guidelines at https://developers.tiktok.com/doc/content-sharing-guidelines/',
      context.logIds.next(),
    );
  return postingCapRefusal(context, accountId, now, 403);
}

/**
 * What creator info answers when the creator cannot post now, or `undefined`: the same caps as
 * {@link directPostRefusal} (`reached_active_user_cap` for an unaudited app's sixth creator of
 * the day, `spam_risk_too_many_posts` for a creator's post over the daily cap), which the creator
 * info reference lists with HTTP status "200 (intentional)"
 * (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info, "Error
 * codes"). ASSUMED: `data` is `{}` then, as in TikTok's other error answers.
 */
export function creatorInfoRefusal(
  context: TikTokSimContext,
  accountId: string,
  now: number,
): Response | undefined {
  return postingCapRefusal(context, accountId, now, 200);
}

/** The daily caps of posting creators (unaudited apps) and of posts per creator, with `status`. */
function postingCapRefusal(
  context: TikTokSimContext,
  accountId: string,
  now: number,
  status: number,
): Response | undefined {
  if (context.unaudited && !activeCreatorAllowed(context, accountId, now))
    return tiktokError(
      status,
      'reached_active_user_cap',
      'The daily quota of active publishing users is reached.',
      context.logIds.next(),
    );
  if (
    directPostsToday(context, now).filter((publication) => publication.accountId === accountId).length >=
    context.dailyPostsPerCreator
  )
    return tiktokError(
      status,
      'spam_risk_too_many_posts',
      'The daily post cap from the API is reached for the current user.',
      context.logIds.next(),
    );
  return undefined;
}

/** At most 5 drafts waiting in a creator's inbox in 24 hours (403 `spam_risk_too_many_pending_share`). */
export function inboxRefusal(
  context: TikTokSimContext,
  accountId: string,
  now: number,
): Response | undefined {
  const recent = [...context.publications.values()].filter(
    (publication) =>
      publication.mode === 'inbox' &&
      publication.accountId === accountId &&
      publication.createdAt > now - DAY_MS,
  );
  return recent.length >= context.pendingInboxLimit
    ? tiktokError(
        403,
        'spam_risk_too_many_pending_share',
        'The number of pending shares reached the limit (5 in 24 hours).',
        context.logIds.next(),
      )
    : undefined;
}

/** Whether `accountId` may post today through an unaudited app (5 distinct creators a day). */
function activeCreatorAllowed(context: TikTokSimContext, accountId: string, now: number): boolean {
  const today = new Set(directPostsToday(context, now).map((publication) => publication.accountId));
  return today.has(accountId) || today.size < 5;
}

/** The direct posts TikTok took in the 24 hours before `now`, every creator's. */
function directPostsToday(context: TikTokSimContext, now: number): Publication[] {
  return [...context.publications.values()].filter(
    (publication) => publication.mode === 'direct' && publication.createdAt > now - DAY_MS,
  );
}
