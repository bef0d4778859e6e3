import { graphError, invalidParameter, unsupportedRequest } from '@smmkit/graph-api/mocks';
import { type FacebookContext, photoMimeType } from '../context.js';
import { publicationFields, readPublication } from '../publication.js';

/**
 * `POST /{v}/{page-id}/photos` with `url` or a multipart `source`, `message` and `published`
 * (https://developers.facebook.com/docs/graph-api/reference/page/photos/): published (the
 * default) it makes a post and answers `{id, post_id}`; with `published=false` it keeps an
 * upload to attach to a multi-photo post and answers `{id}`; with `published=false` and
 * `scheduled_publish_time` (10 minutes to 30 days ahead) it makes a scheduled post, created at
 * its time, and answers `{id, post_id}`. Only the Page's own token may post. Neither `url` nor a
 * multipart body is Graph's "(#324) Requires upload file". The Graph simulator base reads no file
 * parts, so a multipart upload is taken as the `source` part and stored as a JPEG of unknown size
 * (what the adapter sent is in `sim.log`, file parts summarised with their type and size).
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
  context.route('POST', '/:version/:pageId/photos', {}, ({ request, path, params, accountId, now }) => {
    const pageId = path.pageId ?? '';
    if (pageId !== accountId) return unsupportedRequest('POST', pageId);
    const url = params.get('url');
    const multipart = request.headers.get('content-type')?.startsWith('multipart/form-data') === true;
    if (url !== undefined && !URL.canParse(url)) return invalidParameter('url should represent a valid URL');
    if (url === undefined && !multipart)
      return graphError({ message: '(#324) Requires upload file', code: 324 });
    const publication = readPublication(params.get('published'), params.get('scheduled_publish_time'), now);
    if (publication instanceof Response) return publication;
    const photo = sim.addMedia({
      accountId: pageId,
      kind: 'image',
      mimeType: url === undefined ? 'image/jpeg' : photoMimeType(url),
      sizeBytes: 0,
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
