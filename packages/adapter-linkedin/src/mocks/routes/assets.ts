import type { RouteContext } from '@smmkit/testkit/simulator-kit';
import { type LinkedInSimContext, mayActAs, pathKey, type UploadSession } from '../context.js';
import { accessDenied, badRequest, notFound, roleForbiddenField, videoForbidden } from '../errors.js';
import { readJsonObject } from '../json-body.js';
import { restRoute } from '../rest-route.js';
import { isOrganization, mayWriteAs } from './posts.js';

/** Where each collection's initialize answer puts the asset URN. */
const URN_FIELD = { images: 'image', videos: 'video', documents: 'document' } as const;

/** Declares the Images, Videos and Documents APIs: initialize, finalize (videos) and status. */
export function registerAssetRoutes(context: LinkedInSimContext): void {
  for (const collection of ['images', 'videos', 'documents'] as const) {
    // POST /rest/{images|videos|documents}?action=initializeUpload (and finalizeUpload for videos).
    restRoute(context, 'POST', `/${collection}`, { bucket: 'api' }, (route) => {
      const action = route.url.searchParams.get('action');
      if (action === 'initializeUpload') return initializeUpload(context, collection, route);
      if (action === 'finalizeUpload' && collection === 'videos') return finalizeVideo(context, route);
      return badRequest('/action', `unknown action ${action ?? ''}`);
    });

    // GET /rest/{collection}/{encoded URN}: the asset's status.
    restRoute(context, 'GET', `/${collection}/:urn`, { bucket: 'api' }, ({ params, accountId }) => {
      const urn = pathKey(params.urn);
      const pending = [...context.uploads.values()].find((session) => session.urn === urn);
      if (pending !== undefined) {
        if (!mayActAs(context, accountId, pending.owner, 'writePosts')) return notFound(collection);
        return Response.json({ id: urn, owner: pending.owner, status: 'WAITING_UPLOAD' });
      }
      const media = context.sim.media.get(urn);
      if (media === undefined || !mayActAs(context, accountId, media.accountId, 'writePosts'))
        return notFound(collection);
      context.sim.refreshMedia(media);
      const status = { processing: 'PROCESSING', ready: 'AVAILABLE', failed: 'PROCESSING_FAILED' }[
        media.state
      ];
      return Response.json({
        id: urn,
        owner: media.accountId,
        status,
        ...(media.state === 'failed' ? { processingFailureReason: media.failure } : {}),
      });
    });
  }
}

/**
 * `initializeUpload`: `{initializeUploadRequest:{owner, fileSizeBytes?}}` →
 * `{value:{uploadUrl(s), uploadUrlExpiresAt, image|video|document}}`. A video is cut into parts of
 * `videoPartBytes` with their own upload URLs and an `uploadToken`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api);
 * images (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api)
 * and documents get one URL.
 */
async function initializeUpload(
  context: LinkedInSimContext,
  collection: UploadSession['collection'],
  { request, accountId, scopes, now }: RouteContext,
): Promise<Response> {
  const { sim } = context;
  const body = await readJsonObject(request);
  const init = body.initializeUploadRequest as Record<string, unknown> | undefined;
  const owner = typeof init?.owner === 'string' ? init.owner : '';
  if (!/^urn:li:(person|organization):/.test(owner))
    return badRequest('/initializeUploadRequest/owner', 'must be a person or organization URN');
  // The scope first; then the member's role on an organization owner (ROLES_FOR.writePosts), which
  // the Videos API refuses with its own body; images and documents name the owner field
  // (roleForbiddenField, ASSUMED).
  if (!mayWriteAs(scopes, owner, { feed: false }))
    return accessDenied(`${collection}.ACTION.initializeUpload`);
  if (!mayActAs(context, accountId, owner, 'writePosts')) {
    if (!isOrganization(owner)) return accessDenied(`${collection}.ACTION.initializeUpload`);
    return collection === 'videos'
      ? videoForbidden()
      : roleForbiddenField('REQUEST_BODY', '/initializeUploadRequest/owner');
  }
  const uploadId = sim.nextId();
  const urn = `urn:li:${URN_FIELD[collection]}:${sim.nextId()}`;
  const expiresAt = now + 24 * 3_600_000;
  const uploadUrl = (part: number) => `${context.www.baseUrl}/dms-uploader/upload/${uploadId}/${part}`;
  const base = { urn, collection, owner, memberId: accountId, etags: new Map() };

  if (collection !== 'videos') {
    context.uploads.set(uploadId, { ...base, fileSizeBytes: undefined, parts: [], uploadToken: '' });
    return Response.json({
      value: { uploadUrl: uploadUrl(0), uploadUrlExpiresAt: expiresAt, [URN_FIELD[collection]]: urn },
    });
  }
  const size = init?.fileSizeBytes;
  if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0)
    return badRequest('/initializeUploadRequest/fileSizeBytes', 'must be a positive whole number');
  const parts: [number, number][] = [];
  for (let first = 0; first < size; first += context.videoPartBytes)
    parts.push([first, Math.min(size, first + context.videoPartBytes) - 1]);
  const uploadToken = size > context.videoPartBytes ? `token-${uploadId}` : '';
  context.uploads.set(uploadId, { ...base, fileSizeBytes: size, parts, uploadToken });
  return Response.json({
    value: {
      uploadUrlsExpireAt: expiresAt,
      video: urn,
      uploadInstructions: parts.map(([firstByte, lastByte], index) => ({
        uploadUrl: uploadUrl(index),
        firstByte,
        lastByte,
      })),
      uploadToken,
    },
  });
}

/**
 * `finalizeUpload`: `{finalizeUploadRequest:{video, uploadToken, uploadedPartIds}}`. Every part
 * must have arrived and the ETags must be those the parts were answered with, in order; the
 * video then processes for `videoProcessingMs` (Videos API).
 */
async function finalizeVideo(
  context: LinkedInSimContext,
  { request, accountId }: RouteContext,
): Promise<Response> {
  const body = await readJsonObject(request);
  const finalize = body.finalizeUploadRequest as Record<string, unknown> | undefined;
  const entry = [...context.uploads.entries()].find(([, session]) => session.urn === finalize?.video);
  if (entry === undefined)
    return badRequest('/finalizeUploadRequest/video', 'is not a video waiting for upload');
  const [uploadId, session] = entry;
  if (!mayActAs(context, accountId, session.owner, 'writePosts'))
    return accessDenied('videos.ACTION.finalizeUpload');
  if ((finalize?.uploadToken ?? '') !== session.uploadToken)
    return badRequest('/finalizeUploadRequest/uploadToken', 'does not match the upload');
  const ids = Array.isArray(finalize?.uploadedPartIds) ? finalize.uploadedPartIds : [];
  const expected = session.parts.map((_, index) => session.etags.get(index));
  if (ids.length !== expected.length || ids.some((id, index) => id !== expected[index]))
    return badRequest(
      '/finalizeUploadRequest/uploadedPartIds',
      'must be the ETags of every uploaded part, in order',
    );
  context.uploads.delete(uploadId);
  context.sim.addMedia({
    id: session.urn,
    accountId: session.owner,
    kind: 'video',
    mimeType: 'video/mp4',
    sizeBytes: session.fileSizeBytes ?? 0,
    processingMs: context.videoProcessingMs,
    failure: context.videoFailures.shift(),
  });
  return new Response(null, { status: 200 });
}
