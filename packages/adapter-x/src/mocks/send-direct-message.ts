import { arr, isJsonObject, obj, type RouteContext, type SchemaCheck, str } from '@smmkit/testkit';
import type { XContext } from './context.js';
import { conversationIdOf } from './entities/dm-event.js';
import {
  invalidParameter,
  invalidRequest,
  jsonResponse,
  MEDIA_IDS_INVALID_MESSAGE,
  schemaErrors,
} from './problems.js';
import { ID_PATTERN, readJsonObject } from './request-params.js';

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
 * scopes: the recipient (`recipientOf` answers its id or X's problem), the body, then
 * attachments that must be the sender's processed media. Answers 201
 * `{data:{dm_conversation_id, dm_event_id}}`, and stores the message in `sim.engagements` (kind
 * `direct_message`, `accountId` the recipient, `authorId` the sender).
 *
 * @example
 * ```ts
 * sim.route('POST', '/2/dm_conversations/with/:participant_id/messages', { bucket: ['dm-send', 'dm-send-24h'] }, (route) =>
 *   sendDirectMessage(context, route, () => String(route.params.participant_id)),
 * );
 * ```
 */
export async function sendDirectMessage(
  context: XContext,
  route: RouteContext,
  recipientOf: (senderId: string) => string | Response,
): Promise<Response> {
  const { sim } = context;
  const { request, accountId, now } = route;
  const recipientId = recipientOf(accountId);
  if (recipientId instanceof Response) return recipientId;
  const body = await readJsonObject(request);
  if (body instanceof Response) return body;
  const problems = schemaErrors(CREATE_DM_REQUEST, body);
  // The request schema's `anyOf: [{required: [text]}, {required: [attachments]}]`.
  if (body.text === undefined && body.attachments === undefined)
    problems.push({ parameters: {}, message: '$: must have at least one of text, attachments' });
  if (problems.length > 0) return invalidRequest(problems);
  const attachments = Array.isArray(body.attachments) ? body.attachments : [];
  for (const attachment of attachments) {
    const media = isJsonObject(attachment) ? sim.media.get(String(attachment.media_id)) : undefined;
    if (media === undefined || media.accountId !== accountId || sim.refreshMedia(media).state !== 'ready')
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
  return jsonResponse(
    { data: { dm_conversation_id: conversationIdOf(accountId, recipientId), dm_event_id: event.id } },
    201,
  );
}
