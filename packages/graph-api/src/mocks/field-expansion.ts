import type { Identified } from '@smmkit/testkit/simulator-kit';
import { invalidParameter } from './errors.js';
import { edgePage } from './paging.js';
import { fieldsParameter, type RequestedField } from './params.js';

/**
 * Graph's refusal of a field the node does not have, for the first of `names` not in `allowed`:
 * code 100, `(#100) Tried accessing nonexisting field (name) on node type (Type)`, the node type
 * left out when not given (https://developers.facebook.com/docs/graph-api/guides/error-handling;
 * the wording every Graph developer has met), in that guide's error shape: `message`, `type`,
 * `code`, `fbtrace_id`, no `is_transient` (see `invalidParameter`). `undefined` when every name
 * is allowed.
 *
 * @example
 * ```ts
 * const refused = nonexistingField(fieldNames(params.get('fields')), USER_FIELDS, 'IGUser');
 * if (refused !== undefined) return refused;
 * ```
 */
export function nonexistingField(
  names: readonly string[],
  allowed: ReadonlySet<string>,
  nodeType?: string,
): Response | undefined {
  const unknown = names.find((name) => !allowed.has(name));
  if (unknown === undefined) return undefined;
  const on = nodeType === undefined ? '' : ` on node type (${nodeType})`;
  return invalidParameter(`Tried accessing nonexisting field (${unknown})${on}`);
}

/**
 * The value of an edge expanded inside `fields` (`business_discovery.username(x){media.limit(5).after(c){id}}`,
 * https://developers.facebook.com/docs/graph-api/overview, field expansion): one page of `items`
 * cut by {@link edgePage} from the edge's own `limit`, `after` and `before` modifiers, as
 * `{data, paging:{cursors, next?}}` (`{data: []}` when empty), where `next` repeats the request
 * with the edge's modifiers set to `.limit(size).after(cursor)` (ASSUMED: Meta's examples show
 * the cursors only). A bad limit or cursor is the 400 of {@link edgePage}.
 *
 * @param items - the edge's items, in id order
 * @param request - the request's URL and its `fields`, read with `requestedFields`
 * @param edge - the edge's field among `request.fields` (at any depth)
 * @param order - the edge's order, `newest` or `oldest` first
 * @param render - renders an item (usually picking the edge's sub-selection, `edge.fields`)
 * @returns the edge's value, or the refusal
 *
 * @example
 * ```ts
 * const media = expandedEdge(posts, { url, fields: requested }, mediaField, 'newest', (post) => pick(mediaJson(post), mediaField.fields));
 * if (media instanceof Response) return media;
 * ```
 */
export function expandedEdge<T extends Identified>(
  items: readonly T[],
  request: { readonly url: URL; readonly fields: readonly RequestedField[] },
  edge: RequestedField,
  order: 'newest' | 'oldest',
  render: (item: T) => Record<string, unknown>,
): Record<string, unknown> | Response {
  const modifier = (key: string) => edge.modifiers.find((item) => item.key === key)?.value;
  const window = { limit: modifier('limit'), after: modifier('after'), before: modifier('before') };
  const page = edgePage(items, window, order, render);
  if (page instanceof Response) return page;
  const cursors = page.body.paging?.cursors;
  if (cursors === undefined || !page.hasNext) return page.body;
  const modifiers = [
    { key: 'limit', value: String(page.size) },
    { key: 'after', value: cursors.after },
  ];
  const withCursor = (fields: readonly RequestedField[]): RequestedField[] =>
    fields.map((field) =>
      field === edge ? { ...field, modifiers } : { ...field, selection: withCursor(field.selection) },
    );
  const next = new URL(request.url);
  next.searchParams.set('fields', fieldsParameter(withCursor(request.fields)));
  return { ...page.body, paging: { cursors, next: next.toString() } };
}
