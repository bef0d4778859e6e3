import type { RouteContext, SimulatedEngagement } from '@smmkit/testkit';
import type { XContext } from './context.js';
import { renderDmEvent } from './entities/dm-event.js';
import { renderUser } from './entities/user.js';
import { DM_EVENTS_WINDOW_MS } from './limits.js';
import { paginate } from './pagination.js';
import { jsonResponse } from './problems.js';
import { listParam, maxResultsParam } from './request-params.js';

/**
 * A page of the caller's DM events, newest first: every one-to-one message the caller sent or
 * received in the last 30 days ("Events from up to 30 days ago are available through these
 * endpoints", https://docs.x.com/x-api/direct-messages/lookup/introduction), only those exchanged with
 * `participantId` when given. Reads the query of getDirectMessagesEvents and
 * getDirectMessagesEventsByParticipantId (https://api.x.com/2/openapi.json): `max_results` 1..100 (default
 * 100), `pagination_token`, `event_types`, `dm_event.fields`, `expansions` (`sender_id`, `participant_ids`)
 * and `user.fields`; answers `{data?, includes?, meta{result_count, next_token?}}`.
 *
 * @example
 * ```ts
 * sim.route('GET', '/2/dm_events', { bucket: 'dm-events' }, (route) => listDmEvents(context, route));
 * ```
 */
export function listDmEvents(
  context: XContext,
  { url, accountId, now }: RouteContext,
  participantId?: string,
): Response {
  const { sim } = context;
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
            (participantId === undefined ||
              (item.accountId === accountId ? item.authorId : item.accountId) === participantId) &&
            now - item.createdAt <= DM_EVENTS_WINDOW_MS,
        );
  const page = paginate(messages, maxResults, url.searchParams.get('pagination_token'));
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
