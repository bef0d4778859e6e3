import type { Post } from '../models/post.js';
import type { Target } from '../models/target.js';

/**
 * The post as it goes to one target: every field present in `target.overrides` replaces the
 * post's, and `overrides.options` replaces `post.options[target.platform]`.
 *
 * @param post - the post shared by every target
 * @param target - the target with its overrides
 * @returns a new post; `post` is not changed
 *
 * @example
 * ```ts
 * applyOverrides({ text: 'Long text for LinkedIn' }, { platform: 'x', accountId: '1', overrides: { text: 'Short' } });
 * // { text: 'Short' }
 * ```
 */
export function applyOverrides(post: Post, target: Target): Post {
  const overrides = target.overrides;
  if (overrides === undefined) return post;
  return {
    ...post,
    ...(overrides.text === undefined ? {} : { text: overrides.text }),
    ...(overrides.title === undefined ? {} : { title: overrides.title }),
    ...(overrides.media === undefined ? {} : { media: overrides.media }),
    ...(overrides.link === undefined ? {} : { link: overrides.link }),
    ...(overrides.firstComment === undefined ? {} : { firstComment: overrides.firstComment }),
    ...(overrides.options === undefined
      ? {}
      : { options: { ...post.options, [target.platform]: overrides.options } }),
  };
}
