import type { Post } from '@smmkit/core';
import { textWithLink } from '@smmkit/core/adapter-kit';

/**
 * The text a post's commentary shows, before little-format rendering. A link is an article
 * attachment (`content.article`), but a post's `content` holds one thing only
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api):
 * with media or a poll, the link goes at the end of the text instead, where LinkedIn links it.
 *
 * @param post - the post
 * @returns the commentary's plain text
 */
export function commentaryOf(post: Post): string {
  return linkIsInText(post) ? textWithLink(post.text, post.link) : (post.text ?? '');
}

/** Whether the post's link goes into the text rather than into an article attachment. */
export function linkIsInText(post: Post): boolean {
  return post.link !== undefined && ((post.media ?? []).length > 0 || post.poll !== undefined);
}

/**
 * The poll's question: the option, else the post's title, else its text (Poll API `question`,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/poll-post-api).
 */
export function pollQuestionOf(post: Post, pollQuestion: string | undefined): string {
  return (pollQuestion ?? post.title ?? post.text ?? '').trim();
}

/** A document's title: its own, else the post's (Posts API `media.title`). */
export function documentTitleOf(post: Post, index: number): string {
  return (post.media?.[index]?.title ?? post.title ?? '').trim();
}
