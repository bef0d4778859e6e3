import type { OutboxRecord } from '../scheduler/outbox.js';

/**
 * The fingerprint the publisher writes with an outbox intent: `<digest>:<startedAt ms>`. Stores
 * keep it as an opaque string; only the publisher composes and reads it.
 *
 * - The digest (`postFingerprint`) tells which post the key was begun for.
 * - The start tells whether the record was re-opened since by a process that writes no
 *   fingerprint (the release before them re-opens a `failed` record with a new start and leaves
 *   the fingerprint as it was): then the digest is another attempt's, and is not compared.
 *
 * @param digest - the post's digest, from `postFingerprint`
 * @param startedAt - the start written with it (the intent's `startedAt`)
 * @returns the fingerprint to write
 */
export function fingerprintToken(digest: string, startedAt: Date): string {
  return `${digest}:${startedAt.getTime()}`;
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
  if (parts?.length !== 2) return undefined;
  const [digest, startedAt] = parts;
  return startedAt === String(record.startedAt.getTime()) ? digest : undefined;
}
