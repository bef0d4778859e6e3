import type { SimulatedMedia, SimulatedPost } from '@smmkit/testkit';
import {
  accountByHandle,
  type MastodonContext,
  type StatusExtra,
  type StatusMention,
  type Visibility,
} from './context.js';
import { extractEntities } from './status-text.js';

/** A status to store, already validated. */
export interface NewStatus {
  /** The author. */
  readonly accountId: string;
  /** The plain text as sent. */
  readonly text: string;
  /** Attached media, in the order given. */
  readonly media: readonly SimulatedMedia[];
  /** The status it replies to. */
  readonly inReplyTo: SimulatedPost | undefined;
  /** A poll. */
  readonly poll:
    | {
        readonly options: readonly string[];
        readonly expiresInSeconds: number;
        readonly multiple: boolean;
        readonly hideTotals: boolean;
      }
    | undefined;
  /** Visibility. */
  readonly visibility: Visibility;
  /** Content warning, `''` when none. */
  readonly spoilerText: string;
  /** Marked sensitive. */
  readonly sensitive: boolean;
  /** ISO 639 language code. */
  readonly language: string;
  /** The `Idempotency-Key` header, if any. */
  readonly idempotencyKey: string | undefined;
  /** Creation instant, simulated time. */
  readonly createdAt: number;
}

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
  const poll =
    status.poll === undefined
      ? undefined
      : {
          id: sim.nextId(),
          expiresAt: status.createdAt + status.poll.expiresInSeconds * 1000,
          multiple: status.poll.multiple,
          hideTotals: status.poll.hideTotals,
        };
  const extra: StatusExtra = {
    visibility: status.visibility,
    spoilerText: status.spoilerText,
    sensitive: status.sensitive,
    idempotencyKey: status.idempotencyKey,
    language: status.language,
    poll,
    mentions,
    inReplyToAccountId: status.inReplyTo?.accountId,
  };
  return sim.posts.put({
    id,
    accountId: status.accountId,
    text: status.text,
    media: status.media,
    inReplyToId: status.inReplyTo?.id,
    pollOptions: status.poll?.options,
    createdAt: status.createdAt,
    extra: { ...extra },
  });
}

/** Local accounts a text mentions (`@user` or `@user@this-host`), once each, in text order. */
export function mentionedAccountIds(context: MastodonContext, text: string): string[] {
  const ids: string[] = [];
  for (const entity of extractEntities(text)) {
    if (entity.kind !== 'mention') continue;
    if (entity.domain !== undefined && entity.domain.toLowerCase() !== context.host) continue;
    const account = accountByHandle(context, entity.username);
    if (account !== undefined && !ids.includes(account.id)) ids.push(account.id);
  }
  return ids;
}
