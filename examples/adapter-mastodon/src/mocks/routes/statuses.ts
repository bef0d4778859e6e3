import {
  type RequestParams,
  type RouteContext,
  readParams,
  type SimulatedMedia,
  type SimulatedPost,
} from '@smmkit/testkit';
import {
  canSee,
  idempotencyKeyOf,
  type MastodonContext,
  ownUnattachedMedia,
  VISIBILITIES,
  type Visibility,
} from '../context.js';
import { renderStatus } from '../entities/status.js';
import {
  IMAGES_AND_VIDEO,
  IN_REPLY_NOT_FOUND,
  MEDIA_NOT_READY,
  mastodonError,
  mediaNotFound,
  RECORD_NOT_FOUND,
  TEXT_BLANK,
  TOO_MANY_MEDIA,
  validationFailed,
} from '../errors.js';
import { MAX_MEDIA, POLL_LIMITS } from '../limits.js';
import { paramBoolean, readParamsOrBadRequest } from '../request-params.js';
import { statusLength } from '../status-text.js';
import { type NewStatus, storeStatus } from '../store-status.js';

/** "Idempotency keys are stored for up to 1 hour" (docs.joinmastodon.org/methods/statuses/#create). */
const IDEMPOTENCY_TTL_MS = 60 * 60_000;

/** Declares the statuses endpoints: create, view, delete and context. */
export function registerStatusRoutes(context: MastodonContext): void {
  const { sim } = context;

  // docs.joinmastodon.org/methods/statuses/#create
  sim.route('POST', '/api/v1/statuses', { bucket: 'api' }, (route) => createStatus(context, route));

  // docs.joinmastodon.org/methods/statuses/#get — 404 "Record not found" when missing or not visible.
  sim.route('GET', '/api/v1/statuses/:id', { bucket: 'api' }, ({ params, accountId, now }) => {
    const post = sim.posts.get(String(params.id));
    if (post === undefined || !canSee(post, accountId)) return mastodonError(404, RECORD_NOT_FOUND);
    return Response.json(renderStatus(context, post, { viewerId: accountId, now }));
  });

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

/** POST /api/v1/statuses, in the order Mastodon checks things (StatusesController, PostStatusService). */
async function createStatus(
  context: MastodonContext,
  { request, accountId, now }: RouteContext,
): Promise<Response> {
  const { sim } = context;
  const params = await readParamsOrBadRequest(request);
  if (params instanceof Response) return params;

  // StatusesController#set_thread runs first: a reply to a missing or hidden status is a 404.
  const inReplyToId = params.string('in_reply_to_id') ?? '';
  let thread: SimulatedPost | undefined;
  if (inReplyToId !== '') {
    thread = sim.posts.get(inReplyToId);
    if (thread === undefined || !canSee(thread, accountId)) return mastodonError(404, IN_REPLY_NOT_FOUND);
  }

  // Idempotency-Key: the same key from the same account within an hour answers the status it
  // created, before any validation, and stores nothing (docs.joinmastodon.org/methods/statuses/#create).
  const idempotencyKey = request.headers.get('idempotency-key') ?? '';
  if (idempotencyKey !== '') {
    const record = context.idempotency.get(idempotencyKeyOf(accountId, idempotencyKey));
    if (record !== undefined && now < record.expiresAt) {
      const original = sim.posts.get(record.statusId);
      // The key still points at a status that was deleted since: Mastodon's lookup fails with a 404.
      if (original === undefined) return mastodonError(404, RECORD_NOT_FOUND);
      return Response.json(renderStatus(context, original, { viewerId: accountId, now }));
    }
  }

  const scheduledAt = params.string('scheduled_at');
  if (scheduledAt !== undefined && Date.parse(scheduledAt) > now) {
    // A future `scheduled_at` returns a ScheduledStatus on a real server; not simulated, and said loudly.
    return mastodonError(422, 'smmkit Mastodon simulator: scheduled_at is not simulated');
  }

  const poll = params.object('poll');
  const media = validateMedia(context, params.strings('media_ids') ?? [], poll !== undefined, accountId);
  if (media instanceof Response) return media;

  // PostStatusService#preprocess_attributes!: a content warning implies sensitive, and a status
  // with only a content warning posts the warning as its text.
  let text = params.string('status') ?? '';
  let spoilerText = params.string('spoiler_text') ?? '';
  const sensitive = (paramBoolean(params, 'sensitive') ?? false) || spoilerText.trim() !== '';
  if (text.trim() === '' && spoilerText.trim() !== '') {
    text = spoilerText;
    spoilerText = '';
  }
  const visibility = params.string('visibility') || 'public';
  if (!isVisibility(visibility))
    return mastodonError(422, validationFailed(['Visibility is not included in the list']));

  // Status validations, reported together as ActiveRecord does.
  const problems: string[] = [];
  if (text.trim() === '' && media.length === 0) {
    problems.push(TEXT_BLANK);
  } else if (statusLength(text, spoilerText) > context.maxCharacters) {
    // StatusLengthValidator: `statuses.over_character_limit` on :text.
    problems.push(`Text character limit of ${context.maxCharacters} exceeded`);
  }
  const pollInput = poll === undefined ? undefined : readPoll(poll, problems);
  if (problems.length > 0) return mastodonError(422, validationFailed(problems));

  const status: NewStatus = {
    accountId,
    text,
    media,
    inReplyTo: thread,
    poll: pollInput,
    visibility,
    spoilerText,
    sensitive,
    language: languageOf(params.string('language')),
    idempotencyKey: idempotencyKey === '' ? undefined : idempotencyKey,
    createdAt: now,
  };
  const post = storeStatus(context, status);
  if (idempotencyKey !== '') {
    context.idempotency.set(idempotencyKeyOf(accountId, idempotencyKey), {
      statusId: post.id,
      expiresAt: now + IDEMPOTENCY_TTL_MS,
    });
  }
  // docs.joinmastodon.org/methods/statuses/#create: 200 with the Status.
  return Response.json(renderStatus(context, post, { viewerId: accountId, now }));
}

/**
 * PostStatusService#validate_media!: at most 4 ids and no poll alongside; every id must be the
 * account's own unattached upload; a video cannot share a status; all must have finished processing.
 */
function validateMedia(
  context: MastodonContext,
  ids: readonly string[],
  hasPoll: boolean,
  accountId: string,
): SimulatedMedia[] | Response {
  if (ids.length === 0) return [];
  if (ids.length > MAX_MEDIA || hasPoll) return mastodonError(422, TOO_MANY_MEDIA);
  const found: SimulatedMedia[] = [];
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const media = ownUnattachedMedia(context, id, accountId);
    if (media === undefined) missing.push(id);
    else found.push(media);
  }
  if (missing.length > 0) return mastodonError(422, mediaNotFound(missing));
  if (found.length > 1 && found.some((media) => media.kind === 'video'))
    return mastodonError(422, IMAGES_AND_VIDEO);
  if (found.some((media) => context.sim.refreshMedia(media).state === 'processing'))
    return mastodonError(422, MEDIA_NOT_READY);
  return found;
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
  let current = post.inReplyToId === undefined ? undefined : context.sim.posts.get(post.inReplyToId);
  while (current !== undefined && canSee(current, viewerId) && !ancestors.includes(current)) {
    ancestors.unshift(current);
    current = current.inReplyToId === undefined ? undefined : context.sim.posts.get(current.inReplyToId);
  }
  return ancestors;
}

function descendantsOf(context: MastodonContext, post: SimulatedPost, viewerId: string): SimulatedPost[] {
  const replies = context.sim.posts.filter(
    (reply) => reply.inReplyToId === post.id && canSee(reply, viewerId),
  );
  return replies.flatMap((reply) => [reply, ...descendantsOf(context, reply, viewerId)]);
}

function isVisibility(value: string): value is Visibility {
  return (VISIBILITIES as readonly string[]).includes(value);
}

/** `valid_locale_cascade`: the given language when it looks like an ISO 639 code, else the server default `en`. */
function languageOf(language: string | undefined): string {
  return language !== undefined && /^[a-z]{2,3}(-[A-Za-z0-9]+)?$/.test(language) ? language : 'en';
}
