import type { RouteContext } from '@smmkit/testkit';
import type { XBucket } from '../budgets.js';
import type { XContext } from '../context.js';
import { listDmEvents } from '../dm-events.js';
import { resourceNotFound } from '../problems.js';
import { ID_PATTERN, malformedId } from '../request-params.js';
import { xRoute } from '../scopes.js';
import { sendDirectMessage } from '../send-direct-message.js';

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
  xRoute(context, 'GET', '/2/dm_events', 'dm-events', 'readDirectMessages', (route) =>
    listDmEvents(context, route),
  );

  // getDirectMessagesEventsByParticipantId (the spec): participant_id `^[0-9]{1,19}$`, same
  // query and answer as GET /2/dm_events, only the events of the conversation with that user.
  const withParticipant = '/2/dm_conversations/with/:participant_id';
  xRoute(context, 'GET', `${withParticipant}/dm_events`, 'dm-events', 'readDirectMessages', (route) => {
    const participantId = participant(route);
    return participantId instanceof Response ? participantId : listDmEvents(context, route, participantId);
  });

  // POST /2/dm_conversations/with/:participant_id/messages {text, attachments}
  // → 201 {data:{dm_conversation_id, dm_event_id}}
  // (https://docs.x.com/x-api/direct-messages/manage/introduction); 15 per 15 min and 1,440 per 24 h
  // (https://docs.x.com/x-api/fundamentals/rate-limits).
  const send: readonly XBucket[] = ['dm-send', 'dm-send-24h'];
  xRoute(context, 'POST', `${withParticipant}/messages`, send, 'sendDirectMessage', (route) =>
    sendDirectMessage(context, route, () => participant(route)),
  );

  // createDirectMessagesByConversationId (the spec): the same body and answer, addressed by
  // conversation id; it shares the send limits (ASSUMED: X lists one DM-send limit).
  const byConversation = '/2/dm_conversations/:dm_conversation_id/messages';
  xRoute(context, 'POST', byConversation, send, 'sendDirectMessage', (route) =>
    sendDirectMessage(context, route, (senderId) =>
      otherParticipant(context, String(route.params.dm_conversation_id), senderId),
    ),
  );
}

/** The user `participant_id` names, or X's 400 for a malformed id and 404 for an unknown user (ASSUMED wording). */
function participantOf(context: XContext, participantId: string): string | Response {
  if (!ID_PATTERN.test(participantId)) return malformedId('participant_id', participantId, 'path');
  if (context.sim.accounts.get(participantId) === undefined)
    return resourceNotFound('user', 'participant_id', participantId);
  return participantId;
}

/**
 * The other member of the one-to-one conversation `conversationId` (`<id>-<id>`, the smaller id
 * first) that `senderId` belongs to, or a 404 for a conversation the sender is not in or that
 * does not exist (ASSUMED: X's answer is not documented).
 */
function otherParticipant(context: XContext, conversationId: string, senderId: string): string | Response {
  const ids = /^([0-9]{1,19})-([0-9]{1,19})$/.exec(conversationId);
  const other =
    ids === null ? undefined : ids[1] === senderId ? ids[2] : ids[2] === senderId ? ids[1] : undefined;
  if (other === undefined || other === senderId || context.sim.accounts.get(other) === undefined)
    return resourceNotFound('dm_conversation', 'dm_conversation_id', conversationId);
  return other;
}
