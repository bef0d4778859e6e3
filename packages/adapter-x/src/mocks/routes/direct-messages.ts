import type { SimulatedEngagement } from '@smmkit/testkit';
import {
  arr,
  compareIds,
  isJsonObject,
  obj,
  queryList,
  type RouteContext,
  type SchemaCheck,
  selectFields,
  str,
} from '@smmkit/testkit/simulator-kit';
import type { XBucket } from '../budgets.js';
import type { XContext } from '../context.js';
import type { XDmEventJson } from '../entities/types.js';
import { renderUsers } from '../entities/user.js';
import { DM_EVENTS_WINDOW_MS } from '../limits.js';
import {
  invalidParameter,
  invalidRequest,
  MEDIA_IDS_INVALID_MESSAGE,
  resourceNotFound,
  schemaErrors,
} from '../problems.js';
import { ID_PATTERN, malformedId, maxResultsParam, readJsonObject } from '../request-params.js';
import { xRoute } from '../scopes.js';
import { paginate } from '../timeline.js';

/**
 * Declares the one-to-one DM endpoints (https://docs.x.com/x-api/direct-messages/lookup/introduction;
 * https://docs.x.com/x-api/direct-messages/manage/introduction; the "Direct Messages" tag of
 * https://api.x.com/2/openapi.json): list the caller's events, list those exchanged with one participant,
 * send to a participant, send into a conversation. DMs live in `sim.engagements` (kind `direct_message`,
 * `accountId` the recipient, `authorId` the sender); a one-to-one conversation's id is both user ids joined
 * by `-` (`conversationIdOf`). Group conversations (`POST /2/dm_conversations`) are not simulated.
 *
 * @example
 * ```ts
 * registerDirectMessageRoutes(context); // GET /2/dm_events, POST /2/dm_conversations/with/:participant_id/messages, …
 * ```
 */
export function registerDirectMessageRoutes(context: XContext): void {
  const participant = ({ params }: RouteContext) => participantOf(context, String(params.participant_id));

  // getDirectMessagesEvents (the spec).
  xRoute(context, 'GET', '/2/dm_events', 'dm-events', 'readDirectMessages', listDmEvents);

  // getDirectMessagesEventsByParticipantId (the spec): participant_id `^[0-9]{1,19}$`, same
  // query and answer as GET /2/dm_events, only the events of the conversation with that user.
  const withParticipant = '/2/dm_conversations/with/:participant_id';
  xRoute(
    context,
    'GET',
    `${withParticipant}/dm_events`,
    'dm-conversation-events',
    'readDirectMessages',
    (route) => listDmEvents(route, context, participant(route)),
  );

  // POST /2/dm_conversations/with/:participant_id/messages {text, attachments}
  // → 201 {data:{dm_conversation_id, dm_event_id}}
  // (https://docs.x.com/x-api/direct-messages/manage/introduction); 15 per 15 min and 1,440 per 24 h
  // (https://docs.x.com/x-api/fundamentals/rate-limits).
  const send: readonly XBucket[] = ['dm-send', 'dm-send-24h'];
  xRoute(context, 'POST', `${withParticipant}/messages`, send, 'sendDirectMessage', (route) =>
    sendDirectMessage(route, context, participant(route)),
  );

  // createDirectMessagesByConversationId (the spec): the same body and answer, addressed by
  // conversation id; it shares the send limits (ASSUMED: X lists one DM-send limit).
  const byConversation = '/2/dm_conversations/:dm_conversation_id/messages';
  xRoute(context, 'POST', byConversation, send, 'sendDirectMessage', (route) =>
    sendDirectMessage(route, context, otherParticipant(context, route)),
  );
}

/** The user `participant_id` names; throws X's 400 for a malformed id and 404 for an unknown user (ASSUMED wording). */
function participantOf(context: XContext, participantId: string): string {
  if (!ID_PATTERN.test(participantId)) throw malformedId('participant_id', participantId, 'path');
  if (context.sim.accounts.get(participantId) === undefined)
    throw resourceNotFound('user', 'participant_id', participantId);
  return participantId;
}

/**
 * The other member of the one-to-one conversation `:dm_conversation_id` (`<id>-<id>`, the smaller id
 * first) that the caller belongs to; throws a 404 for a conversation the caller is not in or that
 * does not exist (ASSUMED: X's answer is not documented).
 */
function otherParticipant(context: XContext, { params, accountId }: RouteContext): string {
  const conversationId = String(params.dm_conversation_id);
  const ids = /^([0-9]{1,19})-([0-9]{1,19})$/.exec(conversationId);
  const other =
    ids === null ? undefined : ids[1] === accountId ? ids[2] : ids[2] === accountId ? ids[1] : undefined;
  if (other === undefined || other === accountId || context.sim.accounts.get(other) === undefined)
    throw resourceNotFound('dm_conversation', 'dm_conversation_id', conversationId);
  return other;
}

/**
 * `CreateDirectMessagesByParticipantIdRequest` and `CreateDirectMessagesByConversationIdRequest` of
 * https://api.x.com/2/openapi.json (the same shape): `text` (minLength 1) and
 * `attachments[{media_id}]`, `additionalProperties: false` at both levels.
 */
const CREATE_DM_REQUEST: SchemaCheck = obj({
  attachments: arr(obj({ media_id: str({ pattern: ID_PATTERN }) }, ['media_id'])),
  text: str({ minLength: 1 }),
});

/**
 * Sends a one-to-one direct message for `POST /2/dm_conversations/with/:participant_id/messages`
 * and `POST /2/dm_conversations/:dm_conversation_id/messages`
 * (https://docs.x.com/x-api/direct-messages/manage/introduction; createDirectMessagesByParticipantId,
 * createDirectMessagesByConversationId in https://api.x.com/2/openapi.json), once the route has counted
 * the daily cap (ASSUMED: reported like POST /2/tweets's, in x-user-limit-24hour-*) and checked the
 * scopes and found the recipient (`recipientId`; the route throws X's problem when there is none): the
 * body, then attachments that must be the sender's processed media (a subtitle file is none: ASSUMED
 * refused like an unknown id, as in a post). Answers 201
 * `{data:{dm_conversation_id, dm_event_id}}`, and stores the message in `sim.engagements` (kind
 * `direct_message`, `accountId` the recipient, `authorId` the sender).
 */
async function sendDirectMessage(
  { request, accountId, now }: RouteContext,
  context: XContext,
  recipientId: string,
): Promise<Response> {
  const { sim } = context;
  const body = await readJsonObject(request);
  const problems = schemaErrors(CREATE_DM_REQUEST, body);
  // The request schema's `anyOf: [{required: [text]}, {required: [attachments]}]`.
  if (body.text === undefined && body.attachments === undefined)
    problems.push({ parameters: {}, message: '$: must have at least one of text, attachments' });
  if (problems.length > 0) return invalidRequest(problems);
  const attachments = Array.isArray(body.attachments) ? body.attachments : [];
  for (const attachment of attachments) {
    const media = isJsonObject(attachment) ? sim.media.get(String(attachment.media_id)) : undefined;
    if (
      media === undefined ||
      media.accountId !== accountId ||
      media.kind === 'document' ||
      sim.refreshMedia(media).state !== 'ready'
    )
      return invalidParameter('attachments', attachments, MEDIA_IDS_INVALID_MESSAGE);
  }
  const sender = sim.accounts.get(accountId);
  const event = sim.engagements.put({
    id: sim.nextId(),
    kind: 'direct_message',
    accountId: recipientId,
    postId: undefined,
    authorId: accountId,
    authorHandle: sender?.handle ?? '',
    text: typeof body.text === 'string' ? body.text : '',
    createdAt: now,
    hidden: false,
  });
  return Response.json(
    { data: { dm_conversation_id: conversationIdOf(accountId, recipientId), dm_event_id: event.id } },
    { status: 201 },
  );
}

/**
 * A page of the caller's DM events, newest first: every one-to-one message the caller sent or
 * received in the last 30 days ("Events from up to 30 days ago are available through these
 * endpoints", https://docs.x.com/x-api/direct-messages/lookup/introduction), only those exchanged with
 * `participantId` when given. Reads the query of getDirectMessagesEvents and
 * getDirectMessagesEventsByParticipantId (https://api.x.com/2/openapi.json): `max_results` 1..100 (default
 * 100), `pagination_token`, `event_types`, `dm_event.fields`, `expansions` (`sender_id`, `participant_ids`)
 * and `user.fields`; answers `{data?, includes?, meta{result_count, next_token?, previous_token?}}`.
 *
 * @example
 * ```ts
 * xRoute(context, 'GET', '/2/dm_events', 'dm-events', 'readDirectMessages', listDmEvents);
 * ```
 */
function listDmEvents(
  { url, accountId, now }: RouteContext,
  context: XContext,
  participantId?: string,
): Response {
  const { sim } = context;
  const maxResults = maxResultsParam(url, 1, 100, 100);
  const types = queryList(url, 'event_types');
  const messages =
    types.size > 0 && !types.has('MessageCreate')
      ? []
      : sim.engagements.filter(
          (item) =>
            item.kind === 'direct_message' &&
            (item.accountId === accountId || item.authorId === accountId) &&
            (participantId === undefined ||
              (item.accountId === accountId ? item.authorId : item.accountId) === participantId) &&
            now - item.createdAt <= DM_EVENTS_WINDOW_MS,
        );
  const page = paginate(messages, maxResults, url.searchParams.get('pagination_token'));
  const expansions = queryList(url, 'expansions');
  // The sender_id and participant_ids expansions also put their field on the event.
  const expanded = ['sender_id', 'participant_ids'].filter((name) => expansions.has(name));
  const fields = new Set([...queryList(url, 'dm_event.fields'), ...expanded]);
  const data = page.items.map((item) => renderDmEvent(item, fields));
  const userIds = page.items.flatMap((item) => [
    ...(expansions.has('sender_id') || expansions.has('participant_ids') ? [item.authorId] : []),
    ...(expansions.has('participant_ids') ? [item.accountId] : []),
  ]);
  const users = renderUsers(context, new Set(userIds), queryList(url, 'user.fields'));
  const { result_count, next_token, previous_token } = page.meta;
  return Response.json({
    ...(data.length > 0 ? { data } : {}),
    ...(users.length > 0 ? { includes: { users } } : {}),
    meta: {
      result_count,
      ...(next_token === undefined ? {} : { next_token }),
      ...(previous_token === undefined ? {} : { previous_token }),
    },
  });
}

/**
 * The id of the one-to-one conversation between two users: both ids joined by `-`, smaller first
 * (docs.x.com DM lookup quickstart: `/2/dm_conversations/1234567890-9876543210/dm_events`).
 */
export function conversationIdOf(a: string, b: string): string {
  return compareIds(a, b) <= 0 ? `${a}-${b}` : `${b}-${a}`;
}

/**
 * A direct message as a DM event. The simulator keeps DMs in `sim.engagements` (kind
 * `direct_message`, `accountId` the recipient, `authorId` the sender). Defaults are `id`,
 * `event_type` and `text`; `created_at`, `dm_conversation_id`, `sender_id` and `participant_ids`
 * come with `fields` (`DmEvent` in https://api.x.com/2/openapi.json).
 */
function renderDmEvent(message: SimulatedEngagement, fields: ReadonlySet<string>): XDmEventJson {
  const event = { id: message.id, event_type: 'MessageCreate', text: message.text };
  return selectFields(event, fields, {
    created_at: () => new Date(message.createdAt).toISOString(),
    dm_conversation_id: () => conversationIdOf(message.authorId, message.accountId),
    sender_id: () => message.authorId,
    participant_ids: () => [message.authorId, message.accountId],
  }) as XDmEventJson;
}
