import type { Adapter, CheckedPost } from '../adapter/adapter.js';
import { SmmkitError } from '../errors/smmkit-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Post } from '../models/post.js';
import type { Target } from '../models/target.js';
import { describeThrown } from '../security/safe-cause.js';
import { applyOverrides } from './apply-overrides.js';

/** What {@link checkTarget} found: the post as checked for the target, or why it cannot go there. */
export type TargetCheck =
  | {
      /** The target's adapter accepts the post. */
      readonly ok: true;
      /** The target's adapter. */
      readonly adapter: Adapter;
      /** The post as it goes to the target (overrides applied). */
      readonly sent: Post;
      /** The adapter's checked post, for its `publish`. */
      readonly checked: CheckedPost;
    }
  | {
      /** Nothing may be sent to the target. */
      readonly ok: false;
      /** Why: a `ValidationError` (no adapter, a post the adapter refuses) or what the adapter threw. */
      readonly error: SmmkitError;
    };

/**
 * The check `publish` makes of a post for one target before anything is sent: the target's
 * overrides applied, then its adapter's `check`. An adapter whose check throws something that is
 * not an smmkit error is reported as a validation problem (`adapter.validate`), never thrown.
 *
 * @param adapters - the publisher's adapters, by platform
 * @param post - the post shared by every target
 * @param target - the target, with its overrides
 * @returns the checked post, or the error that refuses it
 */
export function checkTarget(adapters: ReadonlyMap<string, Adapter>, post: Post, target: Target): TargetCheck {
  const adapter = adapters.get(target.platform);
  if (adapter === undefined) return { ok: false, error: noAdapter(target.platform, 'target') };
  const sent = applyOverrides(post, target);
  try {
    const check = adapter.check(sent);
    if (check.ok) return { ok: true, adapter, sent, checked: check.checked };
    return {
      ok: false,
      error: new ValidationError(check.problems, `post for ${target.platform}`, {
        platform: target.platform,
      }),
    };
  } catch (error) {
    // An adapter bug must not make publish() reject: nothing was sent, say so for this target.
    if (SmmkitError.isInstance(error)) return { ok: false, error };
    const problem = {
      path: [],
      rule: 'adapter.validate',
      message: `the ${target.platform} adapter's validate threw (${describeThrown(error).text})`,
    };
    return {
      ok: false,
      error: new ValidationError([problem], `post for ${target.platform}`, { platform: target.platform }),
    };
  }
}

/**
 * The refusal of a platform the publisher has no adapter for.
 *
 * @param platform - the platform asked for
 * @param subject - what named it (a publish target, or an account of `run`)
 * @returns the error
 */
export function noAdapter(platform: string, subject: 'target' | 'account'): ValidationError {
  return new ValidationError(
    [
      {
        path: ['platform'],
        rule: 'target.platform',
        message: `No adapter for platform "${platform}".`,
        actual: platform,
      },
    ],
    subject,
  );
}
