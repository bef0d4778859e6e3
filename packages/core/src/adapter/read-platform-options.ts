import type * as z from 'zod/mini';
import type { ValidationProblem } from '../errors/validation-error.js';
import { safeParseModel } from '../models/parse-model.js';
import type { Post } from '../models/post.js';

/** A post's options for one platform, or every problem with them (paths from the root of the post). */
export type ReadPlatformOptionsResult<T> =
  | {
      /** The options were valid. */
      readonly success: true;
      /** The parsed options (empty when none were given). */
      readonly options: T;
    }
  | {
      /** The options were invalid. */
      readonly success: false;
      /** Every problem found, at `['options', key, …]`. */
      readonly problems: readonly ValidationProblem[];
    };

/**
 * Reads and checks `post.options[key]` with an adapter's own options schema. Missing options
 * are read as `{}`, so the schema's defaults apply; each problem's path is prefixed with
 * `['options', key]`, so it points into the post.
 *
 * @param post - the post
 * @param key - the platform id the options are keyed by (`x`, `instagram`)
 * @param schema - the adapter's options schema, usually strict
 * @returns the options, or the problems at `['options', key, …]`
 *
 * @example
 * ```ts
 * const read = readPlatformOptions(post, 'x', XPostOptionsSchema);
 * if (!read.success) throw new ValidationError(read.problems, 'post for x', { platform: 'x' });
 * console.log(read.options.reply_settings);
 * ```
 */
export function readPlatformOptions<S extends z.core.$ZodType>(
  post: Post,
  key: string,
  schema: S,
): ReadPlatformOptionsResult<z.output<S>> {
  const result = safeParseModel(schema, post.options?.[key] ?? {});
  if (result.success) return { success: true, options: result.data };
  return {
    success: false,
    problems: result.problems.map((problem) => ({ ...problem, path: ['options', key, ...problem.path] })),
  };
}
