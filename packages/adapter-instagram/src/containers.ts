import type { Media, PublishContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { uploadToRupload } from '@smmkit/graph-api';
import { IdResponseSchema } from './schemas.js';

/** Container parameters (IGUser.json `POST media`; https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media). */
export type ContainerParams = Readonly<
  Record<string, string | number | boolean | readonly unknown[] | undefined>
>;

/** Where a container is made and where resumable uploads go. */
export interface ContainerTarget {
  /** The Graph API version, for the default upload URL. */
  readonly graphVersion: string;
  /** The adapter's configured Graph origin: an upload URL on it gets the token too (simulators, proxies). */
  readonly origin: string;
  /** The resumable-upload host's origin (`https://rupload.facebook.com`, or the `ruploadUrl` setting). */
  readonly ruploadOrigin: string;
}

/**
 * Creates one media container: `POST /{ig-user-id}/media` with a JSON body (Graph API parameters
 * may be a JSON body; https://developers.facebook.com/docs/graph-api/overview) → `{id}` (https://developers.facebook.com/docs/instagram-platform/content-publishing).
 *
 * A URL source becomes `image_url` or `video_url`. A video from bytes, a file or a stream is
 * uploaded: the container is made with `upload_type=resumable` → `{id, uri}`, then the bytes are
 * posted to `uri` (else `https://rupload.facebook.com/ig-api-upload/{version}/{id}`) with
 * `offset: 0` and `file_size` headers (https://developers.facebook.com/docs/instagram-platform/content-publishing, resumable
 * uploads). The whole file is sent in one request (`uploadToRupload` of `@smmkit/graph-api`), and
 * an answer that says the upload failed stops the publish.
 *
 * Containers are not posts: nothing is visible until `media_publish`, so a lost answer is
 * not ambiguous (`createsResource` is off) and a retried publish makes a new container.
 *
 * @param http - the adapter's HTTP client
 * @param target - the version and upload origin, for the upload URL, and the origins trusted with uploads
 * @param params - container parameters except the media source
 * @param media - the item to attach, or `undefined` for a carousel parent
 * @param mediaIndex - the item's index in `post.media`, for progress
 * @param context - the publish context
 * @returns the container id
 *
 * @example
 * ```ts
 * const id = await createInstagramContainer(http, { graphVersion: 'v26.0', origin: 'https://graph.facebook.com', ruploadOrigin: 'https://rupload.facebook.com' }, { caption: 'Hi' }, image, 0, ctx);
 * ```
 */
export async function createInstagramContainer(
  http: HttpClient,
  target: ContainerTarget,
  params: ContainerParams,
  media: Media | undefined,
  mediaIndex: number | undefined,
  context: PublishContext,
): Promise<string> {
  const upload = media !== undefined && media.source.type !== 'url';
  const source =
    media === undefined
      ? {}
      : media.source.type === 'url'
        ? media.kind === 'video'
          ? { video_url: media.source.url }
          : { image_url: media.source.url }
        : { upload_type: 'resumable' };
  const json = Object.fromEntries(
    Object.entries({ ...params, ...source }).filter(([, value]) => value !== undefined),
  );
  const { data } = await http.request({
    method: 'POST',
    path: `/${encodeURIComponent(context.account.accountId)}/media`,
    operation: 'create media container',
    json,
    schema: IdResponseSchema,
    context,
  });
  if (upload && media !== undefined) {
    const uri = data.uri ?? `${target.ruploadOrigin}/ig-api-upload/${target.graphVersion}/${data.id}`;
    await uploadToRupload(
      http,
      {
        url: uri,
        operation: 'upload video',
        media,
        mediaIndex,
        trustedOrigins: [target.origin, target.ruploadOrigin],
      },
      context,
    );
  }
  return data.id;
}
