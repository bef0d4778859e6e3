import { compareIds, type Identified, pageByIds, type RequestParams } from '@smmkit/testkit/simulator-kit';

/** How a list endpoint pages (docs.joinmastodon.org/api/guidelines/#pagination). */
export interface PageOptions<T> {
  /** `limit` when the request gives none; at most twice as many are served. */
  readonly defaultLimit: number;
  /** The request parameters the links keep (`limit`, `types[]`), named without `[]`. */
  readonly keep: readonly string[];
  /** Link `next` only when the page is full (`records_continue?`); otherwise whenever it is not empty. */
  readonly nextOnlyWhenFull?: boolean;
  /** The JSON of one item. */
  readonly render: (item: T) => unknown;
}

/**
 * One page of `items` as Mastodon answers a list: newest first, cut as `to_a_paginated_by_id`
 * cuts it — `max_id` and `since_id` bound the ids and the newest `limit` come back; with `min_id`
 * the `limit` oldest above it come back, still newest first. `limit` follows Mastodon's
 * `limit_param`: the default when absent, otherwise the absolute integer value capped at twice the
 * default. Ids that are not numeric match nothing and are ignored.
 *
 * The `Link` header reads `<…max_id=oldest>; rel="next", <…min_id=newest>; rel="prev"`; the
 * links keep the request's parameters named in `keep` and, like Rails' `to_query`, list them
 * sorted by name. No header when there is neither link.
 *
 * @example
 * ```ts
 * return pagedJson(notifications, url, query, { defaultLimit: 40, keep: ['limit', 'types'], render });
 * ```
 */
export function pagedJson<T extends Identified>(
  items: readonly T[],
  url: URL,
  query: RequestParams,
  options: PageOptions<T>,
): Response {
  const id = (name: string) => {
    const value = query.string(name);
    return value !== undefined && /^\d+$/.test(value) ? value : undefined;
  };
  const raw = query.string('limit');
  const requested = raw === undefined ? options.defaultLimit : Math.abs(Number.parseInt(raw, 10) || 0);
  const limit = Math.min(requested, options.defaultLimit * 2);
  // `since_id` and `min_id` both bound from below; with `min_id` the page is cut from the oldest end.
  const lower = [id('since_id'), id('min_id')].filter((bound) => bound !== undefined).sort(compareIds);
  const from = id('min_id') === undefined ? 'newest' : 'oldest';
  const page = pageByIds(items, { olderThan: id('max_id'), newerThan: lower.at(-1), limit, from }).items;

  const kept: string[] = [];
  url.searchParams.forEach((value, name) => {
    if (options.keep.includes(name.replace(/\[\]$/, '')))
      kept.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  });
  const link = (cursor: string, to: string, rel: string) =>
    `<${url.origin}${url.pathname}?${[...kept, `${cursor}=${to}`].sort().join('&')}>; rel="${rel}"`;
  const links: string[] = [];
  const oldest = options.nextOnlyWhenFull && page.length < limit ? undefined : page.at(-1);
  if (oldest !== undefined) links.push(link('max_id', oldest.id, 'next'));
  if (page[0] !== undefined) links.push(link('min_id', page[0].id, 'prev'));
  const headers = links.length === 0 ? {} : { link: links.join(', ') };
  return Response.json(page.map(options.render), { headers });
}
