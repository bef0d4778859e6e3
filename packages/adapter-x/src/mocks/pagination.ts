import { compareIds } from '@smmkit/testkit';
import { invalidParameter } from './problems.js';

/** The paging meta of X timelines (x.md "Engagement": `meta{result_count, newest_id, oldest_id, next_token}`). */
export interface PageMeta {
  /** Items on this page. */
  readonly result_count: number;
  /** Newest id on the page (absent on an empty page). */
  readonly newest_id?: string;
  /** Oldest id on the page (absent on an empty page). */
  readonly oldest_id?: string;
  /** Token of the next (older) page; absent on the last page. */
  readonly next_token?: string;
}

/** One page of items, newest first. */
export interface Page<T> {
  /** The items. */
  readonly items: readonly T[];
  /** The meta X sends with them. */
  readonly meta: PageMeta;
}

/**
 * X's pagination tokens are opaque base32hex strings (x-openapi.json: "A base32hex-encoded
 * pagination token", at least 16 characters for DM events). The simulator encodes the id of the
 * first item of the next page in base 32 (digits 0-9a-v, the base32hex alphabet), padded to 16.
 */
export function encodePageToken(id: string): string {
  return BigInt(id).toString(32).padStart(16, '0');
}

/** The id a token points at, or `undefined` when it is not one the simulator made. */
export function decodePageToken(token: string): string | undefined {
  if (!/^[0-9a-v]{16,}$/.test(token)) return undefined;
  let value = 0n;
  for (const char of token) value = value * 32n + BigInt(Number.parseInt(char, 32));
  return value.toString();
}

/**
 * The page of `items` (any order) that starts at `token`, newest first, with X's meta. `token` is
 * validated here: an unknown one is X's 400 (ASSUMED wording).
 */
export function paginate<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  maxResults: number,
  token: string | null,
  parameter = 'pagination_token',
): Page<T> | Response {
  let cursor: string | undefined;
  if (token !== null) {
    cursor = decodePageToken(token);
    if (cursor === undefined)
      return invalidParameter(
        parameter,
        token,
        `The \`${parameter}\` query parameter value [${token}] is not a valid pagination token`,
      );
  }
  const newestFirst = [...items].sort((a, b) => compareIds(idOf(b), idOf(a)));
  const from =
    cursor === undefined ? newestFirst : newestFirst.filter((item) => compareIds(idOf(item), cursor) <= 0);
  const page = from.slice(0, maxResults);
  const rest = from[maxResults];
  const first = page[0];
  const last = page[page.length - 1];
  const meta: PageMeta = {
    result_count: page.length,
    ...(first === undefined ? {} : { newest_id: idOf(first) }),
    ...(last === undefined ? {} : { oldest_id: idOf(last) }),
    ...(rest === undefined ? {} : { next_token: encodePageToken(idOf(rest)) }),
  };
  return { items: page, meta };
}
