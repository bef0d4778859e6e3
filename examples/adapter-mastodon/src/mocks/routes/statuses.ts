import type { SimulatedPost } from '@smmkit/testkit';
import { type RequestParams, readParams } from '@smmkit/testkit/simulator-kit';
import { canSee, type MastodonContext, ownUnattachedMedia, VISIBILITIES } from '../context.js';
import { renderStatus } from '../entities/status.js';
import { mastodonError, RECORD_NOT_FOUND, validationFailed } from '../errors.js';
import { MAX_MEDIA, POLL_LIMITS } from '../limits.js';
import { paramBoolean, readParamsOrBadRequest } from '../request-params.js';
import { statusLength } from '../status-text.js';
import { type NewStatus, storeStatus } from '../store-status.js';

/** `media_attachments.validations.not_ready`: media still processing. */
const MEDIA_NOT_READY = 'Cannot attach files that have not finished processing. Try again in a moment!';

/** Declares the statuses endpoints: create, view, delete, context, favourite and unfavourite. */
export function registerStatusRoutes(context: MastodonContext): void {
  const { sim } = context;

  // docs.joinmastodon.org/methods/statuses/#create, in the order Mastodon checks things
  // (StatusesController, PostStatusService).
  sim.route('POST', '/api/v1/statuses', { bucket: 'api' }, async ({ request, accountId, now }) => {
    const params = await readParamsOrBadRequest(request);

    // StatusesController#set_thread runs first: a reply to a missing or hidden status is a 404.
    // Mastodon's `statuses.errors.in_reply_not_found`; the wording is its English locale as
    // remembered, not confirmed from the docs.
    const inReplyToId = params.string('in_reply_to_id') || undefined;
    const thread = inReplyToId === undefined ? undefined : sim.posts.get(inReplyToId);
    if (inReplyToId !== undefined && (thread === undefined || !canSee(thread, accountId)))
      return mastodonError(404, 'The post you are trying to reply to does not appear to exist.');

    // Idempotency-Key: the same key from the same account within an hour answers the status it
    // created, before any validation, and stores nothing (docs.joinmastodon.org/methods/statuses/#create).
    const idempotencyKey = request.headers.get('idempotency-key') || undefined;
    const earlier = context.idempotency.recall(accountId, idempotencyKey);
    if (earlier !== undefined) {
      const original = sim.posts.get(earlier);
      // The key still points at a status that was deleted since: Mastodon's lookup fails with a 404.
      if (original === undefined) return mastodonError(404, RECORD_NOT_FOUND);
      return Response.json(renderStatus(context, original, { viewerId: accountId, now }));
    }

    const scheduledAt = params.string('scheduled_at');
    if (scheduledAt !== undefined && Date.parse(scheduledAt) > now) {
      // A future `scheduled_at` returns a ScheduledStatus on a real server; not simulated, and said loudly.
      return mastodonError(422, 'smmkit Mastodon simulator: scheduled_at is not simulated');
    }

    // PostStatusService#validate_media!: at most 4 ids and no poll alongside (Mastodon's
    // `media_attachments.validations.too_many`); every id the account's own unattached upload
    // (`not_found`); a video alone (`images_and_video`); all finished processing (`not_ready`).
    const poll = params.object('poll');
    const mediaIds = params.strings('media_ids') ?? [];
    if (mediaIds.length > MAX_MEDIA || (mediaIds.length > 0 && poll !== undefined))
      return mastodonError(422, 'Cannot attach more than 4 files');
    const unique = [...new Set(mediaIds)];
    const missing = unique.filter((id) => ownUnattachedMedia(context, id, accountId) === undefined);
    if (missing.length > 0)
      return mastodonError(422, `Media ${missing.join(', ')} not found or already attached to another post`);
    const media = unique.flatMap((id) => ownUnattachedMedia(context, id, accountId) ?? []);
    if (media.length > 1 && media.some((item) => item.kind === 'video'))
      return mastodonError(422, 'Cannot attach a video to a post that already contains images');
    if (media.some((item) => sim.refreshMedia(item).state === 'processing'))
      return mastodonError(422, MEDIA_NOT_READY);

    // PostStatusService#preprocess_attributes!: a content warning implies sensitive, and a status
    // with only a content warning posts the warning as its text.
    const written = params.string('status') ?? '';
    const warning = params.string('spoiler_text') ?? '';
    const sensitive = (paramBoolean(params, 'sensitive') ?? false) || warning.trim() !== '';
    const onlyWarning = written.trim() === '' && warning.trim() !== '';
    const [text, spoilerText] = onlyWarning ? [warning, ''] : [written, warning];
    const visibility = VISIBILITIES.find((name) => name === (params.string('visibility') || 'public'));
    if (visibility === undefined)
      return mastodonError(422, validationFailed(['Visibility is not included in the list']));

    // Status validations, reported together as ActiveRecord does.
    const problems: string[] = [];
    if (text.trim() === '' && media.length === 0) {
      // docs.joinmastodon.org/methods/statuses/#create, 422.
      problems.push("Text can't be blank");
    } else if (statusLength(text, spoilerText) > context.maxCharacters) {
      // StatusLengthValidator: `statuses.over_character_limit` on :text.
      problems.push(`Text character limit of ${context.maxCharacters} exceeded`);
    }
    const pollInput = poll === undefined ? undefined : readPoll(poll, problems);
    if (problems.length > 0) return mastodonError(422, validationFailed(problems));

    // `valid_locale_cascade`: the given language when it looks like an ISO 639 code, else the server's `en`.
    const language = params.string('language') ?? '';
    const post = storeStatus(context, {
      accountId,
      text,
      media,
      inReplyTo: thread,
      poll: pollInput,
      visibility,
      spoilerText,
      sensitive,
      language: /^[a-z]{2,3}(-[A-Za-z0-9]+)?$/.test(language) ? language : 'en',
      idempotencyKey,
      createdAt: now,
    });
    context.idempotency.remember(accountId, idempotencyKey, post.id);
    // docs.joinmastodon.org/methods/statuses/#create: 200 with the Status.
    return Response.json(renderStatus(context, post, { viewerId: accountId, now }));
  });

  // docs.joinmastodon.org/methods/statuses/#get — 404 "Record not found" when missing or not visible.
  sim.route('GET', '/api/v1/statuses/:id', { bucket: 'api' }, ({ params, accountId, now }) => {
    const post = sim.posts.get(String(params.id));
    if (post === undefined || !canSee(post, accountId)) return mastodonError(404, RECORD_NOT_FOUND);
    return Response.json(renderStatus(context, post, { viewerId: accountId, now }));
  });

  // docs.joinmastodon.org/methods/statuses/#favourite and #unfavourite — 200 with the Status as the
  // account now sees it, whether or not it was favourited already ("Status favourited or was already
  // favourited"); 404 "Record not found" for a status that does not exist or that it cannot see.
  for (const [action, favourited] of Object.entries({ favourite: true, unfavourite: false })) {
    sim.route('POST', `/api/v1/statuses/:id/${action}`, { bucket: 'api' }, ({ params, accountId, now }) => {
      const post = sim.posts.get(String(params.id));
      if (post === undefined || !canSee(post, accountId)) return mastodonError(404, RECORD_NOT_FOUND);
      // A mention or reply in the account's inbox is marked liked too (testkit's `sim.likes`).
      sim.likes.set(post.id, accountId, favourited);
      return Response.json(renderStatus(context, post, { viewerId: accountId, now }));
    });
  }

  // docs.joinmastodon.org/methods/statuses/#delete — only your own statuses: anyone else's is a
  // 404 ("Status is not owned by you or does not exist"). Answers the deleted Status with its
  // source `text` instead of `content`. Deletions have their own budget (api/rate-limits).
  sim.route(
    'DELETE',
    '/api/v1/statuses/:id',
    { bucket: 'delete' },
    async ({ params, request, accountId, now }) => {
      const post = sim.posts.get(String(params.id));
      if (post === undefined || post.accountId !== accountId) return mastodonError(404, RECORD_NOT_FOUND);
      sim.posts.delete(post.id);
      // `delete_media`: drop the attachments now instead of keeping them ~24 hours for a redraft.
      if (paramBoolean(await readParams(request), 'delete_media') === true) {
        for (const media of post.media) sim.media.delete(media.id);
      }
      return Response.json(renderStatus(context, post, { viewerId: accountId, now, source: true }));
    },
  );

  // docs.joinmastodon.org/methods/statuses/#context — ancestors oldest first, descendants depth first.
  sim.route('GET', '/api/v1/statuses/:id/context', { bucket: 'api' }, ({ params, accountId, now }) => {
    const post = sim.posts.get(String(params.id));
    if (post === undefined || !canSee(post, accountId)) return mastodonError(404, RECORD_NOT_FOUND);
    const render = (item: SimulatedPost) => renderStatus(context, item, { viewerId: accountId, now });
    return Response.json({
      ancestors: ancestorsOf(context, post, accountId).map(render),
      descendants: descendantsOf(context, post, accountId).map(render),
    });
  });
}

/** The poll parameters, adding PollValidator's problems (wording assumed from Mastodon's locale). */
function readPoll(poll: RequestParams, problems: string[]): NewStatus['poll'] {
  const options = poll.strings('options') ?? [];
  const expiresIn = Number.parseInt(poll.string('expires_in') ?? '', 10);
  if (options.length < 2) problems.push('Poll options must have more than one item');
  if (options.length > POLL_LIMITS.maxOptions)
    problems.push(`Poll options can't contain more than ${POLL_LIMITS.maxOptions} items`);
  if (options.some((option) => [...option].length > POLL_LIMITS.maxOptionChars)) {
    problems.push(`Poll options cannot be longer than ${POLL_LIMITS.maxOptionChars} characters each`);
  }
  if (new Set(options).size !== options.length)
    problems.push('Poll options must not contain duplicate items');
  if (Number.isNaN(expiresIn)) problems.push("Poll expires at can't be blank");
  else if (expiresIn < POLL_LIMITS.minSeconds) problems.push('Poll expires at is too soon');
  else if (expiresIn > POLL_LIMITS.maxSeconds) problems.push('Poll expires at is too far into the future');
  return {
    options,
    expiresInSeconds: Number.isNaN(expiresIn) ? 0 : expiresIn,
    multiple: paramBoolean(poll, 'multiple') ?? false,
    hideTotals: paramBoolean(poll, 'hide_totals') ?? false,
  };
}

function ancestorsOf(context: MastodonContext, post: SimulatedPost, viewerId: string): SimulatedPost[] {
  const ancestors: SimulatedPost[] = [];
  let current = context.sim.posts.get(post.inReplyToId ?? '');
  while (current !== undefined && canSee(current, viewerId) && !ancestors.includes(current)) {
    ancestors.unshift(current);
    current = context.sim.posts.get(current.inReplyToId ?? '');
  }
  return ancestors;
}

function descendantsOf(context: MastodonContext, post: SimulatedPost, viewerId: string): SimulatedPost[] {
  const replies = context.sim.posts.filter(
    (reply) => reply.inReplyToId === post.id && canSee(reply, viewerId),
  );
  return replies.flatMap((reply) => [reply, ...descendantsOf(context, reply, viewerId)]);
}
