import { type Engagement, type EngagementKind, UNKNOWN_AUTHOR_ID, ValidationError } from '@smmkit/core';
import { safeParseModel } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';

// Organization social action notifications
// (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-social-action-notifications):
// each notification has `notificationId`, `organizationalEntity`, `action`, `sourcePost` (with
// `decoratedSourcePost`), `generatedActivity` (with `decoratedGeneratedActivity`, a share or a
// comment), `lastModifiedAt` and `subscriber`. No field names who acted: the author of a comment
// or a mentioning post is the `owner` of the decorated activity, and a LIKE has no generated
// activity at all, so no author. `subscriber` is the admin whose subscription delivered it, not who acted.

/**
 * A URN the notification names something by (the organization, a post, a comment, a person):
 * the documented fields hold URNs, so an empty one names nothing. It would become an inbox item
 * of no account, by no one, or on no post, so the notification is refused instead.
 */
const UrnSchema = z.string().check(z.minLength(1));

/** A decorated activity (the comment, or the post that mentions the organization). */
const DecoratedActivitySchema = z.looseObject({
  /** Its full URN (`urn:li:comment:(urn:li:activity:…,…)`, `urn:li:share:…`). */
  entity: z.optional(UrnSchema),
  /** Who wrote it. */
  owner: z.optional(UrnSchema),
  text: z.optional(z.string()),
  // ASSUMED: not among the documented fields; read when present.
  fullText: z.optional(z.string()),
  // ASSUMED: a reply's parent comment, not among the documented fields; read when present.
  parentComment: z.optional(UrnSchema),
});

/** One organization social action notification of an action read as engagement. */
const NotificationSchema = z.looseObject({
  notificationId: z.optional(z.union([z.number(), z.string()])),
  action: z.string(),
  /** The organization notified, whose inbox the engagement belongs to. */
  organizationalEntity: UrnSchema,
  /** The post acted on, as an activity URN (`urn:li:activity:…`). */
  sourcePost: z.optional(UrnSchema),
  /** The same post, `entity` the share or ugcPost URN that publishing and polling name it by. */
  decoratedSourcePost: z.optional(z.looseObject({ entity: z.optional(UrnSchema) })),
  generatedActivity: z.optional(UrnSchema),
  decoratedGeneratedActivity: z.optional(
    z.looseObject({
      comment: z.optional(DecoratedActivitySchema),
      share: z.optional(DecoratedActivitySchema),
      // ASSUMED: not among the documented decorations (a share or a comment); read when present.
      reaction: z.optional(z.looseObject({ reactionType: z.optional(z.string()) })),
    }),
  ),
  // ASSUMED: not a documented field; read as the author only when nothing documented names one.
  actor: z.optional(UrnSchema),
  lastModifiedAt: z.optional(z.number()),
});

/** The delivery: its notifications are read one by one, only those of the actions in {@link KINDS}. */
const DeliverySchema = z.looseObject({ notifications: z.array(z.looseObject({ action: z.string() })) });

/**
 * The inbox kind of each action; other actions (shares, edits, deletions) are not engagement.
 * LIKE, COMMENT, SHARE_MENTION and ADMIN_COMMENT are documented actions; COMMENT_MENTION and
 * REACTION are ASSUMED (not in the documented list) and read when they come.
 */
const KINDS: Readonly<Record<string, EngagementKind>> = {
  COMMENT: 'comment',
  ADMIN_COMMENT: 'comment',
  SHARE_MENTION: 'mention',
  COMMENT_MENTION: 'mention',
  LIKE: 'reaction',
  REACTION: 'reaction',
};

/**
 * A comment URN in full, as the Comments API (and so polling) names it: `generatedActivity` may
 * spell the commented entity without its `urn:li:` prefix (`urn:li:comment:(activity:1,2)`,
 * ASSUMED from deliveries seen, not documented), which is put back (`urn:li:comment:(urn:li:activity:1,2)`).
 */
function fullCommentUrn(urn: string): string {
  return urn.replace(/^urn:li:comment:\((?!urn:li:)([A-Za-z]+:[^\s,()]+),/, 'urn:li:comment:(urn:li:$1,');
}

/**
 * The engagements in a webhook delivery of organization social action notifications
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-social-action-notifications):
 * comments (`COMMENT`, `ADMIN_COMMENT`; `reply` when the comment has a parent), mentions of the
 * organization (`SHARE_MENTION`, `COMMENT_MENTION`) and reactions (`LIKE`, `REACTION`), each in
 * the organization's inbox, on the post `decoratedSourcePost.entity` (else `sourcePost`):
 *
 * - id: the decorated activity's `entity`, the comment or post URN in the form polling
 *   (`listEngagements`) names it by, so a comment that arrives both ways is one inbox item; else
 *   `generatedActivity` (a short comment URN put in full); else `notificationId`. A LIKE names
 *   only the post, so it keeps `notificationId` and does not match the reaction polling reads;
 * - author: the decorated activity's `owner`; a LIKE names nobody, so its author is
 *   `UNKNOWN_AUTHOR_ID`.
 *
 * Other actions are left out. Every notification of these actions becomes an engagement: one
 * with no `notificationId` and nothing else to name it by, or with an empty URN, is not a
 * LinkedIn notification, and the delivery is refused (so a webhook router reports it
 * `unreadable`) rather than cut short.
 *
 * @param payload - the delivery's JSON, after `verify` succeeded
 * @returns the engagements
 * @throws ValidationError (rule `webhook.payload`) when it is not a notifications delivery, or a
 *   notification of these actions has nothing to name it by or an empty URN (each problem has
 *   its path and the schema's wording, never a value of the payload)
 *
 * @example
 * ```ts
 * notificationEngagements({ notifications: [{ notificationId, action: 'COMMENT', organizationalEntity: org,
 *   sourcePost, generatedActivity, decoratedGeneratedActivity: { comment: { entity, owner, text } }, lastModifiedAt }] });
 * ```
 */
export function notificationEngagements(payload: unknown): Engagement[] {
  const read = safeParseModel(DeliverySchema, payload);
  if (!read.success) {
    throw payloadError([], 'is not a LinkedIn notifications delivery (no notifications[])');
  }
  return read.data.notifications.flatMap((listed, index): Engagement[] => {
    const base = KINDS[listed.action];
    if (base === undefined) return [];
    const notification = readNotification(listed, index);
    const decorated = notification.decoratedGeneratedActivity;
    const activity = decorated?.comment ?? decorated?.share;
    const generated = notification.generatedActivity;
    // A reaction names no activity of its own (the documented generated activities are shares
    // and comments): named by one, it would take the id of that comment or post's inbox item.
    const named =
      base === 'reaction'
        ? undefined
        : (activity?.entity ?? (generated === undefined ? undefined : fullCommentUrn(generated)));
    const id = named ?? notification.notificationId;
    if (id === undefined || id === '') {
      throw payloadError(
        ['notifications', index, 'notificationId'],
        `a ${notification.action} notification has no notificationId and names no activity`,
      );
    }
    const accountId = notification.organizationalEntity;
    const parentId = decorated?.comment?.parentComment;
    const kind = base === 'comment' && parentId !== undefined ? 'reply' : base;
    const reaction =
      base === 'reaction' ? (decorated?.reaction?.reactionType ?? notification.action) : undefined;
    const post = notification.decoratedSourcePost?.entity ?? notification.sourcePost;
    return [
      {
        platform: 'linkedin',
        accountId,
        id: String(id),
        kind,
        ...(post === undefined ? {} : { postRef: { platform: 'linkedin', accountId, platformPostId: post } }),
        ...(parentId === undefined ? {} : { parentId }),
        author: { id: activity?.owner ?? notification.actor ?? UNKNOWN_AUTHOR_ID },
        text: activity?.fullText ?? activity?.text ?? '',
        ...(reaction === undefined ? {} : { reaction }),
        createdAt: new Date(notification.lastModifiedAt ?? 0),
        raw: notification,
      },
    ];
  });
}

/** A notification of an action read as engagement, or the `webhook.payload` error of its every problem. */
function readNotification(listed: unknown, index: number): z.output<typeof NotificationSchema> {
  const read = safeParseModel(NotificationSchema, listed);
  if (read.success) return read.data;
  throw new ValidationError(
    read.problems.map(({ path, message }) => ({
      path: ['notifications', index, ...path],
      rule: 'webhook.payload',
      message,
    })),
    'LinkedIn webhook payload',
    { platform: 'linkedin' },
  );
}

/** The `webhook.payload` error of a delivery that is not LinkedIn's. */
function payloadError(path: (string | number)[], message: string): ValidationError {
  return new ValidationError([{ path, rule: 'webhook.payload', message }], 'LinkedIn webhook payload', {
    platform: 'linkedin',
  });
}
