import {
  fieldNames,
  type GraphParams,
  graphPage,
  graphTime,
  invalidParameter,
  listParam,
  pick,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import type { SimulatedMedia } from '@smmkit/testkit';
import {
  type FacebookContext,
  isUserToken,
  needsPageToken,
  PUBLISHING_PERMISSIONS,
  PUBLISHING_TASKS,
  requireUserGrants,
  unpublishedPhoto,
} from '../context.js';
import { publicationFields, readPublication } from '../publication.js';

/**
 * `POST /{v}/{page-id}/feed` with `message`, `link` and `attached_media: [{media_fbid}]` →
 * `{id: "{page-id}_{post-id}"}` (https://developers.facebook.com/docs/pages-api/posts). Only the
 * Page's own token may post to it: a user token is refused with Meta's permission error (see
 * `needsPageToken`), another Page's token is an unsupported request, a token whose user has not
 * granted `PUBLISHING_PERMISSIONS` a permission error; `message` or `link` or
 * attached photos are required; each attached photo must be one of the Page's unpublished
 * uploads, and is used up. With
 * `published=false` and `scheduled_publish_time` (10 minutes to 30 days ahead, else Graph's
 * "(#100) The specified scheduled publish time is invalid.") the post is stored as scheduled: it
 * is created at its time, so the Page's feed (`GET /{page-id}/posts`) leaves it out until the
 * simulator's clock gets there, and `GET /{v}/{page-id}/scheduled_posts` lists it until then,
 * with `created_time` the time it was scheduled
 * (https://developers.facebook.com/docs/graph-api/reference/page/scheduled_posts/).
 *
 * @param context - the simulator's state and route registrar
 *
 * @example
 * ```ts
 * registerFeedRoutes(context);
 * ```
 */
export function registerFeedRoutes(context: FacebookContext): void {
  const { sim } = context;
  context.route('POST', '/:version/:pageId/feed', {}, ({ path, params, accountId, token, now }) => {
    const pageId = path.pageId ?? '';
    if (pageId !== accountId)
      return isUserToken(context, accountId) ? needsPageToken() : unsupportedRequest('POST', pageId);
    requireUserGrants(context, token, PUBLISHING_PERMISSIONS, PUBLISHING_TASKS);
    const message = params.get('message') ?? '';
    const link = params.get('link');
    const attached: SimulatedMedia[] = [];
    for (const entry of attachedMedia(params)) {
      const id = readMediaFbid(entry);
      const photo = id === undefined ? undefined : unpublishedPhoto(context, id, pageId);
      if (photo === undefined)
        return invalidParameter(`attached_media: ${entry} is not a photo of this Page`);
      attached.push(photo);
    }
    if (message === '' && link === undefined && attached.length === 0)
      return invalidParameter('Your post must have a message, a link or attached media');
    const publication = readPublication(params.get('published'), params.get('scheduled_publish_time'), now);
    const { createdAt, extra } = publicationFields(publication, now);
    for (const photo of attached) sim.media.delete(photo.id);
    const post = sim.addPost({
      id: `${pageId}_${sim.nextId()}`,
      accountId: pageId,
      text: message,
      media: attached,
      createdAt,
      extra: link === undefined ? extra : { ...extra, link },
    });
    return Response.json({ id: post.id });
  });
  context.route('GET', '/:version/:pageId/scheduled_posts', {}, ({ path, params, url, accountId, now }) => {
    const pageId = path.pageId ?? '';
    if (pageId !== accountId) return unsupportedRequest('GET', pageId);
    const fields = fieldNames(params.get('fields') ?? 'id,message,scheduled_publish_time');
    // When it was scheduled: the request's time (a video's, when its upload finished).
    const createdTime = (extra: Readonly<Record<string, unknown>>): string | undefined => {
      const at = extra.scheduledOn ?? extra.finishedAt;
      return typeof at === 'number' ? graphTime(at) : undefined;
    };
    const scheduled = sim.posts
      .filter((post) => post.accountId === pageId && post.inReplyToId === undefined)
      .filter((post) => typeof post.extra.scheduledAt === 'number' && post.extra.scheduledAt > now);
    // Paged as every Graph edge (`limit` default 25, at most 100, cursors, `next`); the soonest
    // to go out first (ASSUMED: the reference does not give the order).
    return graphPage(scheduled, { params, url }, { by: (a, b) => a.createdAt - b.createdAt }, (post) =>
      pick(
        {
          id: post.id,
          ...(post.text === '' ? {} : { message: post.text }),
          created_time: createdTime(post.extra),
          scheduled_publish_time: Math.floor(post.createdAt / 1000),
          is_published: false,
        },
        fields,
      ),
    );
  });
}

/**
 * The entries of `attached_media`: a JSON array of `{media_fbid}` objects (JSON body or one
 * form/query value), or a comma list of ids or JSON objects.
 */
function attachedMedia(params: GraphParams): string[] {
  const raw = params.get('attached_media')?.trim() ?? '';
  if (raw.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed))
        return parsed.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
    } catch {
      // not JSON after all: read it as a comma list
    }
  }
  return listParam(params, 'attached_media');
}

/** `media_fbid` of one `attached_media` entry, sent as JSON (`{"media_fbid":"…"}`) or as the id alone. */
function readMediaFbid(entry: string): string | undefined {
  if (!entry.trim().startsWith('{')) return entry.trim() || undefined;
  try {
    const parsed: unknown = JSON.parse(entry);
    if (typeof parsed === 'object' && parsed !== null && 'media_fbid' in parsed)
      return String(parsed.media_fbid);
  } catch {
    // not JSON: no id
  }
  return undefined;
}
