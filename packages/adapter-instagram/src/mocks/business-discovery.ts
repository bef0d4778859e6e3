import {
  expandedEdge,
  type GraphRequest,
  graphError,
  invalidParameter,
  nonexistingField,
  pick,
  type RequestedField,
} from '@smmkit/graph-api/mocks';
import type { InstagramContext } from './context.js';
import { isMedia, mediaJson, PUBLIC_MEDIA_FIELDS, userJson } from './entities.js';

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
 * @returns the field's value
 * @throws the refusal (a `Response`; only inside a Graph route, which answers it)
 *
 * @example
 * ```ts
 * const value = businessDiscovery(context, request, requested, field);
 * ```
 */
export function businessDiscovery(
  context: InstagramContext,
  request: GraphRequest,
  requested: readonly RequestedField[],
  field: RequestedField,
): Record<string, unknown> {
  const { sim } = context;
  if (context.instagramLogin)
    throw invalidParameter('Tried accessing nonexisting field (business_discovery) on node type (User)');
  const username = field.modifiers.find((modifier) => modifier.key === 'username')?.value;
  if (username === undefined || username === '')
    throw invalidParameter('business_discovery requires a username: business_discovery.username(…)');
  const target = sim.accountByHandle(username);
  if (target === undefined || !context.professional.has(target.id))
    throw graphError({
      message: 'Invalid user id',
      code: 110,
      subcode: 2207013,
      userTitle: 'Cannot find User',
      userMsg: `The user with username: ${username} cannot be found.`,
      isTransient: false,
    });
  const mediaField = field.selection.find((item) => item.name === 'media');
  const refused =
    nonexistingField(field.fields, USER_FIELDS, 'IGUser') ??
    nonexistingField(mediaField?.fields ?? [], PUBLIC_MEDIA_FIELDS, 'IGUser');
  if (refused !== undefined) throw refused;
  const value = pick(
    userJson(context, target),
    field.fields.filter((name) => name !== 'media'),
  );
  if (mediaField === undefined) return value;
  const media = expandedEdge(
    sim.posts.filter((post) => post.accountId === target.id && isMedia(post)),
    { url: request.url, fields: requested },
    mediaField,
    'newest',
    (post) => pick(mediaJson(context, post, request.now), mediaField.fields),
  );
  if (media instanceof Response) throw media;
  return { ...value, media };
}
