import { tiktokError } from '../answers.js';
import type { TikTokSimContext } from '../context.js';
import { mediaArrived } from '../publications.js';

const RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;

/**
 * `PUT /video/?upload_id&upload_token` on the upload host: one chunk of a `FILE_UPLOAD`, as the
 * media transfer guide describes it
 * (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide): in order, with a
 * video `Content-Type` and `Content-Range: bytes {first}-{last}/{total}` matching the declared
 * chunks (every chunk `chunk_size` bytes, the last one to the end of the file), within an hour
 * of the init. 206 while chunks are missing, 201 for the last; the publish then starts
 * processing. A chunk lost on purpose (`loseNextChunk`) is answered 206 and awaited again. The
 * URL is signed, so no token is needed. Refusals have the guide's statuses ("Response"): 400 for
 * a malformed header or a body that is not the bytes its range names, 403 once the URL has
 * expired, 404 when there is no upload task at the URL (unknown, finished or cancelled), 416 for
 * a `Content-Range` that is not where the upload stands. ASSUMED: the bodies are TikTok's error
 * envelope (`invalid_file_upload`, `invalid_params` for the 404), worded by the simulator; the
 * guide gives none.
 */
export function registerUploadRoute(context: TikTokSimContext): void {
  context.upload.route('PUT', '/video/', { auth: false }, async ({ request, url, now }) => {
    const refuse = (message: string, status = 400) =>
      tiktokError(status, 'invalid_file_upload', message, context.logIds.next());
    const noTask = (message: string) => tiktokError(404, 'invalid_params', message, context.logIds.next());
    const publication = context.publications.get(url.searchParams.get('upload_id') ?? '');
    const upload = publication?.upload;
    if (
      publication === undefined ||
      upload === undefined ||
      url.searchParams.get('upload_token') !== upload.token
    )
      return noTask('The upload URL is not valid.');
    if (now > upload.expiresAt) return refuse('The upload URL has expired (it is valid for one hour).', 403);
    if (publication.mediaAt !== undefined || publication.cancelled)
      return noTask('The upload is already complete or was cancelled.');
    const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!upload.mimeTypes.includes(type))
      return refuse(`Content-Type must be one of ${upload.mimeTypes.join(', ')}.`);
    const range = RANGE.exec(request.headers.get('content-range') ?? '');
    if (range === null) return refuse('Content-Range must be "bytes {first}-{last}/{total}".');
    const [first, last, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    const index = upload.receivedChunks;
    const isLast = index === upload.totalChunkCount - 1;
    const expectedLast = isLast ? upload.videoSize - 1 : (index + 1) * upload.chunkSize - 1;
    if (total !== upload.videoSize || first !== upload.receivedBytes || last !== expectedLast)
      return refuse(
        `Chunk ${index + 1} of ${upload.totalChunkCount} must be bytes ${upload.receivedBytes}-${expectedLast}/${upload.videoSize}, in order.`,
        416,
      );
    const bytes = new Uint8Array(await request.arrayBuffer());
    const declared = request.headers.get('content-length');
    if (bytes.byteLength !== last - first + 1 || (declared !== null && Number(declared) !== bytes.byteLength))
      return refuse('The chunk does not hold the bytes its Content-Range names.');
    // A lost chunk (`loseNextChunk`) is answered as TikTok answers while bytes are missing.
    if (context.chunksToLose.shift() !== undefined) return new Response(null, { status: 206 });
    upload.receivedBytes += bytes.byteLength;
    upload.receivedChunks += 1;
    if (!isLast) return new Response(null, { status: 206 });
    mediaArrived(context, publication, now);
    return new Response(null, { status: 201 });
  });
}
