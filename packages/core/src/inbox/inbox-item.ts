import * as z from 'zod/mini';
import { type Engagement, EngagementSchema } from '../models/engagement.js';
import { InstantSchema } from '../models/instant.js';
import { parseModel } from '../parse/parse-model.js';

/** Where an inbox item stands, in the order a conversation goes through them. */
export const INBOX_STATUSES = ['new', 'seen', 'replied', 'resolved'] as const satisfies InboxStatus[];

/**
 * Where an inbox item stands: `new` (nobody looked at it), `seen`, `replied` (the team answered
 * through the inbox) or `resolved` (nothing more to do).
 */
export type InboxStatus = 'new' | 'seen' | 'replied' | 'resolved';

/**
 * An {@link InboxItem} as a store keeps and reads it back: the engagement's fields, then the
 * inbox's own. Instants may be `Date`s or ISO strings (a store's JSON) and come out as `Date`s.
 */
export const InboxItemSchema = /* @__PURE__ */ (() =>
  z.extend(EngagementSchema, {
    /** Where it stands. */
    status: z.enum(INBOX_STATUSES),
    /** Who on the team looks after it. */
    assignee: z.optional(z.string().check(z.minLength(1))),
    /** The team's labels, each once, in the order added. */
    tags: z.array(z.string().check(z.minLength(1))),
    /** When the inbox first stored it (polled or pushed by a webhook). */
    receivedAt: InstantSchema,
    /** When it last changed in the inbox. */
    updatedAt: InstantSchema,
    /** When the team first replied to it through the inbox. */
    firstResponseAt: z.optional(InstantSchema),
    /** When it was first marked resolved. */
    resolvedAt: z.optional(InstantSchema),
    /** When it was deleted on the platform through the inbox. */
    deletedAt: z.optional(InstantSchema),
    /**
     * When its text was last edited: the delivery's `editedAt` (the platform's time of the edit,
     * as near as it tells) when it gave one, else when the inbox took it.
     */
    editedAt: z.optional(InstantSchema),
    /**
     * A reply sent through the inbox whose answer was lost (it ended in an
     * `AmbiguousOutcomeError`): it may be on the platform. While it is here, `Inbox.reply`
     * refuses another reply unless told to send anyway; a reply that succeeds removes it.
     */
    uncertainReply: z.optional(
      z.object({
        /** When the inbox learnt the reply's outcome was unknown (just after sending it). */
        at: InstantSchema,
        /** The text that was sent. */
        text: z.string(),
      }),
    ),
  }))();

/**
 * One engagement in the inbox: the {@link Engagement} as the platform gave it (so it can be
 * passed wherever an engagement is expected, `engagementSla` included), with where it stands,
 * who looks after it, its tags, and when it was received, first answered and resolved.
 *
 * @example
 * ```ts
 * for await (const item of inbox.items({ statuses: ['new'] })) {
 *   console.log(item.platform, item.author.handle, item.text, item.receivedAt);
 * }
 * ```
 */
export interface InboxItem extends z.output<typeof InboxItemSchema> {}

/**
 * Which engagement: its platform, the connected account it is an engagement of, and the
 * platform's id for it (an {@link InboxItem} fits). The account is part of it because one
 * platform object can engage several of your accounts (an X post that mentions two of them):
 * the inbox keeps one item per account, each answered as its own account.
 */
export interface EngagementRef {
  /** Platform id. */
  readonly platform: string;
  /** The connected account's id on the platform (the item's `accountId`). */
  readonly accountId: string;
  /** The platform's id for the engagement. */
  readonly id: string;
}

/**
 * A change to an inbox item. Each field is applied on its own, so that two people changing one
 * item at once (one tags it, one assigns it) both win; a store applies a patch atomically.
 */
export interface InboxItemPatch {
  /** The new status. */
  readonly status?: InboxStatus | undefined;
  /** Change the status only from one of these (a reply does not undo `resolved`). */
  readonly statusFrom?: readonly InboxStatus[] | undefined;
  /** The new assignee; `null` removes it. */
  readonly assignee?: string | null | undefined;
  /** Tags to add (those already there stay once). */
  readonly addTags?: readonly string[] | undefined;
  /** Tags to remove. */
  readonly removeTags?: readonly string[] | undefined;
  /** The first response time: set only when the item has none yet. */
  readonly firstResponseAt?: Date | undefined;
  /** The resolution time: set only when the item has none yet. */
  readonly resolvedAt?: Date | undefined;
  /** Whether it is hidden on the platform now. */
  readonly hidden?: boolean | undefined;
  /** When it was deleted on the platform. */
  readonly deletedAt?: Date | undefined;
  /**
   * The text as the platform now has it (an edited comment): when it differs from the item's,
   * it replaces it and `editedAt` becomes the patch's `editedAt` (or its time); the item's state
   * stays as it was. A text edited before the item's `editedAt` is older than the one kept and
   * is left out (an edit delivered late); the same text with a later `editedAt` moves
   * `editedAt` on (an edit back to the kept text).
   */
  readonly text?: string | undefined;
  /** When the platform says `text` was written (default the patch's time). */
  readonly editedAt?: Date | undefined;
  /** A reply that may be on the platform (its answer was lost); `null` removes the record. */
  readonly uncertainReply?:
    | {
        /** When the inbox learnt the reply's outcome was unknown (just after sending it). */
        readonly at: Date;
        /** The text that was sent. */
        readonly text: string;
      }
    | null
    | undefined;
}

/**
 * A new inbox item for an engagement: `new`, no tags, received and updated at `receivedAt`.
 *
 * @param engagement - the engagement
 * @param receivedAt - when the inbox got it
 * @returns the item, checked against the item schema
 * @throws ValidationError when the engagement is not valid
 *
 * @example
 * ```ts
 * const item = newInboxItem(engagement, new Date());
 * item.status; // 'new'
 * ```
 */
export function newInboxItem(engagement: Engagement, receivedAt: Date): InboxItem {
  return parseInboxItem({ ...engagement, status: 'new', tags: [], receivedAt, updatedAt: receivedAt });
}

/**
 * Reads an inbox item, for example back from a store's JSON (instants to `Date`s).
 *
 * @param input - the item
 * @returns the parsed item, a fresh copy of every instant
 * @throws ValidationError listing every problem when it is not a valid item
 *
 * @example
 * ```ts
 * const item = parseInboxItem(JSON.parse(row.json));
 * ```
 */
export function parseInboxItem(input: unknown): InboxItem {
  return parseModel(InboxItemSchema, input, 'inbox item');
}

/**
 * Applies a patch to an item, as every store must (memory, SQLite, yours): the status changes
 * only from `statusFrom` when given; `assignee: null` removes the assignee; tags are added once
 * and removed; `firstResponseAt` and `resolvedAt` are kept once set; a `text` other than the
 * item's replaces it, `editedAt` becoming the patch's `editedAt` (default `at`), unless the item
 * holds a later edit; `uncertainReply` is set by the patch's or removed by `null`; `updatedAt`
 * becomes `at`.
 *
 * @param item - the item as stored
 * @param patch - the change
 * @param at - when it is made
 * @returns the changed item (a new object; `item` is left as it was)
 *
 * @example
 * ```ts
 * const next = applyInboxPatch(item, { status: 'replied', statusFrom: ['new', 'seen'], firstResponseAt: now }, now);
 * ```
 */
export function applyInboxPatch(item: InboxItem, patch: InboxItemPatch, at: Date): InboxItem {
  const { assignee: _assignee, uncertainReply: _uncertainReply, ...rest } = item;
  const statusMoves =
    patch.status !== undefined && (patch.statusFrom === undefined || patch.statusFrom.includes(item.status));
  const assignee = patch.assignee === undefined ? item.assignee : (patch.assignee ?? undefined);
  const removed = new Set(patch.removeTags ?? []);
  const tags = [...new Set([...item.tags, ...(patch.addTags ?? [])])].filter((tag) => !removed.has(tag));
  return {
    ...rest,
    ...(assignee === undefined ? {} : { assignee }),
    status: statusMoves && patch.status !== undefined ? patch.status : item.status,
    tags,
    ...(patch.hidden === undefined ? {} : { hidden: patch.hidden }),
    ...firstOnly('firstResponseAt', item.firstResponseAt, patch.firstResponseAt),
    ...firstOnly('resolvedAt', item.resolvedAt, patch.resolvedAt),
    ...firstOnly('deletedAt', item.deletedAt, patch.deletedAt),
    ...textEdit(item, patch, at),
    ...uncertainReplyOf(item, patch),
    updatedAt: new Date(at.getTime()),
  };
}

/**
 * The text and `editedAt` a patch brings: nothing when it is older than the item's edit, only the
 * later `editedAt` when the platform says the same text was edited again (an edit back to the
 * text kept, whose time later edits are compared with), else both.
 */
function textEdit(item: InboxItem, patch: InboxItemPatch, at: Date): Partial<InboxItem> {
  if (patch.text === undefined) return {};
  const editedAt = (patch.editedAt ?? at).getTime();
  const kept = item.editedAt?.getTime();
  // An older edit never puts its text back; of two at the same time, the last to arrive wins.
  if (kept !== undefined && editedAt < kept) return {};
  if (patch.text !== item.text) return { text: patch.text, editedAt: new Date(editedAt) };
  const later = patch.editedAt !== undefined && (kept === undefined || editedAt > kept);
  return later ? { editedAt: new Date(editedAt) } : {};
}

/** The uncertain reply after a patch: the patch's (a copy), the item's, or none after `null`. */
function uncertainReplyOf(item: InboxItem, patch: InboxItemPatch): Partial<InboxItem> {
  const kept = patch.uncertainReply === undefined ? item.uncertainReply : patch.uncertainReply;
  return kept === null || kept === undefined
    ? {}
    : { uncertainReply: { at: new Date(kept.at.getTime()), text: kept.text } };
}

/** `{ [key]: kept ?? given }`, or nothing when both are absent. */
function firstOnly<K extends string>(
  key: K,
  kept: Date | undefined,
  given: Date | undefined,
): Partial<Record<K, Date>> {
  const value = kept ?? given;
  return value === undefined ? {} : ({ [key]: new Date(value.getTime()) } as Partial<Record<K, Date>>);
}

/**
 * The engagement inside an item, without the inbox's fields: what adapters are given.
 *
 * @param item - the item
 * @returns its engagement
 */
export function engagementOf(item: InboxItem): Engagement {
  const {
    status: _status,
    assignee: _assignee,
    tags: _tags,
    receivedAt: _receivedAt,
    updatedAt: _updatedAt,
    firstResponseAt: _firstResponseAt,
    resolvedAt: _resolvedAt,
    deletedAt: _deletedAt,
    editedAt: _editedAt,
    uncertainReply: _uncertainReply,
    ...engagement
  } = item;
  return engagement;
}

/**
 * One string per engagement ref (platform, account, id), for maps and sets of items. Internal to
 * core's inbox; JSON keeps the parts from running into each other whatever they hold.
 *
 * @param ref - the engagement's ref
 * @returns its key
 */
export function engagementRefKey(ref: EngagementRef): string {
  return JSON.stringify([ref.platform, ref.accountId, ref.id]);
}
