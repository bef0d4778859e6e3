import { graphError, invalidParameter, unsupportedRequest } from '@smmkit/graph-api/mocks';
import {
  type FacebookContext,
  isUserToken,
  needsPageToken,
  PUBLISHING_PERMISSIONS,
  PUBLISHING_TASKS,
  photoMimeType,
  requireUserGrants,
} from '../context.js';
import { publicationFields, readPublication } from '../publication.js';

/**
 * `POST /{v}/{page-id}/photos` with `url` or a multipart `source`, `message` and `published`
 * (https://developers.facebook.com/docs/graph-api/reference/page/photos/): published (the
 * default) it makes a post and answers `{id, post_id}`; with `published=false` it keeps an
 * upload to attach to a multi-photo post and answers `{id}`; with `published=false` and
 * `scheduled_publish_time` (10 minutes to 30 days ahead) it makes a scheduled post, created at
 * its time, and answers `{id, post_id}`. Only the Page's own token may post (a user token gets
 * Meta's permission error, `needsPageToken`), with `PUBLISHING_PERMISSIONS` granted. Neither `url` nor a
 * multipart `source` file is Graph's "(#324) Requires upload file". An uploaded photo is stored
 * with the size and type of the `source` part as received (JPEG when the part has no type).
 *
 * @param context - the simulator's state and route registrar
 *
 * @example
 * ```ts
 * registerPhotoRoutes(context);
 * ```
 */
export function registerPhotoRoutes(context: FacebookContext): void {
  const { sim } = context;
  context.route('POST', '/:version/:pageId/photos', {}, ({ path, params, accountId, token, now }) => {
    const pageId = path.pageId ?? '';
    if (pageId !== accountId)
      return isUserToken(context, accountId) ? needsPageToken() : unsupportedRequest('POST', pageId);
    requireUserGrants(context, token, PUBLISHING_PERMISSIONS, PUBLISHING_TASKS);
    const url = params.get('url');
    const source = url === undefined ? params.file('source') : undefined;
    if (url !== undefined && !URL.canParse(url)) return invalidParameter('url should represent a valid URL');
    if (url === undefined && source === undefined)
      return graphError({ message: '(#324) Requires upload file', code: 324 });
    const publication = readPublication(params.get('published'), params.get('scheduled_publish_time'), now);
    const photo = sim.addMedia({
      accountId: pageId,
      kind: 'image',
      mimeType: url === undefined ? source?.type || 'image/jpeg' : photoMimeType(url),
      sizeBytes: source?.size ?? 0,
      altText: params.get('alt_text_custom'),
    });
    if (publication.unpublished && publication.scheduledAt === undefined)
      return Response.json({ id: photo.id });
    sim.media.delete(photo.id);
    const { createdAt, extra } = publicationFields(publication, now);
    const post = sim.addPost({
      id: `${pageId}_${photo.id}`,
      accountId: pageId,
      text: params.get('message') ?? params.get('caption') ?? '',
      media: [photo],
      createdAt,
      extra,
    });
    return Response.json({ id: photo.id, post_id: post.id });
  });
}
