import { AmbiguousOutcomeError } from '../errors/ambiguous-outcome-error.js';
import { SmmkitError } from '../errors/smmkit-error.js';
import type { PublishWarning } from '../models/publish-result.js';
import type { ThreadPart } from '../models/thread-part.js';

/** What {@link publishFollowUps} publishes after the first post exists. */
export interface FollowUps {
  /** The id of the first post, which the thread and the first comment reply to. */
  readonly firstId: string;
  /** Further thread parts, each replying to the previous one. */
  readonly thread?: readonly ThreadPart[] | undefined;
  /** A comment under the first post. */
  readonly firstComment?: string | undefined;
  /**
   * Creates one thread part replying to `previousId` and returns its id. `label` reads like
   * `2 of 3`, for operation names and messages.
   */
  createThreadPart(part: ThreadPart, index: number, previousId: string, label: string): Promise<string>;
  /** Creates the first comment under `firstId` and returns its id. */
  createFirstComment(text: string, firstId: string): Promise<string>;
}

/** The ids {@link publishFollowUps} created, and what went wrong without failing the publish. */
export interface FollowUpResult {
  /** Ids of the thread parts published, in order. */
  readonly threadIds: readonly string[];
  /** The first comment's id, when it was published. */
  readonly firstCommentId: string | undefined;
  /** One warning per part or comment that failed. */
  readonly warnings: readonly PublishWarning[];
}

/**
 * Publishes the thread parts and the first comment of a post whose first part already exists.
 * Once the first post exists the publish has succeeded: a failure after it must not be reported
 * as a failed publish (a retry would post it twice), so each failure becomes a warning instead:
 * - `thread_incomplete`: a part failed; it and the parts after it were not published;
 * - `thread_part_unknown`: a part's answer was lost, so it may exist; later parts were not published;
 * - `first_comment_failed` / `first_comment_unknown`: the same for the first comment.
 * The first comment is still attempted when the thread stopped early.
 *
 * @example
 * ```ts
 * const { threadIds, firstCommentId, warnings } = await publishFollowUps({
 *   firstId: first.id,
 *   thread: post.thread,
 *   firstComment: post.firstComment,
 *   createThreadPart: (part, index, previousId) => createStatus({ text: part.text, inReplyToId: previousId }),
 *   createFirstComment: (text, firstId) => createStatus({ text, inReplyToId: firstId }),
 * });
 * ```
 */
export async function publishFollowUps(followUps: FollowUps): Promise<FollowUpResult> {
  const thread = followUps.thread ?? [];
  const threadIds: string[] = [];
  const warnings: PublishWarning[] = [];
  let previousId = followUps.firstId;
  for (const [index, part] of thread.entries()) {
    const label = `${index + 2} of ${thread.length + 1}`;
    try {
      previousId = await followUps.createThreadPart(part, index, previousId, label);
      threadIds.push(previousId);
    } catch (error) {
      warnings.push(
        AmbiguousOutcomeError.isInstance(error)
          ? publishWarningFromError(
              'thread_part_unknown',
              `Thread part ${label} may or may not have been published (its answer was lost); later parts were not published: `,
              error,
            )
          : publishWarningFromError(
              'thread_incomplete',
              `Thread part ${label} and any after it were not published: `,
              error,
            ),
      );
      break;
    }
  }
  let firstCommentId: string | undefined;
  if (followUps.firstComment !== undefined) {
    try {
      firstCommentId = await followUps.createFirstComment(followUps.firstComment, followUps.firstId);
    } catch (error) {
      warnings.push(
        AmbiguousOutcomeError.isInstance(error)
          ? publishWarningFromError(
              'first_comment_unknown',
              'The first comment may or may not have been published (its answer was lost): ',
              error,
            )
          : publishWarningFromError('first_comment_failed', 'The first comment was not published: ', error),
      );
    }
  }
  return { threadIds, firstCommentId, warnings };
}

/**
 * A {@link PublishWarning} for something that failed after the post was published: `message` is
 * `prefix` followed by the error's message, and `platformCode` is the platform's error code when
 * the error is an `SmmkitError` that carries one.
 *
 * @param code - the warning's code (`first_comment_failed`, `permalink_unavailable`, …)
 * @param prefix - what failed, in words, ending where the error's message should follow
 * @param error - what was thrown
 * @returns the warning
 *
 * @example
 * ```ts
 * warnings.push(publishWarningFromError('permalink_unavailable', 'The permalink could not be read: ', error));
 * ```
 */
export function publishWarningFromError(code: string, prefix: string, error: unknown): PublishWarning {
  const message = `${prefix}${error instanceof Error ? error.message : String(error)}`;
  const platformCode = SmmkitError.isInstance(error) ? error.platformError?.code : undefined;
  return platformCode === undefined ? { code, message } : { code, message, platformCode };
}
