import type { Adapter, RecentPost } from '../adapter/adapter.js';
import type { RequestContext } from '../adapter/context.js';
import { shownText } from '../content/text-with-link.js';
import { AmbiguousOutcomeError } from '../errors/ambiguous-outcome-error.js';
import { PlatformError } from '../errors/platform-error.js';
import { SmmkitError } from '../errors/smmkit-error.js';
import type { Post } from '../models/post.js';
import type { PublishResult, PublishWarning } from '../models/publish-result.js';
import type { Target } from '../models/target.js';
import type { Clock } from '../time/clock.js';
import type { ResolvedReconcileOptions } from './options.js';
import { failedOutcome, type PublishOutcome } from './outcome.js';

/** What {@link reconcile} needs. */
export interface ReconcileInput {
  /** The target's adapter. */
  readonly adapter: Adapter;
  /** The post as it was sent (overrides applied). */
  readonly post: Post;
  /** The target. */
  readonly target: Target;
  /** Context for `findRecentPosts`. */
  readonly context: RequestContext;
  /** What made the outcome uncertain. */
  readonly error: SmmkitError;
  /**
   * `ambiguous`: the create's answer was lost; `duplicate`: the platform refused the create as a
   * duplicate of a recent post, which may be ours from an earlier lost attempt.
   */
  readonly trigger: 'ambiguous' | 'duplicate';
  /** When the first attempt started. */
  readonly attemptStartedAt: Date;
  /**
   * The create was started by another run whose outbox record is still `sending` (a worker that
   * lost its lease, a second process with the same idempotency key): it may still be in flight,
   * and land after both looks.
   */
  readonly startedElsewhere?: boolean | undefined;
  /** The time source. */
  readonly clock: Clock;
  /** The reconciliation policy. */
  readonly options: ResolvedReconcileOptions;
  /** Sends the create once more (with its retries for transient failures), same idempotency key. */
  readonly retryCreate: () => Promise<PublishResult>;
  /** Waits for the read budget before a `findRecentPosts` call. */
  readonly beforeRead: () => Promise<void>;
  /**
   * Runs a read with the publisher's retries for transient failures (a read is safe to repeat): a
   * look that fails on a 5xx or a dropped connection would otherwise leave the outcome `unknown`.
   */
  readonly retryRead: <T>(read: () => Promise<T>) => Promise<T>;
}

/**
 * How many of the account's newest posts since the lookback one look asks for: as many as one
 * page of the platforms' listings holds (X, Facebook, Instagram and LinkedIn allow 100; adapters
 * clamp to their own maximum). Text is matched among what came back, so an account that posted
 * often between the lost attempt and the look (a worker that died, taken over later) would push
 * the post off a smaller page, and a post that went out would be left `unknown`.
 */
const RECENT_POSTS_SCANNED = 100;

/** How many creates step 3 sends while each one's answer is lost in turn. */
const PROTECTED_RETRIES = 3;

/**
 * Finds out whether an uncertain create took effect, never creating a second post:
 *
 * 1. idempotency keys (`capabilities.reconciliation.idempotencyKey`): send the create again with
 *    the same key, up to `idempotentRetries` times; the platform returns the first post if it
 *    exists. Safe by the platform's promise.
 * 2. `findRecentPosts`: look for the text since a little before the first attempt
 *    (`lookbackMs`); found → published. Not found → wait `recheckDelayMs` and look again.
 * 3. Still not found and a resend is safe, send the create once more. A resend is safe when the
 *    platform refuses repeats (`duplicateSignal`: it either succeeds, the first really was lost,
 *    or is refused as `duplicate_content`, after which one more look finds the post), when it
 *    honours the idempotency key (`idempotencyKey`: it answers with the first post), or when its
 *    listing is read-after-write (`readAfterWrite`: two empty looks prove the create never took
 *    effect, unless another run started it and never settled it: it may still be in flight).
 *    When that create's answer is lost too, look again and, not found, send it again
 *    (up to 3 creates).
 * 4. Otherwise `unknown`, with `checked` listing what was looked at.
 *
 * A `duplicate` trigger only looks (found → published, else failed: the duplicate is an older post).
 *
 * @param input - see {@link ReconcileInput}
 * @returns the outcome
 */
export async function reconcile(input: ReconcileInput): Promise<PublishOutcome> {
  const { adapter, target, error, options } = input;
  const signals = adapter.capabilities.reconciliation;
  const checked: string[] = [];
  const unknown = (): PublishOutcome => ({ status: 'unknown', target, error, checked });

  if (input.trigger === 'ambiguous' && signals.idempotencyKey) {
    for (let round = 1; round <= options.idempotentRetries; round += 1) {
      try {
        const result = await input.retryCreate();
        checked.push(`retried the create with the same idempotency key (round ${round}): published`);
        return { status: 'published', target, result };
      } catch (retryError) {
        checked.push(
          `retried the create with the same idempotency key (round ${round}): ${codeOf(retryError)}`,
        );
        // Only another lost answer is worth another round; anything else is for the next step.
        if (!AmbiguousOutcomeError.isInstance(retryError)) break;
        if (round < options.idempotentRetries && !(await pause(input, options.recheckDelayMs))) {
          checked.push('stopped before retrying again: aborted');
          return unknown();
        }
      }
    }
  }

  if (!signals.findRecentPosts || adapter.findRecentPosts === undefined) {
    if (input.trigger === 'duplicate') return failedOutcome(target, error);
    if (checked.length === 0)
      checked.push('nothing: the adapter offers neither idempotency keys nor findRecentPosts');
    return unknown();
  }

  const look = async (label: string): Promise<Look> => {
    try {
      const found = await input.retryRead(async () => {
        await input.beforeRead();
        return findOurs(input);
      });
      checked.push(
        `findRecentPosts since ${since(input).toISOString()} (${label}): ${found === undefined ? 'not found' : found === 'several' ? 'several matching posts, none told apart' : `found ${found.ref.platformPostId}`}`,
      );
      return found;
    } catch (lookError) {
      checked.push(`findRecentPosts (${label}) failed: ${codeOf(lookError)}`);
      return 'error';
    }
  };
  const publishedAs = (found: RecentPost): PublishOutcome => ({
    status: 'published',
    target,
    result: {
      ref: found.ref,
      ...(found.ref.url === undefined ? {} : { url: found.ref.url }),
      publishedAt: found.createdAt,
      warnings: [
        {
          code: 'reconciled',
          message:
            input.trigger === 'duplicate'
              ? 'The platform refused the create as a duplicate; the post was found on the account, published by an earlier attempt.'
              : `The create's answer was lost (${error.code}); the post was found on the account afterwards.`,
        },
        ...unsentFollowUps(input.post, found),
      ],
    },
  });

  const first = await look('first look');
  if (first === 'error') return unknown();
  if (isOurs(first)) return publishedAs(first);
  if (input.trigger === 'duplicate') return failedOutcome(target, error);

  if (!(await pause(input, options.recheckDelayMs))) {
    checked.push('stopped before looking again: aborted');
    return unknown();
  }
  const second = await look(`second look after ${options.recheckDelayMs} ms`);
  if (second === 'error') return unknown();
  if (isOurs(second)) return publishedAs(second);

  // A read-after-write listing proves absence only when it could tell our post apart.
  const protection = resendProtection(signals, {
    inconclusive: first === 'several' || second === 'several',
    postHasText: (input.post.text ?? '').trim() !== '',
    startedElsewhere: input.startedElsewhere === true,
  });
  if (protection === undefined) {
    if (input.startedElsewhere === true && signals.readAfterWrite) {
      checked.push(
        `not sent again: the run that started the create at ${input.attemptStartedAt.toISOString()} never settled it, and a create still in flight can land after every look`,
      );
    }
    return unknown();
  }
  for (let round = 1; ; round += 1) {
    try {
      const result = await input.retryCreate();
      checked.push(`retried the create (round ${round}), protected by ${PROTECTIONS[protection]}: published`);
      return { status: 'published', target, result };
    } catch (retryError) {
      checked.push(
        `retried the create (round ${round}), protected by ${PROTECTIONS[protection]}: ${codeOf(retryError)}`,
      );
      if (PlatformError.isInstance(retryError) && retryError.code === 'duplicate_content') break;
      if (!AmbiguousOutcomeError.isInstance(retryError) || round >= PROTECTED_RETRIES) return unknown();
    }
    // That create's answer was lost too: it may have made the post.
    const again = await look(`after round ${round}'s lost answer`);
    if (again === 'error') return unknown();
    if (again === 'several' && protection === 'readAfterWrite') return unknown();
    if (isOurs(again)) return publishedAs(again);
  }
  const third = await look('after the duplicate refusal');
  return isOurs(third) ? publishedAs(third) : unknown();
}

/** What one look found: our post, nothing, several matching posts it cannot tell apart, or a failed read. */
type Look = RecentPost | undefined | 'several' | 'error';

/** Waits `ms` on the injected clock; `false` when the caller's signal aborted the wait. */
async function pause(input: ReconcileInput, ms: number): Promise<boolean> {
  try {
    await input.clock.sleep(ms, input.context.signal);
    return true;
  } catch {
    return false;
  }
}

/** Whether a look found our post (the other outcomes are strings or `undefined`). */
function isOurs(look: Look): look is RecentPost {
  return typeof look === 'object';
}

/** What can make sending the create again safe, and how the `checked` trail names it. */
const PROTECTIONS = {
  duplicateSignal: 'the platform refusing duplicates',
  idempotencyKey: 'the same idempotency key',
  readAfterWrite: 'a read-after-write listing that showed nothing',
} as const;

/** Which of {@link PROTECTIONS} guards a resent create. */
type Protection = keyof typeof PROTECTIONS;

/**
 * What makes sending the create again safe after the looks found nothing, or `undefined` when
 * nothing does: the platform refusing the repeat (only for a post with text: platforms refuse a
 * repeated text, as X's duplicate check does, and nothing documents a refusal of repeated media),
 * the idempotency key, or (only when every look could tell our post apart) a listing that shows
 * every post as soon as it is made. That listing proves nothing about a create another run started
 * and never settled (`startedElsewhere`): it may still be in flight (a worker that lost its lease
 * mid-upload goes on with it) and land after the looks, next to the resent one. The platform's
 * duplicate refusal and the idempotency key still protect that case: whichever create comes
 * second is refused or answered with the first.
 */
function resendProtection(
  signals: Adapter['capabilities']['reconciliation'],
  looks: {
    readonly inconclusive: boolean;
    readonly postHasText: boolean;
    readonly startedElsewhere: boolean;
  },
): Protection | undefined {
  const { inconclusive, postHasText, startedElsewhere } = looks;
  if (signals.duplicateSignal && postHasText) return 'duplicateSignal';
  if (signals.idempotencyKey) return 'idempotencyKey';
  if (signals.readAfterWrite && !inconclusive && !startedElsewhere) return 'readAfterWrite';
  return undefined;
}

function since(input: ReconcileInput): Date {
  return new Date(input.attemptStartedAt.getTime() - input.options.lookbackMs);
}

/**
 * Our post among the account's recent ones: the adapter matches the text (the text as sent,
 * with the link the adapter appends). A post without text is looked for with `text: ''`, which
 * lists the posts the platform shows without text. A post is ours only when it is the only match
 * in the window: several (two posts without text, the same text posted twice, texts a platform
 * rewrites alike) cannot be told apart (`several`).
 */
async function findOurs(input: ReconcileInput): Promise<RecentPost | undefined | 'several'> {
  const find = input.adapter.findRecentPosts;
  if (find === undefined) return undefined;
  // Where links live in the text, the adapter appended the link to what it sent.
  const text = shownText(input.post, input.adapter.capabilities.links);
  const found = await find.call(
    input.adapter,
    { since: since(input), text, limit: RECENT_POSTS_SCANNED, post: input.post },
    input.context,
  );
  return found.length > 1 ? 'several' : found[0];
}

function codeOf(error: unknown): string {
  return SmmkitError.isInstance(error) ? error.code : error instanceof Error ? error.name : 'unknown error';
}

/**
 * What a post found by looking never got: the adapter stopped at the create whose answer was
 * lost, so later thread parts and the first comment were not sent. Reported as the same warnings
 * an adapter gives for a thread that stopped part-way (`publishFollowUps`), never dropped silently.
 */
function unsentFollowUps(post: Post, found: RecentPost): PublishWarning[] {
  const warnings: PublishWarning[] = [];
  const parts = post.thread?.length ?? 0;
  if (parts > 0) {
    warnings.push({
      code: 'thread_incomplete',
      message: `The thread's later ${parts === 1 ? 'part was' : `${parts} parts were`} not published; publish ${parts === 1 ? 'it' : 'them'} as replies to ${found.ref.platformPostId}.`,
    });
  }
  if (post.firstComment !== undefined) {
    warnings.push({
      code: 'first_comment_failed',
      message: `The first comment was not published; post it as a comment on ${found.ref.platformPostId}.`,
    });
  }
  return warnings;
}
