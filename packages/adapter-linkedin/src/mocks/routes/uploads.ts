import { bearerToken } from '@smmkit/testkit/simulator-kit';
import type { LinkedInSimContext, UploadSession } from '../context.js';
import { linkedInDialect } from '../dialect.js';
import { badRequest, notFound } from '../errors.js';

const MEGABYTE = 1024 * 1024;

/** Largest upload per collection: the third-party figures the adapter declares too (5 MB, 100 MB). */
const MAX_BYTES: Readonly<Record<'images' | 'documents', number>> = {
  images: 5 * MEGABYTE,
  documents: 100 * MEGABYTE,
};

/**
 * Declares the upload URLs on www.linkedin.com (`/dms-uploader/…`): a PUT of the bytes with the
 * member's Bearer token, as the upload examples send it
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api).
 * An image or document is stored once its bytes arrive and processes for `mediaProcessingMs`;
 * a video part must be exactly its `firstByte`..`lastByte` and is answered with an `ETag`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api).
 * Tokens are those of the api.linkedin.com simulator.
 */
export function registerUploadRoutes(context: LinkedInSimContext): void {
  const { sim, www } = context;
  www.route('PUT', '/dms-uploader/upload/:uploadId/:part', { auth: false }, async ({ request, params }) => {
    const check = sim.tokens.check(bearerToken(request));
    if (check.status !== 'valid') return linkedInDialect.unauthorized(check.status);
    const session = context.uploads.get(String(params.uploadId));
    if (session === undefined || session.memberId !== check.accountId) return notFound('upload');
    const bytes = (await request.arrayBuffer()).byteLength;
    const part = Number(params.part);
    if (session.collection === 'videos') return receiveVideoPart(context, session, part, bytes);

    const collection = session.collection;
    if (bytes === 0) return badRequest('/', 'the upload is empty');
    if (bytes > MAX_BYTES[collection])
      return badRequest('/', `the file is larger than ${MAX_BYTES[collection]} bytes`);
    const mimeType =
      (request.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]?.trim() ?? '';
    context.uploads.delete(String(params.uploadId));
    sim.addMedia({
      id: session.urn,
      accountId: session.owner,
      kind: collection === 'documents' ? 'document' : mimeType === 'image/gif' ? 'gif' : 'image',
      mimeType,
      sizeBytes: bytes,
      processingMs: context.mediaProcessingMs,
    });
    return new Response(null, { status: 201 });
  });
}

function receiveVideoPart(
  context: LinkedInSimContext,
  session: UploadSession,
  part: number,
  bytes: number,
): Response {
  const range = session.parts[part];
  if (range === undefined) return notFound('upload part');
  if (bytes !== range[1] - range[0] + 1)
    return badRequest(
      '/',
      `part ${part} must be bytes ${range[0]}-${range[1]} (${range[1] - range[0] + 1} bytes), got ${bytes}`,
    );
  const etag = `/ambry-video/part-${part}-${context.sim.nextId()}`;
  session.etags.set(part, etag);
  return new Response(null, { status: 200, headers: { etag } });
}
