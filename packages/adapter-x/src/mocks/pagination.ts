import { type Identified, pageByIds } from '@smmkit/testkit';
import { badValue } from './request-params.js';

/**
 * The paging meta of X timelines (`meta{result_count, newest_id, oldest_id, next_token}`:
 * https://docs.x.com/x-api/fundamentals/pagination).
 */
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

/**
 * The page of `items` (any order) after `token`, newest first, with X's meta. X's pagination
 * tokens are opaque base32hex strings (https://api.x.com/2/openapi.json: "A base32hex-encoded pagination
 * token", at least 16 characters for DM events): the simulator's is the page's oldest id in base 32 (digits
 * 0-9a-v, the base32hex alphabet), padded to 16. An unknown token is X's 400 (ASSUMED wording).
 */
export function paginate<T extends Identified>(
  items: readonly T[],
  maxResults: number,
  token: string | null,
  parameter = 'pagination_token',
): { readonly items: readonly T[]; readonly meta: PageMeta } | Response {
  if (token !== null && !/^[0-9a-v]{16,}$/.test(token))
    return badValue(parameter, token, 'is not a valid pagination token');
  let olderThan: bigint | undefined;
  for (const char of token ?? '') olderThan = (olderThan ?? 0n) * 32n + BigInt(Number.parseInt(char, 32));
  const page = pageByIds(items, { limit: maxResults, olderThan: olderThan?.toString() });
  const newest = page.items[0];
  const oldest = page.items.at(-1);
  const meta: PageMeta = {
    result_count: page.items.length,
    ...(newest === undefined ? {} : { newest_id: newest.id }),
    ...(oldest === undefined ? {} : { oldest_id: oldest.id }),
    ...(oldest !== undefined && page.hasOlder
      ? { next_token: BigInt(oldest.id).toString(32).padStart(16, '0') }
      : {}),
  };
  return { items: page.items, meta };
}
