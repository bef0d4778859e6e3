import { headerOrQueryToken } from '@smmkit/graph-api/mocks';
import type { PlatformSimulator } from '@smmkit/testkit';
import type { InstagramContext } from '../context.js';
import { PUBLISHING_ERRORS } from '../publishing-errors.js';

/**
 * rupload's error body. ASSUMED: rupload.facebook.com answers `{"debug_info":{"retriable",
 * "type","message"}}` rather than the Graph error body.
 */
function ruploadError(status: number, type: string, message: string): Response {
  return Response.json({ debug_info: { retriable: false, type, message } }, { status });
}

/**
 * The resumable upload of a video container (`upload_type=resumable` → `{id, uri}`;
 * https://developers.facebook.com/docs/instagram-platform/content-publishing/resumable-uploads):
 * `POST {uri}` on rupload.facebook.com with
 * `Authorization: OAuth <token>`, `offset` and `file_size` headers and the bytes as the body — or
 * a `file_url` header for hosted video. When every byte has arrived the container starts
 * processing (`containerProcessingMs`). Answers `{"success":true,"message":"Upload successful."}`
 * (ASSUMED wording). Both `/ig-api-upload/{v}/{id}` (the `uri` the simulator hands out) and
 * `/ig-api-upload/{id}` (the guide's) are accepted.
 *
 * @example
 * ```ts
 * registerRuploadRoutes(context, ruploadSim);
 * ```
 */
export function registerRuploadRoutes(context: InstagramContext, rupload: PlatformSimulator): void {
  for (const path of ['/ig-api-upload/:version/:containerId', '/ig-api-upload/:containerId']) {
    rupload.route('POST', path, { auth: false }, async ({ request, url, params }) => {
      const now = context.sim.clock.now();
      const check = context.sim.tokens.check(headerOrQueryToken(request, url));
      if (check.status !== 'valid') return ruploadError(401, 'AuthError', 'Invalid OAuth access token.');
      const container = context.containers.get(String(params.containerId));
      if (
        container === undefined ||
        container.accountId !== check.accountId ||
        container.upload === undefined
      )
        return ruploadError(400, 'ProcessingFailedError', 'Request processing failed');
      const fileUrl = request.headers.get('file_url');
      if (fileUrl !== null) {
        container.upload.received = 1;
        container.upload.fileSize = 1;
        if (fileUrl.includes('unreachable')) container.failure = PUBLISHING_ERRORS.fetchFailed;
      } else {
        const offset = Number(request.headers.get('offset') ?? '0');
        const fileSize = Number(request.headers.get('file_size') ?? Number.NaN);
        if (!Number.isInteger(fileSize) || fileSize <= 0)
          return ruploadError(400, 'BadRequestError', 'file_size header is required');
        if (offset !== container.upload.received)
          return ruploadError(
            400,
            'ProcessingFailedError',
            `Offset ${offset} does not match ${container.upload.received}`,
          );
        const bytes = (await request.arrayBuffer()).byteLength;
        container.upload.received += bytes;
        container.upload.fileSize = fileSize;
      }
      const { received, fileSize } = container.upload;
      if (fileSize !== undefined && received >= fileSize && container.readyAt === undefined)
        container.readyAt = now + context.containerProcessingMs;
      return Response.json({ success: true, message: 'Upload successful.' });
    });
  }
}
