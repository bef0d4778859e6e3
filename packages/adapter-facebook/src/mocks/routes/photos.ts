import { boolParam, invalidParameter, unsupportedRequest } from '@smmkit/graph-api/mocks';
import { type FacebookContext, photoMimeType } from '../context.js';

/**
 * `POST /{v}/{page-id}/photos` with `url`, `message` and `published`
 * (https://developers.facebook.com/docs/graph-api/reference/page/photos/): published (the
 * default) it makes a post and answers `{id, post_id}`; with `published=false` it keeps an
 * upload to attach to a multi-photo post and answers `{id}`. Only the Page's own token may post.
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
  context.route('POST', '/:version/:pageId/photos', {}, ({ path, params, accountId, now }) => {
    const pageId = path.pageId ?? '';
    if (pageId !== accountId) return unsupportedRequest('POST', pageId);
    const url = params.get('url');
    if (url === undefined || !URL.canParse(url)) return invalidParameter('url should represent a valid URL');
    const photo = sim.addMedia({
      accountId: pageId,
      kind: 'image',
      mimeType: photoMimeType(url),
      sizeBytes: 0,
      altText: params.get('alt_text_custom'),
    });
    if (boolParam(params, 'published') === false) return Response.json({ id: photo.id });
    sim.media.delete(photo.id);
    const post = sim.addPost({
      id: `${pageId}_${photo.id}`,
      accountId: pageId,
      text: params.get('message') ?? params.get('caption') ?? '',
      media: [photo],
      createdAt: now,
    });
    return Response.json({ id: photo.id, post_id: post.id });
  });
}
