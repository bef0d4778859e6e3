import { ValidationError } from '@smmkit/core';
import type { InboxCursor } from '@smmkit/core/inbox';

/** A cursor as stored: instants as epoch ms, as the SQLite store keeps it. */
interface StoredCursor {
  readonly since?: number;
  readonly walk?: { readonly since?: number; readonly newest?: number; readonly cursor: string };
}

/**
 * A polling cursor as JSON, instants as epoch milliseconds.
 *
 * @param cursor - how far a listing has been read
 * @returns the JSON text
 */
export function cursorToJson(cursor: InboxCursor): string {
  const stored: StoredCursor = {
    ...(cursor.since === undefined ? {} : { since: cursor.since.getTime() }),
    ...(cursor.walk === undefined
      ? {}
      : {
          walk: {
            ...(cursor.walk.since === undefined ? {} : { since: cursor.walk.since.getTime() }),
            ...(cursor.walk.newest === undefined ? {} : { newest: cursor.walk.newest.getTime() }),
            cursor: cursor.walk.cursor,
          },
        }),
  };
  return JSON.stringify(stored);
}

/**
 * A polling cursor from what {@link cursorToJson} wrote, checked.
 *
 * @param json - the stored text
 * @returns the cursor, instants as `Date`s
 * @throws ValidationError when the text holds no cursor (edited by hand or damaged)
 */
export function cursorFromJson(json: string): InboxCursor {
  const value: unknown = JSON.parse(json);
  if (!isRecord(value)) throw damaged([], 'must be an object');
  const since = instant(value.since, ['since']);
  const walk = value.walk;
  if (walk === undefined) return since === undefined ? {} : { since };
  if (!isRecord(walk) || typeof walk.cursor !== 'string')
    throw damaged(['walk', 'cursor'], 'must be a string');
  const walkSince = instant(walk.since, ['walk', 'since']);
  const newest = instant(walk.newest, ['walk', 'newest']);
  return {
    ...(since === undefined ? {} : { since }),
    walk: {
      ...(walkSince === undefined ? {} : { since: walkSince }),
      ...(newest === undefined ? {} : { newest }),
      cursor: walk.cursor,
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The instant of stored epoch ms, or `undefined` when absent. */
function instant(value: unknown, path: readonly string[]): Date | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw damaged(path, 'must be epoch milliseconds');
  return new Date(value);
}

function damaged(path: readonly string[], message: string): ValidationError {
  return new ValidationError([{ path, rule: 'inbox.cursor', message }], 'inbox cursor');
}
