import { AmbiguousOutcomeError } from '../errors/ambiguous-outcome-error.js';
import { TransientError } from '../errors/transient-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Target } from '../models/target.js';
import type { Outbox, OutboxIntent, OutboxRecord, OutboxSettlement } from '../scheduler/outbox.js';
import { describeCallbackError, withUnprintedCause } from '../security/callback-error.js';
import { recordDigest } from './outbox-fingerprint.js';
import { type FailedOutcome, failedOutcome, type PublishedOutcome, type PublishOutcome } from './outcome.js';

/**
 * Thrown inside a create attempt when the outbox already holds a record for the target's key:
 * the create must not be sent. Not a smmkit error, so the retry loop never retries it; the
 * publisher catches it and answers from the record.
 */
export class OutboxRecordFound extends Error {
  /** The record an earlier (or concurrent) run left. */
  readonly record: OutboxRecord;

  /** @param record - the record found */
  constructor(record: OutboxRecord) {
    super(`The outbox already holds ${record.key} (${record.status}).`);
    this.name = 'OutboxRecordFound';
    this.record = record;
  }
}

/**
 * What an earlier run left for `key`, read before anything is queued for budget: a settled
 * record answers without a send. A store that cannot be read is no answer here; the intent is
 * recorded (with retries) right before the create, where a failing store stops the send.
 *
 * @param outbox - the publisher's outbox
 * @param key - the target's idempotency key
 * @returns the record, when there is one that is not `failed` (a failed one is tried again)
 */
export async function priorRecord(outbox: Outbox, key: string): Promise<OutboxRecord | undefined> {
  try {
    const record = await outbox.record(key);
    return record?.status === 'failed' ? undefined : record;
  } catch {
    return undefined;
  }
}

/**
 * Records the intent right before the first create (or re-opens a `failed` record for a new
 * attempt).
 *
 * @param outbox - the publisher's outbox
 * @param intent - the target's key, account and the attempt's start
 * @returns `undefined` when the create may be sent; otherwise the record another run holds
 *   (`published`, `sending`, `unknown`), which must be answered from instead of a create
 * @throws TransientError (retryable, nothing sent) when the outbox throws
 */
export async function openIntent(outbox: Outbox, intent: OutboxIntent): Promise<OutboxRecord | undefined> {
  try {
    const found = await outbox.begin(intent);
    if (found === undefined || found.status !== 'failed') return found;
    // The last run failed for sure (nothing went out), so this one may try again; `retry` is a
    // compare-and-set, so of two runs re-opening it only one sends.
    if (await outbox.retry(intent.key, intent.startedAt, intent.fingerprint)) return undefined;
    return (await outbox.record(intent.key)) ?? found;
  } catch (error) {
    throw withUnprintedCause(
      new TransientError(
        'transient',
        `The outbox could not record the intent to publish to ${intent.platform} account ${intent.accountId}: it threw ${describeCallbackError(error)}. Nothing was sent.`,
        { platform: intent.platform, cause: error },
      ),
    );
  }
}

/**
 * The refusal for a record begun for another post than this run's: the idempotency key was used
 * again for a different post. Answering from the record would report the first post's outcome
 * for a post that never went out, and reconciling would look for a post nobody sent.
 *
 * @param target - the target
 * @param record - the record found (`published`, `sending` or `unknown`)
 * @param digest - the digest of this run's post (`postFingerprint`)
 * @returns the failed outcome (nothing was sent), or `undefined` when the record is this post's
 *   or keeps no fingerprint that stands for its current attempt (see `recordDigest`)
 */
export function keyReusedOutcome(
  target: Target,
  record: OutboxRecord,
  digest: string,
): FailedOutcome | undefined {
  const recorded = recordDigest(record);
  if (recorded === undefined || recorded === digest) return undefined;
  const how =
    record.status === 'published'
      ? 'was published'
      : `is ${record.status === 'unknown' ? 'of unknown outcome' : 'being sent'} (started ${record.startedAt.toISOString()})`;
  const problem = {
    path: ['idempotencyKey'],
    rule: 'idempotency.key_reused',
    message: `the idempotency key ${record.key} belongs to a different post, which ${how}; nothing was sent for this one`,
  };
  return failedOutcome(
    target,
    new ValidationError([problem], `post for ${target.platform}`, { platform: target.platform }),
    'Publish a new post with a new idempotency key; to learn how the first post ended, publish it again with this key.',
  );
}

/**
 * The outcome a `published` record stands for: nothing is sent again.
 *
 * @param target - the target
 * @param record - the record found
 * @returns the published outcome, or `undefined` when the record is not published with a ref
 */
export function publishedFromRecord(target: Target, record: OutboxRecord): PublishedOutcome | undefined {
  const settlement = record.settlement;
  if (record.status !== 'published' || settlement?.ref === undefined) return undefined;
  return {
    status: 'published',
    target,
    result: {
      ref: settlement.ref,
      ...(settlement.url === undefined ? {} : { url: settlement.url }),
      ...(settlement.publishedAt === undefined ? {} : { publishedAt: settlement.publishedAt }),
      ...(settlement.scheduledFor === undefined ? {} : { scheduledFor: settlement.scheduledFor }),
      warnings: [
        {
          code: 'already_published',
          message: `An earlier run already published this target (idempotency key ${record.key}); nothing was sent again.`,
        },
      ],
    },
  };
}

/**
 * Why a record left `sending` or `unknown` is reconciled instead of created again.
 *
 * @param target - the target
 * @param record - the record found
 * @returns the ambiguous error reconciliation starts from
 */
export function unsettledRecordError(target: Target, record: OutboxRecord): AmbiguousOutcomeError {
  const how =
    record.status === 'unknown'
      ? 'could not tell whether it went out'
      : 'never settled it (it may have stopped mid-create)';
  return new AmbiguousOutcomeError(
    `An earlier run started this create at ${record.startedAt.toISOString()} and ${how}; looking for the post instead of sending it again.`,
    { operation: 'create post', platform: target.platform },
  );
}

/**
 * The settlement an outcome is written back as.
 *
 * @param outcome - how the target's publish ended
 * @param settledAt - now
 * @returns the settlement
 */
export function settlementOf(outcome: PublishOutcome, settledAt: Date): OutboxSettlement {
  if (outcome.status === 'published') {
    const { ref, url, publishedAt, scheduledFor } = outcome.result;
    return { status: 'published', ref, url, publishedAt, scheduledFor, settledAt };
  }
  return {
    status: outcome.status,
    error: { code: outcome.error.code, message: outcome.error.message },
    settledAt,
  };
}

/**
 * Writes `outcome` back to the outbox. A store that fails here loses nothing: the record stays
 * `sending`, so the next run with the key reconciles instead of creating; a published outcome
 * says so in a warning.
 *
 * @param outbox - the publisher's outbox
 * @param key - the target's idempotency key
 * @param outcome - how the publish ended
 * @param settledAt - now
 * @returns the outcome (with the warning when the write failed)
 */
export async function settleOutcome(
  outbox: Outbox,
  key: string,
  outcome: PublishOutcome,
  settledAt: Date,
): Promise<PublishOutcome> {
  try {
    await outbox.settle(key, settlementOf(outcome, settledAt));
    return outcome;
  } catch (error) {
    if (outcome.status !== 'published') return outcome;
    const warning = {
      code: 'outbox_not_settled',
      message: `Published, but the outbox could not record it (it threw ${describeCallbackError(error)}); a later run with this key reconciles instead of publishing again.`,
    };
    return { ...outcome, result: { ...outcome.result, warnings: [...outcome.result.warnings, warning] } };
  }
}
