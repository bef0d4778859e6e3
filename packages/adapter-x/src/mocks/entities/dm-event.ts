import type { SimulatedEngagement } from '@smmkit/testkit';
import { compareIds } from '@smmkit/testkit';
import type { XDmEventJson } from './types.js';

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
 * come with `dm_event.fields` or the `sender_id`/`participant_ids` expansions (`DmEvent` in
 * https://api.x.com/2/openapi.json).
 */
export function renderDmEvent(
  message: SimulatedEngagement,
  fields: ReadonlySet<string>,
  expansions: ReadonlySet<string>,
): XDmEventJson {
  const event: Record<string, unknown> = { id: message.id, event_type: 'MessageCreate', text: message.text };
  if (fields.has('created_at')) event.created_at = new Date(message.createdAt).toISOString();
  if (fields.has('dm_conversation_id'))
    event.dm_conversation_id = conversationIdOf(message.authorId, message.accountId);
  if (fields.has('sender_id') || expansions.has('sender_id')) event.sender_id = message.authorId;
  if (fields.has('participant_ids') || expansions.has('participant_ids'))
    event.participant_ids = [message.authorId, message.accountId];
  return event as XDmEventJson;
}
