import type { PlatformSimulator } from '@smmkit/testkit';
import { headerOrQueryToken } from './dialect.js';

/** How far the bytes of one upload to `rupload.facebook.com` have come. */
export interface RuploadProgress {
  /** Bytes received so far: the `offset` the next chunk must give. */
  received: number;
  /** The `file_size` header of the upload; `undefined` until its first chunk. */
  fileSize: number | undefined;
}

/** What an upload is for (a container, a reel): what the platform keeps about it. */
export interface RuploadTarget {
  /** Its bytes' progress; without it, it takes no bytes. */
  readonly upload?: RuploadProgress | undefined;
}

/** What {@link registerRupload} needs from the platform's simulator. */
export interface RuploadOptions<Target extends RuploadTarget> {
  /** The route paths on the upload host (their names are the routes' names in the log and for faults). */
  readonly paths: readonly string[];
  /** The path parameter that holds the upload's id (`videoId` for `/video-upload/:version/:videoId`). */
  readonly idParam: string;
  /** The Graph simulator whose tokens the upload host accepts and whose clock it reads. */
  readonly graph: PlatformSimulator;
  /**
   * What upload `id` of `accountId` is for (a container, a reel), or `undefined` when there is
   * none; one without `upload` takes no bytes. Either is answered as failed processing.
   */
  find(id: string, accountId: string): Target | undefined;
  /** The upload was given as a hosted file (a `file_url` header) instead of bytes. */
  hosted(target: Target, fileUrl: string): void;
  /** After a hosted file or a chunk arrived (`now` by the Graph clock); default nothing. */
  arrived?(target: Target, now: number): void;
  /** The body of a successful answer. */
  readonly success: Readonly<Record<string, unknown>>;
}

/**
 * rupload's error body. ASSUMED: `rupload.facebook.com` answers `{"debug_info":{"retriable",
 * "type","message"}}` rather than the Graph error body.
 */
function ruploadError(status: number, type: string, message: string): Response {
  return Response.json({ debug_info: { retriable: false, type, message } }, { status });
}

/**
 * The upload host's side of Meta's resumable uploads, as Instagram's video containers
 * (https://developers.facebook.com/docs/instagram-platform/content-publishing/resumable-uploads)
 * and Facebook's reels (https://developers.facebook.com/docs/video-api/guides/reels-publishing)
 * use it: `POST {path}` with `Authorization: OAuth <token>` and either a `file_url` header (a
 * hosted file) or the bytes as the body with `offset` (the bytes received so far) and `file_size`
 * headers. A bad token is a 401 `AuthError`; an upload that is not the caller's a 400
 * `ProcessingFailedError`; a missing `file_size` a 400 `BadRequestError`; an `offset` other than
 * the bytes received so far a 400 `ProcessingFailedError` (ASSUMED wordings).
 *
 * @param rupload - the upload host's simulator
 * @param options - paths, the Graph simulator, how to find what an upload is for and what its
 *   platform does with a hosted file and arrived bytes, and the success body
 *
 * @example
 * ```ts
 * registerRupload(ruploadHost, {
 *   paths: ['/video-upload/:version/:videoId'],
 *   idParam: 'videoId',
 *   graph: sim,
 *   find: (id, pageId) => (sessions.get(id)?.pageId === pageId ? sessions.get(id) : undefined),
 *   hosted: (session) => {
 *     session.hosted = true;
 *   },
 *   success: { success: true },
 * });
 * ```
 */
export function registerRupload<Target extends RuploadTarget>(
  rupload: PlatformSimulator,
  options: RuploadOptions<Target>,
): void {
  const { graph } = options;
  for (const path of options.paths) {
    rupload.route('POST', path, { auth: false }, async ({ request, url, params }) => {
      const check = graph.tokens.check(headerOrQueryToken(request, url));
      if (check.status !== 'valid') return ruploadError(401, 'AuthError', 'Invalid OAuth access token.');
      const target = options.find(String(params[options.idParam]), check.accountId);
      const upload = target?.upload;
      if (target === undefined || upload === undefined)
        return ruploadError(400, 'ProcessingFailedError', 'Request processing failed');
      const fileUrl = request.headers.get('file_url');
      if (fileUrl !== null) {
        options.hosted(target, fileUrl);
      } else {
        const fileSize = Number(request.headers.get('file_size') ?? Number.NaN);
        if (!Number.isInteger(fileSize) || fileSize <= 0)
          return ruploadError(400, 'BadRequestError', 'file_size header is required');
        const offset = Number(request.headers.get('offset') ?? '0');
        if (offset !== upload.received)
          return ruploadError(
            400,
            'ProcessingFailedError',
            `Offset ${offset} does not match ${upload.received}`,
          );
        upload.received += (await request.arrayBuffer()).byteLength;
        upload.fileSize = fileSize;
      }
      options.arrived?.(target, graph.clock.now());
      return Response.json(options.success);
    });
  }
}
