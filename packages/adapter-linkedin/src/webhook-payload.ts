import { type Engagement, type EngagementKind, ValidationError } from '@smmkit/core';
import { safeParseModel } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';

/**
 * One organization social action notification, read tolerantly: the action, the organization,
 * the post it is about, the activity it made (a comment URN, a mentioning post) with its
 * decorated text, who did it and when
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-social-action-notifications).
 */
const NotificationSchema = z.looseObject({
  notificationId: z.optional(z.union([z.number(), z.string()])),
  action: z.string(),
  organizationalEntity: z.string(),
  sourcePost: z.optional(z.string()),
  generatedActivity: z.optional(z.string()),
  decoratedGeneratedActivity: z.optional(
    z.looseObject({
      comment: z.optional(
        z.looseObject({
          text: z.optional(z.string()),
          fullText: z.optional(z.string()),
          parentComment: z.optional(z.string()),
        }),
      ),
      reaction: z.optional(z.looseObject({ reactionType: z.optional(z.string()) })),
      share: z.optional(z.looseObject({ text: z.optional(z.string()) })),
    }),
  ),
  actor: z.optional(z.string()),
  lastModifiedAt: z.optional(z.number()),
});

const DeliverySchema = z.looseObject({ notifications: z.array(NotificationSchema) });

/** The inbox kind of each action; other actions (shares, deletions) are not engagement. */
const KINDS: Readonly<Record<string, EngagementKind>> = {
  COMMENT: 'comment',
  ADMIN_COMMENT: 'comment',
  SHARE_MENTION: 'mention',
  COMMENT_MENTION: 'mention',
  LIKE: 'reaction',
  REACTION: 'reaction',
};

/**
 * The engagements in a webhook delivery of organization social action notifications: comments
 * (`COMMENT`, and `reply` when the comment has a parent), mentions of the organization in posts
 * and comments (`SHARE_MENTION`, `COMMENT_MENTION`) and reactions (`LIKE`, `REACTION`, with the
 * reaction type), each in the organization's inbox, its id the generated activity's URN (the
 * comment's), else the notification's id. Other actions are left out.
 *
 * @param payload - the delivery's JSON, after `verify` succeeded
 * @returns the engagements
 * @throws ValidationError (rule `webhook.payload`) when it is not a notifications delivery
 *
 * @example
 * ```ts
 * notificationEngagements({ notifications: [{ action: 'COMMENT', organizationalEntity: org, sourcePost, generatedActivity, actor, lastModifiedAt }] });
 * ```
 */
export function notificationEngagements(payload: unknown): Engagement[] {
  const read = safeParseModel(DeliverySchema, payload);
  if (!read.success) {
    throw new ValidationError(
      [
        {
          path: [],
          rule: 'webhook.payload',
          message: 'is not a LinkedIn notifications delivery (no notifications[])',
        },
      ],
      'LinkedIn webhook payload',
      { platform: 'linkedin' },
    );
  }
  return read.data.notifications.flatMap((notification): Engagement[] => {
    const base = KINDS[notification.action];
    const id = notification.generatedActivity ?? notification.notificationId;
    if (base === undefined || id === undefined || notification.actor === undefined) return [];
    const accountId = notification.organizationalEntity;
    const decorated = notification.decoratedGeneratedActivity;
    const comment = decorated?.comment;
    const parentId = comment?.parentComment;
    const kind = base === 'comment' && parentId !== undefined ? 'reply' : base;
    const reaction =
      base === 'reaction' ? (decorated?.reaction?.reactionType ?? notification.action) : undefined;
    const post = notification.sourcePost;
    return [
      {
        platform: 'linkedin',
        accountId,
        id: String(id),
        kind,
        ...(post === undefined ? {} : { postRef: { platform: 'linkedin', accountId, platformPostId: post } }),
        ...(parentId === undefined ? {} : { parentId }),
        author: { id: notification.actor },
        text: comment?.fullText ?? comment?.text ?? decorated?.share?.text ?? '',
        ...(reaction === undefined ? {} : { reaction }),
        createdAt: new Date(notification.lastModifiedAt ?? 0),
        raw: notification,
      },
    ];
  });
}
