import { registerRupload } from '@smmkit/graph-api/mocks';
import type { PlatformSimulator } from '@smmkit/testkit';
import type { InstagramContext } from '../context.js';
import { PUBLISHING_ERRORS } from '../publishing-errors.js';

/**
 * The resumable upload of a video container (`upload_type=resumable` → `{id, uri}`;
 * https://developers.facebook.com/docs/instagram-platform/content-publishing/resumable-uploads),
 * on graph-api's rupload host (`registerRupload`): the bytes, or a `file_url` header for hosted
 * video (one whose URL says `unreachable` fails processing as a video URL Meta cannot fetch).
 * When every byte has arrived the container starts processing (`containerProcessingMs`). Answers
 * `{"success":true,"message":"Upload successful."}` (ASSUMED wording). Both
 * `/ig-api-upload/{v}/{id}` (the `uri` the simulator hands out) and `/ig-api-upload/{id}` (the
 * guide's) are accepted.
 *
 * @example
 * ```ts
 * registerRuploadRoutes(context, ruploadSim);
 * ```
 */
export function registerRuploadRoutes(context: InstagramContext, rupload: PlatformSimulator): void {
  registerRupload(rupload, {
    paths: ['/ig-api-upload/:version/:containerId', '/ig-api-upload/:containerId'],
    idParam: 'containerId',
    graph: context.sim,
    find: (id, accountId) => {
      const container = context.containers.get(id);
      return container?.accountId === accountId ? container : undefined;
    },
    hosted: (container, fileUrl) => {
      container.upload = { received: 1, fileSize: 1 };
      if (fileUrl.includes('unreachable')) container.failure = PUBLISHING_ERRORS.fetchFailed;
    },
    arrived: (container, now) => {
      const { upload } = container;
      if (upload?.fileSize !== undefined && upload.received >= upload.fileSize)
        container.readyAt ??= now + context.containerProcessingMs;
    },
    success: { success: true, message: 'Upload successful.' },
  });
}
