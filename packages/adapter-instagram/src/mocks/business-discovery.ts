import {
  edgePage,
  fieldsParameter,
  type GraphRequest,
  graphError,
  invalidParameter,
  pick,
  type RequestedField,
} from '@smmkit/graph-api/mocks';
import type { InstagramContext } from './context.js';
import { isMedia, mediaJson, userJson } from './entities.js';

/**
 * The IG User fields business discovery returns on the targeted account: its public fields and
 * the `media` edge (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user,
 * "Public fields can be returned by an edge using field expansion"). Any other is a 100 (wording ASSUMED).
 */
const USER_FIELDS: ReadonlySet<string> = new Set([
  'biography',
  'followers_count',
  'follows_count',
  'id',
  'media',
  'media_count',
  'name',
  'profile_picture_url',
  'username',
  'website',
]);

/** The public IG Media fields of the targeted account's media (IG Media reference); any other is a 100 (ASSUMED). */
const MEDIA_FIELDS: ReadonlySet<string> = new Set([
  'caption',
  'children',
  'comments_count',
  'id',
  'like_count',
  'media_product_type',
  'media_type',
  'media_url',
  'permalink',
  'timestamp',
  'username',
]);

/** The first field of `fields` that is not in `allowed`, as Graph's refusal; `undefined` when all are. */
function unknownField(fields: readonly RequestedField[], allowed: ReadonlySet<string>): Response | undefined {
  const unknown = fields.find((field) => !allowed.has(field.name));
  return unknown === undefined
    ? undefined
    : invalidParameter(`Tried accessing nonexisting field (${unknown.name}) on node type (IGUser)`);
}

/**
 * The `business_discovery.username({username}){…}` field of the token's own IG User
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/business_discovery):
 * the targeted professional account's public fields and, with `media{…}`, a page of its media,
 * newest first, `media.limit(n)` at a time (default 25, at most 100, ASSUMED as for other edges),
 * `media.after(cursor)` / `media.before(cursor)` to move on, with `paging.cursors` and a `next`
 * link that repeats the request with `media.after` set (ASSUMED: Meta's examples show only the
 * cursors). Only for Facebook Login ("Available for the Instagram API with Facebook Login"); on
 * `graph.instagram.com` the field does not exist (wording ASSUMED).
 *
 * A username no professional account has — a personal account (a fan), or nobody — is HTTP 400
 * with code 110, subcode 2207013, "Invalid user id", the user title "Cannot find User" (as
 * developers report it; the error-codes page does not list it).
 *
 * @param context - the simulator's state
 * @param request - the request, for its URL and time
 * @param requested - the request's `fields`, read (`requestedFields`)
 * @param field - the `business_discovery` field among them
 * @returns the field's value, or the refusal
 *
 * @example
 * ```ts
 * const value = businessDiscovery(context, request, requested, field);
 * if (value instanceof Response) return value;
 * ```
 */
export function businessDiscovery(
  context: InstagramContext,
  request: GraphRequest,
  requested: readonly RequestedField[],
  field: RequestedField,
): Record<string, unknown> | Response {
  const { sim } = context;
  if (new URL(sim.baseUrl).hostname === 'graph.instagram.com')
    return invalidParameter('Tried accessing nonexisting field (business_discovery) on node type (User)');
  const username = field.modifiers.find((modifier) => modifier.key === 'username')?.value;
  if (username === undefined || username === '')
    return invalidParameter('business_discovery requires a username: business_discovery.username(…)');
  const target = sim.accountByHandle(username);
  if (target === undefined || !context.professional.has(target.id))
    return graphError({
      message: 'Invalid user id',
      code: 110,
      subcode: 2207013,
      userTitle: 'Cannot find User',
      userMsg: `The user with username: ${username} cannot be found.`,
      isTransient: false,
    });
  const refused = unknownField(field.selection, USER_FIELDS);
  if (refused !== undefined) return refused;
  const names = field.fields.filter((name) => name !== 'media');
  const value: Record<string, unknown> = pick(userJson(context, target), names);
  const mediaField = field.selection.find((item) => item.name === 'media');
  if (mediaField === undefined) return value;
  const mediaRefused = unknownField(mediaField.selection, MEDIA_FIELDS);
  if (mediaRefused !== undefined) return mediaRefused;
  const modifier = (key: string) => mediaField.modifiers.find((item) => item.key === key)?.value;
  const media = sim.posts.filter((post) => post.accountId === target.id && isMedia(post));
  const page = edgePage(
    media,
    { limit: modifier('limit'), after: modifier('after'), before: modifier('before') },
    'newest',
    (post) => pick(mediaJson(context, post, request.now), mediaField.fields),
  );
  if (page instanceof Response) return page;
  const cursors = page.body.paging?.cursors;
  const next =
    cursors === undefined || !page.hasNext
      ? undefined
      : nextLink(request.url, requested, mediaField, page.size, cursors.after);
  return {
    ...value,
    media:
      cursors === undefined ? page.body : { ...page.body, paging: { cursors, ...(next ? { next } : {}) } },
  };
}

/** The request's URL with the media edge's modifiers set to `limit(size).after(cursor)`. */
function nextLink(
  requestUrl: URL,
  requested: readonly RequestedField[],
  media: RequestedField,
  size: number,
  after: string,
): string {
  const withCursor = (fields: readonly RequestedField[]): RequestedField[] =>
    fields.map((field) =>
      field === media
        ? {
            ...field,
            modifiers: [
              { key: 'limit', value: String(size) },
              { key: 'after', value: after },
            ],
          }
        : { ...field, selection: withCursor(field.selection) },
    );
  const url = new URL(requestUrl);
  url.searchParams.set('fields', fieldsParameter(withCursor(requested)));
  return url.toString();
}
