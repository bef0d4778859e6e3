import type { SimulatedPost } from '@smmkit/testkit';
import { type LinkedInSimContext, postExtra, type SimulatedReaction } from './context.js';

// Organization social action notifications, the body LinkedIn posts to a subscribed webhook
// (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-social-action-notifications):
// `{type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS', notifications: [...]}`, each with
// `notificationId`, `subscriber`, `organizationalEntity`, `action`, `sourcePost` and
// `decoratedSourcePost`, `generatedActivity` and `decoratedGeneratedActivity`, `lastModifiedAt`.
// None names who acted: a comment's author is its decorated `owner`, and a LIKE has no generated activity.

/** The post a notification is about, decorated: its share URN, its author and its text. */
export interface LinkedInDecoratedPost {
  /** The post's URN (`urn:li:share:…`), as publishing and the Posts API name it. */
  readonly entity: string;
  /** Its author, the organization. */
  readonly owner: string;
  /** Its commentary. */
  readonly text: string;
}

/** The comment a COMMENT notification generated, decorated. */
export interface LinkedInDecoratedComment {
  /** The comment's URN, `urn:li:comment:({post},{id})`, as the Comments API names it. */
  readonly entity: string;
  /** Who wrote it. */
  readonly owner: string;
  /** Its text. */
  readonly text: string;
  /** The post it is on, as an activity URN. */
  readonly object: string;
  /** For a reply, the comment it answers (ASSUMED: not among the documented fields). */
  readonly parentComment?: string;
}

/** One organization social action notification. */
export interface LinkedInSocialActionNotification {
  /** LinkedIn's id of the notification, the same on every redelivery. */
  readonly notificationId: number;
  /** The admin whose subscription delivers it (not who acted). */
  readonly subscriber: string;
  /** The organization whose post was acted on. */
  readonly organizationalEntity: string;
  /** `COMMENT` (a comment or reply) or `LIKE` (a reaction). */
  readonly action: 'COMMENT' | 'LIKE';
  /** The post acted on, as an activity URN (`urn:li:activity:…`). */
  readonly sourcePost: string;
  /** The post acted on, decorated. */
  readonly decoratedSourcePost: LinkedInDecoratedPost;
  /** COMMENT: the comment's URN, its post spelled without `urn:li:` (`urn:li:comment:(share:…,…)`). */
  readonly generatedActivity?: string;
  /** COMMENT: the comment, decorated. */
  readonly decoratedGeneratedActivity?: {
    /** The comment, its URN, author and text. */
    readonly comment: LinkedInDecoratedComment;
  };
  /** When it happened, epoch ms. */
  readonly lastModifiedAt: number;
}

/** A webhook delivery of organization social action notifications. */
export interface LinkedInNotificationsDelivery {
  /** Always `ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS`. */
  readonly type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS';
  /** The notifications. */
  readonly notifications: readonly LinkedInSocialActionNotification[];
}

/**
 * The delivery LinkedIn would send for a comment, reply or reaction (`urn:li:reaction:(…)`) on an
 * organization's post of the simulator: a COMMENT notification with the comment decorated (its
 * URN, owner and text), or a LIKE notification naming only the post. The simulator has no activity
 * URNs of its own: it names a post's activity (`sourcePost`) by its share's number.
 *
 * @param context - the simulator's state
 * @param notificationIds - the notification id each engagement was given, so a redelivery repeats it
 * @param urn - the comment, reply or reaction
 * @returns the delivery
 * @throws Error when `urn` is none of these, or is not on an organization's post
 */
export function notificationDelivery(
  context: LinkedInSimContext,
  notificationIds: Map<string, number>,
  urn: string,
): LinkedInNotificationsDelivery {
  const { sim } = context;
  const stored = sim.posts.get(urn);
  const comment = stored !== undefined && postExtra(stored).kind === 'comment' ? stored : undefined;
  const reaction = comment === undefined ? reactionNamed(context, urn) : undefined;
  const postUrn = comment === undefined ? reaction?.entity : postExtra(comment).object;
  const post = postUrn === undefined ? undefined : sim.posts.get(postUrn);
  if (post === undefined || postExtra(post).kind !== 'post') {
    throw new Error(`webhookDelivery: ${urn} is no comment, reply or reaction on a post of the simulator`);
  }
  const decoratedSourcePost = decoratePost(post);
  const organization = context.organizations.get(decoratedSourcePost.owner);
  if (organization === undefined) {
    throw new Error(
      `webhookDelivery: ${urn} is not on an organization's post (LinkedIn notifies organizations only)`,
    );
  }
  const notificationId = notificationIds.get(urn) ?? notificationIds.size + 1;
  notificationIds.set(urn, notificationId);
  const sourcePost = `urn:li:activity:${post.id.slice(post.id.lastIndexOf(':') + 1)}`;
  const common = {
    notificationId,
    subscriber:
      [...organization.roles].find(([, roles]) => roles.has('ADMINISTRATOR'))?.[0] ?? organization.urn,
    organizationalEntity: organization.urn,
    sourcePost,
    decoratedSourcePost,
  };
  if (comment === undefined) {
    return delivery({ ...common, action: 'LIKE', lastModifiedAt: reaction?.createdAt ?? sim.clock.now() });
  }
  const { author, parentComment } = postExtra(comment);
  return delivery({
    ...common,
    action: 'COMMENT',
    generatedActivity: urn.replace('(urn:li:', '('),
    decoratedGeneratedActivity: {
      comment: {
        entity: urn,
        owner: author,
        text: comment.text,
        object: sourcePost,
        ...(parentComment === undefined ? {} : { parentComment }),
      },
    },
    lastModifiedAt: comment.createdAt,
  });
}

/** The reaction named `urn`, with the post or comment it is on. */
function reactionNamed(
  context: LinkedInSimContext,
  urn: string,
): (SimulatedReaction & { readonly entity: string }) | undefined {
  for (const [entity, reactions] of context.reactions) {
    const found = reactions.find((each) => each.id === urn);
    if (found !== undefined) return { ...found, entity };
  }
  return undefined;
}

/** A post as `decoratedSourcePost`. */
function decoratePost(post: SimulatedPost): LinkedInDecoratedPost {
  const extra = postExtra(post);
  return { entity: post.id, owner: extra.author, text: extra.commentary };
}

/** One notification as a delivery. */
function delivery(notification: LinkedInSocialActionNotification): LinkedInNotificationsDelivery {
  return { type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS', notifications: [notification] };
}
