import { compareIds } from '@smmkit/testkit';
import { type ParamObject, paramString } from './request-params.js';

/** The cursors of a paginated request (docs.joinmastodon.org/api/guidelines/#pagination). */
export interface PageCursors {
  /** All results lesser than this id. */
  readonly maxId: string | undefined;
  /** All results greater than this id (the newest ones). */
  readonly sinceId: string | undefined;
  /** Results immediately newer than this id (the oldest ones above it). */
  readonly minId: string | undefined;
  /** Page size. */
  readonly limit: number;
}

/**
 * The cursors of a request. `limit` follows Mastodon's `limit_param`: the default when absent,
 * otherwise the absolute integer value capped at twice the default (notifications: 40, max 80 —
 * docs.joinmastodon.org/methods/notifications/#get; account statuses: 20, max 40 —
 * docs.joinmastodon.org/methods/accounts/#statuses).
 */
export function pageCursors(query: ParamObject, defaultLimit: number): PageCursors {
  const raw = paramString(query, 'limit');
  const parsed = raw === undefined ? defaultLimit : Math.abs(Number.parseInt(raw, 10) || 0);
  return {
    maxId: numericId(paramString(query, 'max_id')),
    sinceId: numericId(paramString(query, 'since_id')),
    minId: numericId(paramString(query, 'min_id')),
    limit: Math.min(parsed, defaultLimit * 2),
  };
}

/**
 * One page of `items`, newest first, as Mastodon's `to_a_paginated_by_id` cuts it: `max_id` and
 * `since_id` bound the ids and the newest `limit` come back; with `min_id` the `limit` oldest
 * above it come back, still newest first (docs.joinmastodon.org/api/guidelines/#pagination).
 */
export function paginate<T>(items: readonly T[], idOf: (item: T) => string, cursors: PageCursors): T[] {
  const { maxId, sinceId, minId, limit } = cursors;
  const inRange = items.filter((item) => {
    const id = idOf(item);
    if (maxId !== undefined && compareIds(id, maxId) >= 0) return false;
    if (sinceId !== undefined && compareIds(id, sinceId) <= 0) return false;
    if (minId !== undefined && compareIds(id, minId) <= 0) return false;
    return true;
  });
  const newestFirst = [...inRange].sort((a, b) => compareIds(idOf(b), idOf(a)));
  if (minId === undefined) return newestFirst.slice(0, limit);
  return newestFirst.slice(Math.max(0, newestFirst.length - limit));
}

/**
 * The `Link` header of a page: `<…max_id=oldest>; rel="next", <…min_id=newest>; rel="prev"`
 * (docs.joinmastodon.org/api/guidelines/#pagination). The links keep the request's other
 * parameters (`limit`, `types[]`) and, like Rails' `to_query`, list parameters sorted by name.
 * `undefined` when there is neither link (Mastodon then sends no `Link` header).
 */
export function linkHeader(
  endpoint: string,
  keep: readonly (readonly [string, string])[],
  next: string | undefined,
  prev: string | undefined,
): string | undefined {
  const links: string[] = [];
  if (next !== undefined) links.push(`<${withQuery(endpoint, [...keep, ['max_id', next]])}>; rel="next"`);
  if (prev !== undefined) links.push(`<${withQuery(endpoint, [...keep, ['min_id', prev]])}>; rel="prev"`);
  return links.length === 0 ? undefined : links.join(', ');
}

/** The request's own query pairs that Mastodon carries into its pagination links. */
export function keptQuery(url: URL, names: readonly string[]): [string, string][] {
  const kept: [string, string][] = [];
  url.searchParams.forEach((value, name) => {
    if (names.includes(name.replace(/\[\]$/, ''))) kept.push([name, value]);
  });
  return kept;
}

function withQuery(endpoint: string, pairs: readonly (readonly [string, string])[]): string {
  const query = pairs
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .sort()
    .join('&');
  return `${endpoint}?${query}`;
}

/** Mastodon ids are numeric strings; anything else cannot match a record. */
function numericId(value: string | undefined): string | undefined {
  return value !== undefined && /^\d+$/.test(value) ? value : undefined;
}
