import type { SimulatedPost } from '@smmkit/testkit';
import { postExtra } from './context.js';

/** A post as the Posts API returns it. */
export interface LinkedInPostJson {
  /** Its URN (`urn:li:share:…`). */
  readonly id: string;
  /** The member or organization URN. */
  readonly author: string;
  /** The commentary as sent, in the little format. */
  readonly commentary: string;
  /** `PUBLIC`, `CONNECTIONS` or `LOGGED_IN`. */
  readonly visibility: string;
  /** Always `PUBLISHED` in the simulator. */
  readonly lifecycleState: 'PUBLISHED';
  /** Where it is distributed (the main feed). */
  readonly distribution: Readonly<Record<string, unknown>>;
  /** Whether others may not reshare it. */
  readonly isReshareDisabledByAuthor: boolean;
  /** Creation, epoch ms. */
  readonly createdAt: number;
  /** Publication, epoch ms. */
  readonly publishedAt: number;
  /** Last change, epoch ms. */
  readonly lastModifiedAt: number;
  /** Its media, multi-image, poll or article content, when not a text post. */
  readonly content?: Readonly<Record<string, unknown>>;
  /** For a reshare: the post it reshares (`parent`) and the first of the chain (`root`). */
  readonly reshareContext?: {
    /** The post it reshares. */
    readonly parent: string;
    /** The first post of the chain of reshares. */
    readonly root: string;
  };
}

/** Rest.li's audit stamp: who did something, and when. */
export interface AuditStampJson {
  /** The member or organization URN. */
  readonly actor: string;
  /** When, epoch ms. */
  readonly time: number;
}

/** A comment as the Comments API returns it. */
export interface LinkedInCommentJson {
  /** The comment's own id (the number in its URN). */
  readonly id: string;
  /** Its URN, `urn:li:comment:({post},{id})`. */
  readonly commentUrn: string;
  /** Who wrote it. */
  readonly actor: string;
  /** The post it is on. */
  readonly object: string | undefined;
  /** Its text. */
  readonly message: {
    /** The text as written. */
    readonly text: string;
  };
  /** Who created it, and when. */
  readonly created: AuditStampJson;
  /** Who changed it last, and when. */
  readonly lastModified: AuditStampJson;
  /** The comment it replies to, for a reply. */
  readonly parentComment?: string;
}

/**
 * A stored post as the Posts API returns it: id, author, commentary (as sent), visibility,
 * lifecycle, times in epoch ms, and its content
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 */
export function renderPost(post: SimulatedPost): LinkedInPostJson {
  const extra = postExtra(post);
  const [first] = post.media;
  const content =
    extra.content === 'media' && first !== undefined
      ? { media: { id: first.id, ...(extra.title === undefined ? {} : { title: extra.title }) } }
      : extra.content === 'multiImage'
        ? { multiImage: { images: post.media.map((media) => ({ id: media.id, altText: media.altText })) } }
        : extra.content === 'poll'
          ? {
              poll: {
                question: extra.pollQuestion,
                options: (post.pollOptions ?? []).map((text) => ({ text })),
                settings: { duration: extra.pollDuration },
              },
            }
          : extra.content === 'article'
            ? { article: { source: extra.articleSource, title: extra.title } }
            : undefined;
  return {
    id: post.id,
    author: extra.author,
    commentary: extra.commentary,
    visibility: extra.visibility,
    lifecycleState: 'PUBLISHED',
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    isReshareDisabledByAuthor: extra.reshareDisabled,
    createdAt: post.createdAt,
    publishedAt: post.createdAt,
    lastModifiedAt: post.createdAt,
    ...(content === undefined ? {} : { content }),
    ...(extra.reshare === undefined ? {} : { reshareContext: extra.reshare }),
  };
}

/**
 * A stored comment as the Comments API returns it: `id`, `commentUrn`, `actor`, `object`,
 * `message.text`, `created`, and `parentComment` for a reply
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api).
 */
export function renderComment(comment: SimulatedPost): LinkedInCommentJson {
  const extra = postExtra(comment);
  const id = /,(\d+)\)$/.exec(comment.id)?.[1] ?? comment.id;
  return {
    id,
    commentUrn: comment.id,
    actor: extra.author,
    object: extra.object,
    message: { text: comment.text },
    created: { actor: extra.author, time: comment.createdAt },
    lastModified: { actor: extra.author, time: comment.createdAt },
    ...(extra.parentComment === undefined ? {} : { parentComment: extra.parentComment }),
  };
}
