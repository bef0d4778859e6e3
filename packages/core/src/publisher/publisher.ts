import type { Adapter, CheckedPost } from '../adapter/adapter.js';
import type { PublishContext, RequestContext } from '../adapter/context.js';
import type { TokenProvider } from '../auth/token-provider.js';
import { AbortedError } from '../errors/aborted-error.js';
import { AmbiguousOutcomeError } from '../errors/ambiguous-outcome-error.js';
import { AuthError } from '../errors/auth-error.js';
import { PlatformError } from '../errors/platform-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { SmmkitError } from '../errors/smmkit-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Post } from '../models/post.js';
import type { PublishResult } from '../models/publish-result.js';
import type { Target } from '../models/target.js';
import type { Outbox, OutboxRecord } from '../scheduler/outbox.js';
import { describeCallbackError, withUnprintedCause } from '../security/callback-error.js';
import {
  type BucketBooking,
  type BucketDemand,
  type BucketId,
  bucketKey,
  operationBuckets,
  publishDemand,
  type RateLimitOperation,
} from './bucket-key.js';
import { BucketThrottle, isThrottleRefusal } from './bucket-throttle.js';
import { checkTarget, noAdapter } from './check-target.js';
import { createPublisherEvents, type PublisherEventEmitter } from './events.js';
import { type PublisherOptions, resolvePublisherOptions } from './options.js';
import { fingerprintToken } from './outbox-fingerprint.js';
import {
  keyReusedOutcome,
  OutboxRecordFound,
  openIntent,
  priorRecord,
  publishedFromRecord,
  settleOutcome,
  unsettledRecordError,
} from './outbox-steps.js';
import { failedOutcome, type PublishOutcome } from './outcome.js';
import { postFingerprint } from './post-fingerprint.js';
import { reconcile } from './reconcile.js';
import { repeatedAccountProblems } from './repeated-accounts.js';
import { type RetryRun, withRetry } from './retry.js';
import { scheduledForRefusal } from './scheduled-for.js';
import { type StartGate, startGate } from './start-gate.js';
import { targetListProblems } from './target-list.js';

/** Options of one {@link Publisher.publish} call. */
export interface PublishOptions {
  /** Stops the publish: queued targets are not sent; a target mid-create is reconciled or reported `unknown`. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Stops only the targets that have not started: one still queued or waiting for rate budget
   * fails with code `aborted`, and nothing is sent or written to the outbox for it. A target that
   * has started (its intent is recorded in the outbox, it is answering an earlier run's record, or
   * without an outbox its first create attempt began) runs to its end as if nothing happened. The
   * scheduler aborts it when another worker takes the entry over, leaving that worker the
   * targets this one never started. A target stopped this way also emits the publisher's `failed`
   * event (code `aborted`): it is not final, as whoever stopped it publishes the target.
   */
  readonly stopUnstarted?: AbortSignal | undefined;
  /**
   * A key for this publish, stable across runs (a schedule entry id, for example). Each target
   * gets `${idempotencyKey}:${platform}:${accountId}`, sent where the platform takes one. Default:
   * a new key for this call (`newKey`), stable across its retries.
   */
  readonly idempotencyKey?: string | undefined;
  /**
   * Native scheduling: hand the post to each platform now, to go live at this instant on the
   * platform's own schedule (Facebook's scheduled Page posts). Every target's adapter must have
   * `capabilities.nativeScheduling`, and the instant must lie in its lead window from now
   * (Facebook: 10 minutes to 30 days); otherwise that target fails with an
   * `UnsupportedCapabilityError` or a `ValidationError` and nothing is sent for it. A published
   * outcome then has `result.scheduledFor`: the post exists but is not live yet.
   */
  readonly scheduledFor?: Date | undefined;
}

/** A target's publish that had not started when the publisher was shut down with `handBack`. */
export interface HandedBackWork {
  /** The post as given to `publish` (overrides not applied). */
  readonly post: Post;
  /** The target. */
  readonly target: Target;
  /**
   * The publish call's idempotency key (the one given, or the one made for the call). Pass it as
   * `idempotencyKey` when publishing this work later and the target gets the same key as before.
   */
  readonly idempotencyKey: string;
}

/** Options of {@link Publisher.shutdown}. */
export interface ShutdownOptions {
  /**
   * `drain` (default): finish everything queued, then resolve. `handBack`: finish what has
   * started, and return what has not (its `publish` outcome is `failed` with code `aborted`).
   */
  readonly mode?: 'drain' | 'handBack' | undefined;
}

/**
 * A rate-limited, retrying, reconciling publisher over a set of adapters.
 *
 * @example
 * ```ts
 * const publisher = createPublisher({ adapters: [x, mastodon], tokens: (t) => providers.get(t.accountId) });
 * publisher.events.on('published', ({ target, result }) => console.log(target.platform, result.url));
 * const outcomes = await publisher.publish({ text: 'Hello' }, [
 *   { platform: 'x', accountId: '2244994945' },
 *   { platform: 'mastodon', accountId: '109', overrides: { text: 'Hello, fediverse' } },
 * ]);
 * await publisher.shutdown({ mode: 'drain' });
 * ```
 */
export interface Publisher {
  /** Typed events; see `PublisherEvents`. */
  readonly events: PublisherEventEmitter;
  /**
   * Publishes `post` to every target and resolves with one outcome per target, in target order.
   * Every failure is an outcome. Each target is validated first; an invalid one fails with its
   * `ValidationError` and sends nothing, while the others go on. A call lists each account once: a
   * later target for an account listed before fails with rule `target.repeated_account` (to post
   * two versions to one account, say a feed post and a story, make two calls). Only a `targets`
   * that is not a list of objects rejects (never throws) with a `ValidationError`, since it has no
   * target to give an outcome to; nothing is sent then.
   */
  publish(post: Post, targets: readonly Target[], options?: PublishOptions): Promise<PublishOutcome[]>;
  /**
   * Checks `post` for each target as `publish` does before sending anything (the target's
   * overrides applied, then its adapter's rules), and sends nothing: one entry per target, in
   * order, `undefined` when the target's adapter takes the post, else the error `publish` would
   * fail that target with (a `ValidationError`: "X allows 280"). A target whose platform has no
   * adapter here gets `undefined`: that says nothing about the post (`publish` fails it). The scheduler
   * asks it when a post is planned, so a post no target can take is refused then, not at its
   * time. Optional, so that a publisher written by hand (a wrapper, a test double) still fits;
   * `createPublisher`'s has it.
   *
   * @example
   * ```ts
   * const [refusal] = publisher.check?.({ text: 'x'.repeat(400) }, [{ platform: 'x', accountId }]) ?? [];
   * refusal?.message; // Invalid post for x (1 problem): …
   * ```
   */
  check?(post: Post, targets: readonly Target[]): (SmmkitError | undefined)[];
  /**
   * Runs any other call to a platform (metrics, engagement, delete, reply) through the same
   * rate-limited queue of the account and the buckets `operation` consumes, with the account's
   * shared token provider and retries for retryable errors. `task` gets the request context to
   * pass to the adapter, so rate-limit headers teach the buckets as they arrive.
   *
   * @example
   * ```ts
   * const samples = await publisher.run({ platform: 'x', accountId }, 'metrics', (ctx) =>
   *   xAdapter.getPostMetrics?.(refs, ctx) ?? Promise.resolve([]),
   * );
   * ```
   */
  run<T>(
    account: AccountKey,
    operation: Exclude<RateLimitOperation, 'publish' | 'upload'>,
    task: (context: RequestContext) => Promise<T>,
    options?: RunOptions,
  ): Promise<T>;
  /**
   * Stops taking work. Resolves once nothing runs any more, with the work handed back (empty
   * for `drain`). Later `publish` and `run` calls fail with code `aborted`.
   */
  shutdown(options?: ShutdownOptions): Promise<HandedBackWork[]>;
}

/** The account a {@link Publisher.run} call acts for. */
export interface AccountKey {
  /** Platform id; an adapter for it must have been given to the publisher. */
  readonly platform: string;
  /** The account's id on the platform. */
  readonly accountId: string;
}

/** Options of {@link Publisher.run}. */
export interface RunOptions {
  /**
   * Stops waiting and retrying (the call rejects with an `AbortedError`); it is also the
   * context's signal, so the adapter's request in flight stops too.
   */
  readonly signal?: AbortSignal | undefined;
}

/** A target's publish waiting in or running from a queue. */
/** What one target's publish asks for besides the post. */
interface JobRequest {
  /** The post as it goes to the target (overrides applied), fingerprinted for the outbox. */
  readonly sent: Post;
  /** The target's idempotency key. */
  readonly idempotencyKey: string;
  /** Native scheduling instant, when asked for. */
  readonly scheduledFor: Date | undefined;
}

/** A job's use of the outbox. */
interface OutboxState {
  readonly outbox: Outbox;
  /** What an earlier run left (`sending` or `unknown`), read before the job queued for budget. */
  readonly prior: OutboxRecord | undefined;
  /** The digest of the post this job sends (`postFingerprint`), compared with a record's. */
  readonly digest: string;
  /** Whether this job recorded its intent or found a record: then its outcome is written back. */
  opened: boolean;
}

interface Job {
  readonly post: Post;
  readonly target: Target;
  /** The publish call's key, as handed back. */
  readonly callKey: string;
  /** This target's key, derived from it. */
  readonly idempotencyKey: string;
  started: boolean;
  readonly settle: (outcome: PublishOutcome) => void;
}

/**
 * Makes a {@link Publisher}. One queue per (platform, account, bucket): a publish waits in the
 * queue of the main bucket its adapter declares for publishing, then for the budget of every
 * bucket it consumes.
 *
 * @param options - adapters, token providers and policies; see {@link PublisherOptions}
 * @returns the publisher
 * @throws ValidationError when two adapters share a platform id
 */
export function createPublisher(options: PublisherOptions): Publisher {
  const settings = resolvePublisherOptions(options);
  const { clock } = settings;
  const events = createPublisherEvents();
  const throttle = new BucketThrottle(clock, settings.throttle);
  const providers = new Map<string, TokenProvider>();
  const jobs = new Set<Job>();
  let closed = false;

  /**
   * One provider per account, asked for once, so a refresh is shared by all its queued work. When
   * the `tokens` option throws, the account gets a provider that refuses with an AuthError (so
   * nothing is sent and the outcome is `failed`, not `unknown`), and it is asked again next time.
   * The AuthError keeps what the option threw as its unprinted `cause`, never in its message: the
   * app's error may quote a token.
   */
  const tokensFor = (target: Target): TokenProvider => {
    const key = `${target.platform}/${target.accountId}`;
    const known = providers.get(key);
    if (known !== undefined) return known;
    let provider: TokenProvider;
    try {
      provider = settings.tokens(target);
    } catch (error) {
      const refusal = withUnprintedCause(
        new AuthError(
          'auth_invalid',
          `No token provider for ${target.platform} account ${target.accountId}: the publisher's tokens option threw ${describeCallbackError(error)}.`,
          { platform: target.platform, cause: error },
        ),
      );
      return { getAccessToken: () => Promise.reject(refusal) };
    }
    providers.set(key, provider);
    return provider;
  };

  /**
   * The account's handle from the `handle` option. A handle only shapes URLs: an option that
   * throws, rejects or gives no usable name costs the URL form, never the call.
   */
  const handleOf = async (account: AccountKey): Promise<string | undefined> => {
    if (settings.handle === undefined) return undefined;
    try {
      const handle = await settings.handle({ platform: account.platform, accountId: account.accountId });
      return typeof handle === 'string' && handle.length > 0 ? handle : undefined;
    } catch {
      return undefined;
    }
  };

  /** The context of every adapter call for an account: its tokens, handle, the clock, headers booked on `main`. */
  const contextFor = async (
    account: AccountKey,
    main: BucketId,
    signal: AbortSignal | undefined,
  ): Promise<RequestContext> => {
    const handle = await handleOf(account);
    return {
      account: {
        platform: account.platform,
        accountId: account.accountId,
        ...(handle === undefined ? {} : { handle }),
      },
      tokens: tokensFor({ platform: account.platform, accountId: account.accountId }),
      clock,
      signal,
      onRateLimit: (info) => throttle.learn(main, info),
    };
  };

  /** The retry policy of a call on `main`: a 429 pauses its bucket. */
  const retryRun = (
    main: BucketId,
    signal: AbortSignal | undefined,
    onRetry: RetryRun['onRetry'],
  ): RetryRun => ({
    options: settings.retry,
    clock,
    signal,
    resetSkewMs: settings.throttle.resetSkewMs,
    onFailure: (error) => pauseOnRateLimit(error, main),
    onRetry,
  });

  const finish = (outcome: PublishOutcome): PublishOutcome => {
    if (outcome.status === 'published') events.emit('published', outcome);
    else if (outcome.status === 'failed') events.emit('failed', outcome);
    else events.emit('unknown', outcome);
    return outcome;
  };

  async function publishTarget(
    post: Post,
    target: Target,
    callKey: string,
    signal: AbortSignal | undefined,
    stopUnstarted: AbortSignal | undefined,
    scheduledFor: Date | undefined,
  ): Promise<PublishOutcome> {
    const idempotencyKey = `${callKey}:${target.platform}:${target.accountId}`;
    if (closed) {
      return finish(failedOutcome(target, new AbortedError('The publisher is shut down; nothing was sent.')));
    }
    // Checked once here: the checked post (its options parsed) goes to the adapter's publish,
    // which does not check it again.
    const check = checkTarget(settings.adapters, post, target);
    if (!check.ok) return finish(failedOutcome(target, check.error));
    const { adapter, sent, checked } = check;
    if (scheduledFor !== undefined) {
      const refusal = scheduledForRefusal(adapter.capabilities, target.platform, scheduledFor, clock.now());
      if (refusal !== undefined) return finish(failedOutcome(target, refusal));
    }
    const demand = publishDemand(adapter.capabilities, sent);
    const main: BucketId = {
      platform: target.platform,
      accountId: target.accountId,
      bucket: demand[0]?.bucket ?? 'publish',
    };
    const queue = throttle.queue(main);
    const gate = startGate(target, signal, stopUnstarted);
    return new Promise<PublishOutcome>((resolve) => {
      const job: Job = {
        post,
        target,
        callKey,
        idempotencyKey,
        started: false,
        settle: (outcome) => resolve(finish(outcome)),
      };
      jobs.add(job);
      events.emit('queued', { target, queue: bucketKey(main) });
      // Aborted while still queued (the publish's signal, or `stopUnstarted`: the gate's signal
      // before the start): settle now (nothing was sent) instead of when its turn comes, which can
      // be a rate-limit reset away. The queue skips it later.
      const queued = gate.signal;
      const onAbort = (): void => {
        if (job.started || !jobs.has(job)) return;
        jobs.delete(job);
        gate.dispose();
        job.settle(
          failedOutcome(
            target,
            gate.refusal() ??
              new AbortedError('The publish was aborted while queued; nothing was sent.', {
                platform: target.platform,
              }),
          ),
        );
      };
      queued?.addEventListener('abort', onAbort, { once: true });
      void queue.add(async () => {
        queued?.removeEventListener('abort', onAbort);
        if (!jobs.has(job)) {
          gate.dispose();
          return; // handed back or aborted while it waited
        }
        job.started = true;
        try {
          job.settle(
            await runJob(
              adapter,
              checked,
              target,
              { sent, idempotencyKey, scheduledFor },
              main,
              demand,
              signal,
              gate,
            ),
          );
        } catch (error) {
          // runJob maps every failure to an outcome; this is a last resort that must not lose one.
          job.settle(uncertain(target, error));
        } finally {
          jobs.delete(job);
          gate.dispose();
        }
      });
    });
  }

  /**
   * Publishes one target, through the outbox when there is one: what an earlier run left for
   * the key answers first (published → no send; `sending`/`unknown` → reconciliation), the intent
   * is recorded right before the first create, and every outcome is written back. A target
   * stopped before its start (`stopUnstarted`) reads and writes nothing.
   */
  async function runJob(
    adapter: Adapter,
    checked: CheckedPost,
    target: Target,
    request: JobRequest,
    main: BucketId,
    demand: readonly BucketDemand[],
    signal: AbortSignal | undefined,
    gate: StartGate,
  ): Promise<PublishOutcome> {
    const stopped = gate.refusal();
    if (stopped !== undefined) return failedOutcome(target, stopped);
    const outbox = settings.outbox;
    if (outbox === undefined) return sendJob(adapter, checked, target, request, main, demand, signal, gate);
    const key = request.idempotencyKey;
    const digest = postFingerprint(request.sent, target.platform);
    const prior = await priorRecord(outbox, key);
    if (prior !== undefined) {
      // The key was used before for another post: refused, and the record is left as it is.
      const refused = keyReusedOutcome(target, prior, digest);
      if (refused !== undefined) return refused;
    }
    const fromRecord = prior === undefined ? undefined : publishedFromRecord(target, prior);
    // Already published by an earlier run: the record is the answer, and it is settled already.
    if (fromRecord !== undefined) return fromRecord;
    const state: OutboxState = { outbox, prior, digest, opened: false };
    const outcome = await sendJob(adapter, checked, target, request, main, demand, signal, gate, state);
    // Nothing recorded and no record answered (a target stopped before its start leaves an earlier
    // run's record as it is): nothing to settle.
    if (!state.opened) return outcome;
    return settleOutcome(outbox, key, outcome, new Date(clock.now()));
  }

  async function sendJob(
    adapter: Adapter,
    checked: CheckedPost,
    target: Target,
    { idempotencyKey, scheduledFor }: JobRequest,
    main: BucketId,
    demand: readonly BucketDemand[],
    signal: AbortSignal | undefined,
    gate: StartGate,
    outboxState?: OutboxState,
  ): Promise<PublishOutcome> {
    const declared = adapter.capabilities.rateLimits.budgets;
    const ids = demand.map(({ bucket, units }): BucketBooking => ({ ...main, bucket, units }));
    const context = await contextFor(target, main, signal);
    // The create's own waits (budget, backoff) stop on the gate's signal: before the start,
    // `stopUnstarted` stops them too. Reads and the adapter's requests stop on `signal` alone.
    const acquire = (what: readonly BucketBooking[], waitSignal: AbortSignal | undefined): Promise<void> =>
      throttle.acquire(what, declared, waitSignal, (wait) => {
        if (wait.reason === 'budget' || wait.reason === 'paused') {
          events.emit('rate-limited', {
            platform: wait.id.platform,
            accountId: wait.id.accountId,
            bucket: wait.id.bucket,
            until: new Date(clock.now() + wait.delayMs),
            reason: wait.reason === 'paused' ? 'rate_limited' : 'budget',
          });
        }
      });
    let firstAttemptAt: number | undefined;
    let attempts = 0;

    /**
     * Records the intent once, right before the first create is sent (after the budget wait, so
     * a run that dies while waiting for a rate-limit reset leaves nothing that looks sent). An
     * attempt after one whose write went through but threw (a lost reply) finds that `sending`
     * record and reconciles it like any other run's: a run cannot tell its own record from
     * another's that reconciled it meanwhile, and only reconciling never sends twice.
     */
    const beforeFirstCreate = async (): Promise<void> => {
      if (outboxState === undefined || outboxState.opened) return;
      const startedAt = new Date(clock.now());
      const found = await openIntent(outboxState.outbox, {
        key: idempotencyKey,
        platform: target.platform,
        accountId: target.accountId,
        startedAt,
        fingerprint: fingerprintToken(outboxState.digest, startedAt),
      });
      if (found !== undefined) throw new OutboxRecordFound(found);
      outboxState.opened = true;
    };

    const createRetries: RetryRun = {
      ...retryRun(main, undefined, ({ attempt, delayMs, error }) =>
        events.emit('retry', { target, attempt, delayMs, code: error.code }),
      ),
      // Read at each backoff: before the start it is the gate's, which `stopUnstarted` aborts.
      get signal() {
        return gate.signal;
      },
    };
    const createWithRetries = (operation: 'publish' | 'reconcile-retry'): Promise<PublishResult> =>
      withRetry(async () => {
        await acquire(ids, gate.signal);
        // Stopped before its start (`stopUnstarted`): nothing was sent or recorded.
        const stopped = gate.refusal();
        if (stopped !== undefined) throw stopped;
        await beforeFirstCreate();
        // Stopped while the intent was being written: send nothing (runJob settles the intent
        // `failed`, as nothing went out; the new holder reconciles it and sends once).
        const late = gate.refusal();
        if (late !== undefined) throw late;
        gate.start();
        attempts += 1;
        firstAttemptAt ??= clock.now();
        events.emit('attempt', { target, attempt: attempts, operation });
        const publishContext: PublishContext = {
          ...context,
          idempotencyKey,
          ...(scheduledFor === undefined ? {} : { scheduledFor }),
          onProgress: (progress) => events.emit('progress', { target, progress }),
        };
        const result = await adapter.publish(checked, publishContext);
        if (result.rateLimit !== undefined) throttle.learn(main, result.rateLimit);
        return result;
      }, createRetries);

    /** Finds out whether an uncertain create took effect, never creating a second post. */
    const reconcileFrom = (
      cause: SmmkitError,
      trigger: 'ambiguous' | 'duplicate',
      attemptStartedAt: Date,
      startedElsewhere = false,
    ): Promise<PublishOutcome> | PublishOutcome => {
      if (signal?.aborted) {
        // The caller asked to stop: no more requests, not even reads.
        return { status: 'unknown', target, error: cause, checked: [] };
      }
      return reconcile({
        adapter,
        post: checked.post,
        target,
        context,
        error: cause,
        trigger,
        attemptStartedAt,
        startedElsewhere,
        clock,
        options: settings.reconcile,
        retryCreate: () => createWithRetries('reconcile-retry'),
        beforeRead: () =>
          acquire(
            operationBuckets(adapter.capabilities, 'findRecentPosts').map((bucket) => ({ ...main, bucket })),
            signal,
          ),
        retryRead: (read) => withRetry(read, retryRun(main, signal, undefined)),
      });
    };
    /**
     * An earlier run's record: another post's → refused (the record left as it is); published →
     * its outcome; anything else → reconciliation from its start.
     */
    const answerFromRecord = (record: OutboxRecord): Promise<PublishOutcome> | PublishOutcome => {
      const refused = outboxState && keyReusedOutcome(target, record, outboxState.digest);
      if (refused !== undefined) return refused;
      gate.start();
      if (outboxState !== undefined) outboxState.opened = true;
      return (
        publishedFromRecord(target, record) ??
        reconcileFrom(
          unsettledRecordError(target, record),
          'ambiguous',
          record.startedAt,
          record.status === 'sending',
        )
      );
    };

    // A run that died mid-create (or could not tell) left `sending`/`unknown`: never a blind create.
    if (outboxState?.prior !== undefined) {
      // Stopped before its start (`stopUnstarted`): the record is left to whoever stopped it.
      const stopped = gate.refusal();
      if (stopped !== undefined) return failedOutcome(target, stopped);
      return answerFromRecord(outboxState.prior);
    }

    try {
      return { status: 'published', target, result: await createWithRetries('publish') };
    } catch (error) {
      if (error instanceof OutboxRecordFound) {
        // Another run's record, found after the stop: it is that run's to settle, not ours.
        const stopped = gate.refusal();
        if (stopped !== undefined) return failedOutcome(target, stopped);
        return answerFromRecord(error.record);
      }
      const isDuplicate = PlatformError.isInstance(error) && error.code === 'duplicate_content';
      // The abort reason itself comes from a wait (throttle, backoff) or from the adapter before
      // it sent anything: adapters report an abort after a create was sent as ambiguous.
      if (isAbort(error, signal)) {
        return failedOutcome(
          target,
          withUnprintedCause(
            new AbortedError('The publish was aborted before anything was sent.', {
              platform: target.platform,
              cause: error,
            }),
          ),
        );
      }
      const isAmbiguous = AmbiguousOutcomeError.isInstance(error) || !SmmkitError.isInstance(error);
      if (SmmkitError.isInstance(error) && !isAmbiguous && !isDuplicate) return failedOutcome(target, error);
      const trigger = isDuplicate ? 'duplicate' : 'ambiguous';
      const cause = SmmkitError.isInstance(error) ? error : asAmbiguous(target, error);
      return reconcileFrom(cause, trigger, new Date(firstAttemptAt ?? clock.now()));
    }
  }

  /** A 429 pauses its bucket until the reset, so no other queued work runs into it too. */
  function pauseOnRateLimit(error: unknown, main: BucketId): void {
    if (!RateLimitError.isInstance(error) || isThrottleRefusal(error)) return;
    const until =
      (error.resetAt?.getTime() ?? clock.now() + settings.retry.minDelayMs) + settings.throttle.resetSkewMs;
    const id = throttle.pause(main, error.rateLimit, until);
    events.emit('rate-limited', {
      platform: id.platform,
      accountId: id.accountId,
      bucket: id.bucket,
      until: new Date(until),
      reason: 'rate_limited',
    });
  }

  /** A read or other non-create call, queued and throttled like publishes; see `Publisher.run`. */
  async function runTask<T>(
    account: AccountKey,
    operation: Exclude<RateLimitOperation, 'publish' | 'upload'>,
    task: (context: RequestContext) => Promise<T>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    if (closed)
      throw new AbortedError('The publisher is shut down; nothing was sent.', { platform: account.platform });
    const adapter = settings.adapters.get(account.platform);
    if (adapter === undefined) throw noAdapter(account.platform, 'account');
    const declared = adapter.capabilities.rateLimits.budgets;
    const ids = operationBuckets(adapter.capabilities, operation).map(
      (bucket): BucketId => ({ platform: account.platform, accountId: account.accountId, bucket }),
    );
    const main = ids[0] ?? { platform: account.platform, accountId: account.accountId, bucket: operation };
    // Made in the queue, so asking for the handle never reorders calls to one account.
    let context: RequestContext | undefined;
    const turn = { started: false };
    const queued = throttle.queue(main).add(() => {
      if (signal?.aborted) throw signal.reason; // given up while it waited: the caller has its answer
      turn.started = true;
      return withRetry(
        async () => {
          await throttle.acquire(ids, declared, signal, () => {});
          context ??= await contextFor(account, main, signal);
          return task(context);
        },
        retryRun(main, signal, () => {}),
      );
    });
    try {
      // An abort while the call waits its turn (behind a 429 pause, say) answers at once; the
      // queued call then ends without running. A call already running stops on its own signal.
      return await (signal === undefined ? queued : untilStartedOrAborted(queued, turn, signal));
    } catch (error) {
      // An abort while queued or waiting rejects with the signal's reason: say it as smmkit does.
      if (isAbort(error, signal) && !AbortedError.isInstance(error)) {
        throw new AbortedError(
          `${operation} for ${account.platform} account ${account.accountId} was aborted.`,
          {
            platform: account.platform,
          },
        );
      }
      throw error;
    }
  }

  return {
    events,
    // async: whatever goes wrong in here (a bad argument, a throwing newKey) rejects, never throws.
    publish: async (post, targets, publishOptions) => {
      const problems = targetListProblems(targets, []);
      if (problems.length > 0) throw new ValidationError(problems, 'targets');
      const { idempotencyKey, signal, stopUnstarted, scheduledFor } = publishOptions ?? {};
      const callKey = idempotencyKey ?? settings.newKey();
      const repeated = new Map(
        repeatedAccountProblems(targets, 'publish each version to one account in its own call').map(
          (problem) => [problem.path[0], problem],
        ),
      );
      return Promise.all(
        targets.map((target, index) => {
          const problem = repeated.get(index);
          if (problem === undefined) {
            return publishTarget(post, target, callKey, signal, stopUnstarted, scheduledFor);
          }
          return finish(
            failedOutcome(target, new ValidationError([problem], 'targets', { platform: target.platform })),
          );
        }),
      );
    },
    check: (post, targets) =>
      targets.map((target) => {
        // No adapter here says nothing about the post: publish refuses the target for that.
        if (!settings.adapters.has(target.platform)) return undefined;
        const check = checkTarget(settings.adapters, post, target);
        return check.ok ? undefined : check.error;
      }),
    run: (account, operation, task, runOptions = {}) => runTask(account, operation, task, runOptions.signal),
    async shutdown(shutdownOptions = {}) {
      closed = true;
      const handedBack: HandedBackWork[] = [];
      if (shutdownOptions.mode === 'handBack') {
        for (const job of [...jobs]) {
          if (job.started) continue;
          jobs.delete(job);
          handedBack.push({ post: job.post, target: job.target, idempotencyKey: job.callKey });
          job.settle(
            failedOutcome(job.target, new AbortedError('Handed back at shutdown; nothing was sent.')),
          );
        }
      }
      await Promise.all(throttle.queues.map((queue) => queue.onIdle()));
      return handedBack;
    },
  };
}

/**
 * `work`, or a rejection with `signal`'s reason when it aborts before `turn` started (while the
 * work still waits in its queue). Once started, the work answers for itself.
 */
function untilStartedOrAborted<T>(
  work: Promise<T>,
  turn: { readonly started: boolean },
  signal: AbortSignal,
): Promise<T> {
  if (signal.aborted) {
    work.catch(() => {}); // ends without running when its turn comes; nobody waits for it
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      if (turn.started) return;
      work.catch(() => {});
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return (signal?.aborted === true && error === signal.reason) || AbortedError.isInstance(error);
}

/**
 * What an adapter threw that is not one of smmkit's errors, as the ambiguous error it is (it may
 * have happened after the create was sent). The thrown error stays readable as `cause` but is not
 * printed (`util.inspect` of the outcome or an event): it comes from code smmkit does not control,
 * such as an app's token store, and may quote a token.
 */
function asAmbiguous(target: Target, error: unknown): AmbiguousOutcomeError {
  return withUnprintedCause(
    new AmbiguousOutcomeError(
      `The publish failed unexpectedly (the adapter threw ${describeCallbackError(error)}); it may or may not have been created.`,
      { operation: 'create post', platform: target.platform, cause: error },
    ),
  );
}

function uncertain(target: Target, error: unknown): PublishOutcome {
  const cause = SmmkitError.isInstance(error) ? error : asAmbiguous(target, error);
  return { status: 'unknown', target, error: cause, checked: [] };
}
