import type { SimulatedMedia, SimulatedPost } from '@smmkit/testkit';
import {
  localAccount,
  type MastodonContext,
  PLAIN_STATUS,
  type StatusExtra,
  type StatusPoll,
} from './context.js';
import { extractEntities } from './status-text.js';

/**
 * A status to store, already validated: its author, text and time, and what it has beyond a plain
 * public status (its Mastodon fields default as {@link StatusExtra} documents them).
 */
export type NewStatus = Pick<SimulatedPost, 'accountId' | 'text' | 'createdAt'> &
  Partial<Pick<StatusExtra, 'visibility' | 'spoilerText' | 'sensitive' | 'language' | 'idempotencyKey'>> & {
    /** Attached media, in the order given (default none). */
    readonly media?: readonly SimulatedMedia[];
    /** The status it replies to. */
    readonly inReplyTo?: SimulatedPost | undefined;
    /** A poll: its options, how long it is open, multiple choice, hidden totals. */
    readonly poll?:
      | (Pick<StatusPoll, 'multiple' | 'hideTotals'> & {
          readonly options: readonly string[];
          readonly expiresInSeconds: number;
        })
      | undefined;
  };

/**
 * Stores a status in `sim.posts`, with the Mastodon fields in `extra`: the local accounts its text
 * mentions (`@user` or `@user@this-host`, once each, in text order) each get a mention
 * notification (except the author: Mastodon does not notify you of your own mention). Ids come
 * from the simulator's increasing id generator, so a status's notifications are newer than the status.
 */
export function storeStatus(context: MastodonContext, status: NewStatus): SimulatedPost {
  const { sim } = context;
  const { accountId, text, createdAt, media = [], inReplyTo, poll, ...fields } = status;
  const id = sim.nextId();
  const mentioned = new Set(
    extractEntities(text).flatMap((entity) =>
      entity.kind === 'mention' ? (localAccount(context, entity.value, entity.domain)?.id ?? []) : [],
    ),
  );
  const extra: StatusExtra = {
    ...PLAIN_STATUS,
    ...fields,
    mentions: [...mentioned].map((mentionedId) => ({
      accountId: mentionedId,
      notificationId: mentionedId === accountId ? undefined : sim.nextId(),
      notifiedAt: createdAt,
    })),
    poll: poll && {
      id: sim.nextId(),
      expiresAt: createdAt + poll.expiresInSeconds * 1000,
      multiple: poll.multiple,
      hideTotals: poll.hideTotals,
    },
    inReplyToAccountId: inReplyTo?.accountId,
  };
  return sim.addPost({
    id,
    accountId,
    text,
    media,
    inReplyToId: inReplyTo?.id,
    pollOptions: poll?.options,
    createdAt,
    extra: { ...extra },
  });
}
