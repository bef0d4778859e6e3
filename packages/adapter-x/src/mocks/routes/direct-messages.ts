import { type RouteContext, type SimulatedEngagement, withHeaders } from '@smmkit/testkit';
import type { XContext } from '../context.js';
import { takeDailyCap } from '../daily-cap.js';
import { conversationIdOf, renderDmEvent, renderUser } from '../entities/index.js';
import { DM_EVENTS_WINDOW_MS } from '../limits.js';
import { refreshMedia } from '../media-processing.js';
import { paginate } from '../pagination.js';
import {
  invalidParameter,
  invalidRequest,
  jsonResponse,
  MEDIA_IDS_INVALID_MESSAGE,
  resourceNotFound,
} from '../problems.js';
import { isObject, listParam, maxResultsParam, readJsonObject } from '../request-params.js';
import { missingScope, REQUIRED_SCOPES } from '../scopes.js';

/**
 * Declares the DM endpoints: list events, send to a participant. DMs live in `sim.engagements`
 * (kind `direct_message`, `accountId` the recipient, `authorId` the sender).
 *
 * @example
 * ```ts
 * registerDirectMessageRoutes(context); // GET /2/dm_events, POST /2/dm_conversations/with/:participant_id/messages
 * ```
 */
export function registerDirectMessageRoutes(context: XContext): void {
  const { sim } = context;

  // x.md "Engagement": GET /2/dm_events; x-openapi.json getDirectMessagesEvents: max_results 1..100
  // (default 100), event_types, pagination_token; meta{result_count, next_token}; sent and
  // received events of the last 30 days (docs.x.com DM lookup), newest first.
  sim.route('GET', '/2/dm_events', { bucket: 'dm-events' }, ({ request, url, accountId, now }) => {
    const scopeProblem = missingScope(context, request, REQUIRED_SCOPES.readDirectMessages);
    if (scopeProblem !== undefined) return scopeProblem;
    const maxResults = maxResultsParam(url, 1, 100, 100);
    if (maxResults instanceof Response) return maxResults;
    const types = listParam(url, 'event_types');
    const messages =
      types.size > 0 && !types.has('MessageCreate')
        ? []
        : sim.engagements.filter(
            (item) =>
              item.kind === 'direct_message' &&
              (item.accountId === accountId || item.authorId === accountId) &&
              now - item.createdAt <= DM_EVENTS_WINDOW_MS,
          );
    const page = paginate(messages, (item) => item.id, maxResults, url.searchParams.get('pagination_token'));
    if (page instanceof Response) return page;
    const fields = listParam(url, 'dm_event.fields');
    const expansions = listParam(url, 'expansions');
    const data = page.items.map((item) => renderDmEvent(item, fields, expansions));
    const users = expandedUsers(context, page.items, expansions, listParam(url, 'user.fields'));
    const { result_count, next_token } = page.meta;
    return jsonResponse({
      ...(data.length > 0 ? { data } : {}),
      ...(users.length > 0 ? { includes: { users } } : {}),
      meta: { result_count, ...(next_token === undefined ? {} : { next_token }) },
    });
  });

  // x.md "Engagement": POST /2/dm_conversations/with/:participant_id/messages {text, attachments}
  // → 201 {data:{dm_conversation_id, dm_event_id}}; 15 per 15 min and 1,440 per 24 h (x.md "Rate limits").
  sim.route('POST', '/2/dm_conversations/with/:participant_id/messages', { bucket: 'dm-send' }, (route) =>
    sendDirectMessage(context, route),
  );
}

async function sendDirectMessage(context: XContext, route: RouteContext) {
  const { sim } = context;
  const { request, params, accountId, now } = route;
  const scopeProblem = missingScope(context, request, REQUIRED_SCOPES.sendDirectMessage);
  if (scopeProblem !== undefined) return scopeProblem;
  // ASSUMED: the daily DM cap is reported like POST /2/tweets's, in x-user-limit-24hour-*.
  const daily = takeDailyCap(context, route, 'dm-send-24h');
  const headers = daily.headers;
  if (daily.refused !== undefined) return withHeaders(daily.refused, headers);

  const participantId = String(params.participant_id);
  const recipient = sim.accounts.get(participantId);
  if (recipient === undefined)
    return withHeaders(resourceNotFound('user', 'participant_id', participantId), headers);
  const body = await readJsonObject(request);
  if (body instanceof Response) return withHeaders(body, headers);
  // x-openapi.json CreateDirectMessagesByParticipantIdRequest: text (minLength 1) and/or attachments.
  const text = body.text;
  const attachments = Array.isArray(body.attachments) ? body.attachments : undefined;
  if (text === undefined && attachments === undefined)
    return withHeaders(
      invalidRequest([{ parameters: {}, message: '$: must have at least one of text, attachments' }]),
      headers,
    );
  if (text !== undefined && (typeof text !== 'string' || text === ''))
    return withHeaders(
      invalidParameter('$.text', text, '$.text: must be at least 1 characters long'),
      headers,
    );
  for (const attachment of attachments ?? []) {
    const media = isObject(attachment) ? sim.media.get(String(attachment.media_id)) : undefined;
    if (
      media === undefined ||
      media.accountId !== accountId ||
      refreshMedia(context, media, now).state !== 'ready'
    )
      return withHeaders(invalidParameter('attachments', attachments, MEDIA_IDS_INVALID_MESSAGE), headers);
  }
  const sender = sim.accounts.get(accountId);
  const event = sim.engagements.put({
    id: sim.nextId(),
    kind: 'direct_message',
    accountId: participantId,
    postId: undefined,
    authorId: accountId,
    authorHandle: sender?.handle ?? '',
    text: typeof text === 'string' ? text : '',
    createdAt: now,
    hidden: false,
  });
  return withHeaders(
    jsonResponse(
      { data: { dm_conversation_id: conversationIdOf(accountId, participantId), dm_event_id: event.id } },
      201,
    ),
    headers,
  );
}

function expandedUsers(
  context: XContext,
  messages: readonly SimulatedEngagement[],
  expansions: ReadonlySet<string>,
  fields: ReadonlySet<string>,
) {
  const ids = new Set<string>();
  for (const message of messages) {
    if (expansions.has('sender_id')) ids.add(message.authorId);
    if (expansions.has('participant_ids')) {
      ids.add(message.authorId);
      ids.add(message.accountId);
    }
  }
  return [...ids].flatMap((id) => {
    const account = context.sim.accounts.get(id);
    return account === undefined ? [] : [renderUser(context, account, fields)];
  });
}
