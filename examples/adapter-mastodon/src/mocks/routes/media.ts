import type { SimulatedMedia } from '@smmkit/testkit';
import type { RequestParams } from '@smmkit/testkit/simulator-kit';
import { type MastodonContext, ownUnattachedMedia } from '../context.js';
import { renderMediaAttachment } from '../entities/media-attachment.js';
import { mastodonError, RECORD_NOT_FOUND, validationFailed } from '../errors.js';
import { DESCRIPTION_LIMIT, IMAGE_SIZE_LIMIT, SUPPORTED_MEDIA_TYPES, VIDEO_SIZE_LIMIT } from '../limits.js';
import { readParamsOrBadRequest } from '../request-params.js';

/** Declares the media endpoints: upload (v2), view and update. */
export function registerMediaRoutes(context: MastodonContext): void {
  const { sim } = context;

  // docs.joinmastodon.org/methods/media/#v2 — images are processed at once (200, with `url`);
  // videos and GIFs in the background (202, `url: null`). Uploads have their own budget
  // (api/rate-limits: 30 per 30 minutes).
  sim.route('POST', '/api/v2/media', { bucket: 'media' }, async ({ request, accountId }) => {
    const params = await readParamsOrBadRequest(request);
    const file = params.file('file');
    if (file === undefined) return mastodonError(422, validationFailed(["File can't be blank"]));
    const mimeType = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
    const kind = SUPPORTED_MEDIA_TYPES[mimeType];
    // docs.joinmastodon.org/methods/media/#v2, 422: a type the server does not take.
    if (kind === undefined)
      return mastodonError(422, 'Validation failed: File content type is invalid, File is invalid');
    const limit = kind === 'image' ? IMAGE_SIZE_LIMIT : VIDEO_SIZE_LIMIT;
    if (file.size > limit) {
      return mastodonError(
        422,
        validationFailed([`File file size must be less than ${limit / 1024 / 1024} MB`]),
      );
    }
    // Images are processed at once; videos and GIFs in the background.
    const processing = kind === 'image' ? {} : { processingMs: context.mediaProcessingMs };
    const media = sim.addMedia({ accountId, kind, mimeType, sizeBytes: file.size, ...processing });
    const problem = applyDescriptionAndFocus(context, media, params);
    if (problem !== undefined) {
      sim.media.delete(media.id);
      return mastodonError(422, problem);
    }
    const status = media.state === 'ready' ? 200 : 202;
    return Response.json(renderMediaAttachment(context, media), { status });
  });

  // docs.joinmastodon.org/methods/media/#get — 206 while processing, 200 when ready, 422 when
  // processing failed; only the account's own media not yet attached to a status (else 404).
  sim.route('GET', '/api/v1/media/:id', { bucket: 'api' }, ({ params, accountId }) => {
    const media = ownUnattachedMedia(context, String(params.id), accountId);
    if (media === undefined) return mastodonError(404, RECORD_NOT_FOUND);
    return answerMedia(context, media);
  });

  // docs.joinmastodon.org/methods/media/#update — change the description or focus before posting.
  sim.route('PUT', '/api/v1/media/:id', { bucket: 'api' }, async ({ params, request, accountId }) => {
    const media = ownUnattachedMedia(context, String(params.id), accountId);
    if (media === undefined) return mastodonError(404, RECORD_NOT_FOUND);
    const body = await readParamsOrBadRequest(request);
    const problem = applyDescriptionAndFocus(context, media, body);
    if (problem !== undefined) return mastodonError(422, problem);
    return answerMedia(context, media);
  });
}

/** The 206 / 200 / 422 of GET and PUT /api/v1/media/:id. */
function answerMedia(context: MastodonContext, media: SimulatedMedia): Response {
  context.sim.refreshMedia(media);
  // docs.joinmastodon.org/methods/media/#get, 422 (and #v2, 500) when processing failed.
  if (media.state === 'failed')
    return mastodonError(422, media.failure ?? 'Error processing thumbnail for uploaded media');
  // Api::V1::MediaController renders the attachment with 206 while it is not processed.
  return Response.json(renderMediaAttachment(context, media), {
    status: media.state === 'ready' ? 200 : 206,
  });
}

/** `description` (alt text, at most 1500 characters) and `focus` ("x,y" in -1..1); a problem message or nothing. */
function applyDescriptionAndFocus(
  context: MastodonContext,
  media: SimulatedMedia,
  params: RequestParams,
): string | undefined {
  const description = params.string('description');
  if (description !== undefined) {
    if ([...description].length > DESCRIPTION_LIMIT) {
      return validationFailed([`Description is too long (maximum is ${DESCRIPTION_LIMIT} characters)`]);
    }
    media.altText = description === '' ? undefined : description;
  }
  const focus = params.string('focus');
  if (focus !== undefined) {
    // Each coordinate kept within -1..1.
    const [x, y] = focus.split(',').map((part) => Math.min(1, Math.max(-1, Number.parseFloat(part))));
    if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) {
      context.mediaFocus.set(media.id, { x, y });
    }
  }
  return undefined;
}
