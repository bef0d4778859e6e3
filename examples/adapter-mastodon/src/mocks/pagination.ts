import { compareIds, type Identified, pageByIds, type RequestParams } from '@smmkit/testkit';

/**
 * One page of `items`, newest first, as Mastodon's `to_a_paginated_by_id` cuts it: `max_id` and
 * `since_id` bound the ids and the newest `limit` come back; with `min_id` the `limit` oldest
 * above it come back, still newest first (docs.joinmastodon.org/api/guidelines/#pagination).
 * `limit` follows Mastodon's `limit_param`: the default when absent, otherwise the absolute integer
 * value capped at twice the default (notifications: 40, max 80 —
 * docs.joinmastodon.org/methods/notifications/#get; account statuses: 20, max 40 —
 * docs.joinmastodon.org/methods/accounts/#statuses). Ids that are not numeric match nothing and
 * are ignored.
 */
export function paginate<T extends Identified>(
  items: readonly T[],
  query: RequestParams,
  defaultLimit: number,
): { readonly items: T[]; readonly limit: number } {
  const id = (name: string) => {
    const value = query.string(name);
    return value !== undefined && /^\d+$/.test(value) ? value : undefined;
  };
  const raw = query.string('limit');
  const parsed = raw === undefined ? defaultLimit : Math.abs(Number.parseInt(raw, 10) || 0);
  const limit = Math.min(parsed, defaultLimit * 2);
  // `since_id` and `min_id` both bound from below; with `min_id` the page is cut from the oldest end.
  const lower = [id('since_id'), id('min_id')].filter((bound) => bound !== undefined).sort(compareIds);
  const from = id('min_id') === undefined ? 'newest' : 'oldest';
  return {
    items: pageByIds(items, { olderThan: id('max_id'), newerThan: lower.at(-1), limit, from }).items,
    limit,
  };
}

/**
 * The `Link` header of a page: `<…max_id=oldest>; rel="next", <…min_id=newest>; rel="prev"`
 * (docs.joinmastodon.org/api/guidelines/#pagination). The links keep the request's parameters
 * named in `keep` (`limit`, `types[]`) and, like Rails' `to_query`, list parameters sorted by
 * name. No header when there is neither link.
 */
export function linkHeader(
  endpoint: string,
  url: URL,
  keep: readonly string[],
  next: string | undefined,
  prev: string | undefined,
): Record<string, string> {
  const kept: [string, string][] = [];
  url.searchParams.forEach((value, name) => {
    if (keep.includes(name.replace(/\[\]$/, ''))) kept.push([name, value]);
  });
  const link = (cursor: string, id: string) => {
    const pairs: [string, string][] = [...kept, [cursor, id]];
    const query = pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    return `${endpoint}?${query.sort().join('&')}`;
  };
  const links: string[] = [];
  if (next !== undefined) links.push(`<${link('max_id', next)}>; rel="next"`);
  if (prev !== undefined) links.push(`<${link('min_id', prev)}>; rel="prev"`);
  return links.length === 0 ? {} : { link: links.join(', ') };
}
