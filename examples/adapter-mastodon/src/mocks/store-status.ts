import type { SimulatedMedia, SimulatedPost } from '@smmkit/testkit';
import type { MastodonContext, StatusExtra, StatusMention } from './context.js';
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
      | {
          readonly options: readonly string[];
          readonly expiresInSeconds: number;
          readonly multiple: boolean;
          readonly hideTotals: boolean;
        }
      | undefined;
  };

/**
 * Stores a status in `sim.posts`, with the Mastodon fields in `extra`: the local accounts its text
 * mentions each get a mention notification (except the author: Mastodon does not notify you of
 * your own mention). Ids come from the simulator's increasing id generator, so a status's
 * notifications are newer than the status.
 */
export function storeStatus(context: MastodonContext, status: NewStatus): SimulatedPost {
  const { sim } = context;
  const id = sim.nextId();
  const mentions: StatusMention[] = [];
  for (const accountId of mentionedAccountIds(context, status.text)) {
    mentions.push({ accountId, notificationId: accountId === status.accountId ? undefined : sim.nextId() });
  }
  const { poll } = status;
  const extra: StatusExtra = {
    visibility: status.visibility ?? 'public',
    spoilerText: status.spoilerText ?? '',
    sensitive: status.sensitive ?? false,
    idempotencyKey: status.idempotencyKey,
    language: status.language ?? 'en',
    poll:
      poll === undefined
        ? undefined
        : {
            id: sim.nextId(),
            expiresAt: status.createdAt + poll.expiresInSeconds * 1000,
            multiple: poll.multiple,
            hideTotals: poll.hideTotals,
          },
    mentions,
    inReplyToAccountId: status.inReplyTo?.accountId,
  };
  return sim.addPost({
    id,
    accountId: status.accountId,
    text: status.text,
    media: status.media ?? [],
    inReplyToId: status.inReplyTo?.id,
    pollOptions: poll?.options,
    createdAt: status.createdAt,
    extra: { ...extra },
  });
}

/** Local accounts a text mentions (`@user` or `@user@this-host`), once each, in text order. */
function mentionedAccountIds(context: MastodonContext, text: string): string[] {
  const ids: string[] = [];
  for (const entity of extractEntities(text)) {
    if (entity.kind !== 'mention') continue;
    if (entity.domain !== undefined && entity.domain.toLowerCase() !== context.host) continue;
    const account = context.sim.accountByHandle(entity.username);
    if (account !== undefined && !ids.includes(account.id)) ids.push(account.id);
  }
  return ids;
}
