import type { OutboxRecord } from '../scheduler/outbox.js';

/**
 * The fingerprint the publisher writes with an outbox intent: `<digest>:<startedAt ms>:<run id>`.
 * Stores keep it as an opaque string; only the publisher composes and reads it.
 *
 * - The digest (`postFingerprint`) tells which post the key was begun for.
 * - The start tells whether the record was re-opened since by a process that writes no
 *   fingerprint (the release before them re-opens a `failed` record with a new start and leaves
 *   the fingerprint as it was): then the digest is another attempt's, and is not compared.
 * - The run id (random per publish of a target) tells this run's own record from another run's
 *   of the same post, when a write went through but its reply was lost.
 *
 * @param digest - the post's digest, from `postFingerprint`
 * @param startedAt - the start written with it (the intent's `startedAt`)
 * @param runId - this run's id, from {@link newRunId}
 * @returns the fingerprint to write
 */
export function fingerprintToken(digest: string, startedAt: Date, runId: string): string {
  return `${digest}:${startedAt.getTime()}:${runId}`;
}

/**
 * The digest of the post a record was begun for, when its fingerprint still stands for its
 * current attempt.
 *
 * @param record - a record read from the outbox
 * @returns the digest; `undefined` when the record keeps no fingerprint (a store of the release
 *   before them, a settlement without a `begin`), when the fingerprint is not one this publisher
 *   writes, or when its start is not the record's (re-opened since by a process that writes none)
 */
export function recordDigest(record: OutboxRecord): string | undefined {
  const parts = record.fingerprint?.split(':');
  if (parts?.length !== 3) return undefined;
  const [digest, startedAt] = parts;
  return startedAt === String(record.startedAt.getTime()) ? digest : undefined;
}

/**
 * A random id for one run of one target, written in its fingerprints.
 *
 * @returns 16 hex digits (64 random bits)
 */
export function newRunId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether `record` is this run's own: `sending` with a fingerprint this run wrote in an attempt
 * whose write threw (it went through, but its reply was lost). Such a record is no earlier run's
 * create to reconcile: nothing was sent for it yet.
 *
 * @param record - the record the outbox answered with
 * @param unconfirmed - the fingerprints of this run's writes that threw
 * @returns true when the run may go on as if its write had answered
 */
export function isOwnRecord(record: OutboxRecord, unconfirmed: ReadonlySet<string>): boolean {
  return (
    record.status === 'sending' &&
    record.fingerprint !== undefined &&
    unconfirmed.has(record.fingerprint) &&
    recordDigest(record) !== undefined
  );
}
