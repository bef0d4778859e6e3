import { type GraphParams, invalidParameter, listParam, unsupportedRequest } from '@smmkit/graph-api/mocks';
import type { SimulatedMedia } from '@smmkit/testkit';
import { type FacebookContext, unpublishedPhoto } from '../context.js';

/**
 * `POST /{v}/{page-id}/feed` with `message`, `link` and `attached_media: [{media_fbid}]` →
 * `{id: "{page-id}_{post-id}"}` (https://developers.facebook.com/docs/pages-api/posts). Only the
 * Page's own token may post to it; `message` or `link` or attached photos are required; each
 * attached photo must be one of the Page's unpublished uploads, and is used up.
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
  context.route('POST', '/:version/:pageId/feed', {}, ({ path, params, accountId, now }) => {
    const pageId = path.pageId ?? '';
    if (pageId !== accountId) return unsupportedRequest('POST', pageId);
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
    for (const photo of attached) sim.media.delete(photo.id);
    const post = sim.addPost({
      id: `${pageId}_${sim.nextId()}`,
      accountId: pageId,
      text: message,
      media: attached,
      createdAt: now,
      extra: link === undefined ? {} : { link },
    });
    return Response.json({ id: post.id });
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
