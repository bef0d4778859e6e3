import type { MediaKind } from '@smmkit/core';
import type { SimulatedMedia } from '@smmkit/testkit';
import {
  base64ByteLength,
  chunkByteLength,
  isJsonObject,
  type RouteContext,
  readMultipart,
  str,
} from '@smmkit/testkit/simulator-kit';
import type { ProcessingError, XContext, XUpload } from '../context.js';
import { mediaKeyOf } from '../entities/media.js';
import {
  ALT_TEXT_MAX_CHARS,
  categoryRule,
  defaultCategory,
  MAX_SEGMENT_INDEX,
  UPLOAD_EXPIRES_AFTER_SECS,
  UPLOAD_TYPES,
} from '../limits.js';
import { invalidParameter, invalidRequest, resourceNotFound, schemaErrors } from '../problems.js';
import { badValue, ID_PATTERN, malformedId, readJsonObject } from '../request-params.js';
import { xRoute } from '../scopes.js';

/**
 * Declares the chunked media upload (https://docs.x.com/x-api/media/quickstart/media-upload-chunked;
 * initializeMediaUpload, appendMediaUpload, finalizeMediaUpload, getMediaUploadStatus, createMediaMetadata in
 * https://api.x.com/2/openapi.json). Each answers 200 with a `data` envelope. The legacy
 * `POST /2/media/upload?command=…`, the one-shot upload, and attaching an uploaded subtitle file to a
 * video (`POST /2/media/subtitles`, https://docs.x.com/x-api/media/create-media-subtitles) are not simulated.
 *
 * @example
 * ```ts
 * registerMediaRoutes(context);
 * ```
 */
export function registerMediaRoutes(context: XContext): void {
  xRoute(context, 'POST', '/2/media/upload/initialize', 'media-initialize', 'media', initialize);
  xRoute(context, 'POST', '/2/media/upload/:id/append', 'media-append', 'media', append);
  xRoute(context, 'POST', '/2/media/upload/:id/finalize', 'media-finalize', 'media', finalize);
  xRoute(context, 'GET', '/2/media/upload', 'media-status', 'media', status);
  xRoute(context, 'POST', '/2/media/metadata', 'media-metadata', 'media', metadata);
}

/**
 * INITIALIZE: JSON `media_type`, `total_bytes`, `media_category` → `{data:{id, media_key, expires_after_secs}}`.
 * A subtitle file (`text/srt` or `text/vtt` in `media_category: subtitles`, both in
 * `InitializeMediaUploadRequest` of https://api.x.com/2/openapi.json) is taken like any other upload.
 */
async function initialize({ request, accountId, now }: RouteContext, context: XContext): Promise<Response> {
  const body = await readJsonObject(request);
  const mediaType = body.media_type;
  if (typeof mediaType !== 'string' || !(UPLOAD_TYPES as readonly string[]).includes(mediaType))
    return invalidParameter(
      '$.media_type',
      mediaType ?? '',
      `$.media_type: does not have a value in the enumeration [${UPLOAD_TYPES.join(', ')}]`,
    );
  const category = body.media_category ?? defaultCategory(mediaType);
  const rule = categoryRule(category, mediaType);
  if (rule === undefined)
    return invalidParameter(
      '$.media_category',
      category ?? '',
      `media_category [${String(category)}] does not fit media_type [${mediaType}]`,
    );
  const totalBytes = body.total_bytes;
  if (typeof totalBytes !== 'number' || !Number.isInteger(totalBytes) || totalBytes < 0)
    return invalidParameter(
      '$.total_bytes',
      totalBytes ?? '',
      '$.total_bytes: is missing but it is required',
    );
  if (totalBytes > rule.maxBytes)
    // v1.1 INIT's words for an oversized upload ("File size exceeds 5242880 bytes."), kept by v2 (ASSUMED envelope).
    return invalidParameter('total_bytes', totalBytes, `File size exceeds ${rule.maxBytes} bytes.`);
  const id = context.sim.nextId();
  const expiresAt = now + UPLOAD_EXPIRES_AFTER_SECS * 1000;
  context.uploads.open({ id, accountId, mediaType, kind: rule.kind, totalBytes, expiresAt });
  // categoryRule only accepts the string categories it knows.
  context.mediaCategories.set(id, String(category));
  return Response.json({
    data: { id, ...mediaKeyField(context, id, rule.kind), expires_after_secs: UPLOAD_EXPIRES_AFTER_SECS },
  });
}

/**
 * APPEND: multipart (or JSON) `media` + `segment_index` 0..999 → `{data:{expires_at}}`
 * (`AppendMediaUploadResponse` in https://api.x.com/2/openapi.json).
 */
async function append(
  { request, params, accountId, now }: RouteContext,
  context: XContext,
): Promise<Response> {
  const session = openSession(context, String(params.id), accountId, now);
  const chunk = await readChunk(request);
  const index = Number(chunk.segmentIndex);
  if (!/^\d+$/.test(chunk.segmentIndex) || index > MAX_SEGMENT_INDEX)
    return invalidParameter(
      'segment_index',
      chunk.segmentIndex,
      `segment_index: must be an integer between 0 and ${MAX_SEGMENT_INDEX}`,
    );
  if (session.finalized) return invalidParameter('id', session.id, 'The upload was already finalized.');
  session.segments.set(index, chunk.bytes);
  return Response.json({ data: { expires_at: Math.floor(session.expiresAt / 1000) } });
}

/**
 * FINALIZE: the appended bytes must add up to `total_bytes`; images and subtitle files are ready at
 * once (no processing_info; ASSUMED for subtitles, whose processing the docs do not describe), videos
 * and GIFs answer `processing_info{state:'pending', check_after_secs}` and process for
 * `mediaProcessingMs`.
 */
function finalize({ params, accountId, now }: RouteContext, context: XContext): Response {
  const session = openSession(context, String(params.id), accountId, now);
  if (!session.finalized) {
    const received = context.uploads.received(session);
    // v1.1 FINALIZE's words when the appended bytes differ from `total_bytes`.
    if (received !== session.totalBytes)
      return invalidParameter('id', session.id, 'Segments do not add up to provided total file size.');
    const processed = isProcessed(session.kind);
    const failure = processed ? context.processingFailures.shift() : undefined;
    if (failure !== undefined) context.processingErrors.set(session.id, failure);
    context.sim.addMedia({
      id: session.id,
      accountId,
      kind: session.kind,
      mimeType: session.mediaType,
      sizeBytes: received,
      processingMs: processed ? context.mediaProcessingMs : undefined,
      failure: failure?.message,
    });
    session.finalized = true;
  }
  return mediaStatus(context, session, now);
}

/**
 * STATUS: `GET /2/media/upload?command=STATUS&media_id=…` (getMediaUploadStatus in
 * https://api.x.com/2/openapi.json).
 */
function status({ url, accountId, now }: RouteContext, context: XContext): Response {
  const command = url.searchParams.get('command');
  if (command !== null && command !== 'STATUS') return badValue('command', command, 'is not one of [STATUS]');
  const mediaId = url.searchParams.get('media_id') ?? '';
  if (!ID_PATTERN.test(mediaId)) return malformedId('media_id', mediaId);
  return mediaStatus(context, openSession(context, mediaId, accountId, now), now);
}

/**
 * Alt text: `POST /2/media/metadata {id, metadata:{alt_text:{text}}}` (`CreateMediaMetadataRequest` in
 * https://api.x.com/2/openapi.json, text ≤ 1000).
 */
async function metadata({ request, accountId }: RouteContext, context: XContext): Promise<Response> {
  const body = await readJsonObject(request);
  const id = String(body.id ?? '');
  const media = context.sim.media.get(id);
  if (media === undefined || media.accountId !== accountId) return resourceNotFound('media', 'id', id);
  const altText =
    isJsonObject(body.metadata) && isJsonObject(body.metadata.alt_text)
      ? body.metadata.alt_text.text
      : undefined;
  if (typeof altText !== 'string')
    return invalidRequest([
      {
        parameters: { '$.metadata': [JSON.stringify(body.metadata ?? null)] },
        message: '$.metadata.alt_text.text: is missing but it is required',
      },
    ]);
  const tooLong = schemaErrors(str({ maxLength: ALT_TEXT_MAX_CHARS }), altText, '$.metadata.alt_text.text');
  if (tooLong.length > 0) return invalidRequest(tooLong);
  media.altText = altText;
  return Response.json({ data: { id, associated_metadata: { alt_text: { text: altText } } } });
}

function mediaStatus(context: XContext, session: XUpload, now: number): Response {
  const media = context.sim.media.get(session.id);
  const info = media === undefined ? undefined : processingInfo(context, media, now);
  return Response.json({
    data: {
      id: session.id,
      ...mediaKeyField(context, session.id, session.kind),
      ...(media === undefined ? {} : { size: media.sizeBytes }),
      expires_after_secs: Math.max(0, Math.floor((session.expiresAt - now) / 1000)),
      ...(info === undefined ? {} : { processing_info: info }),
      ...(media === undefined ? {} : kindField(session)),
    },
  });
}

/**
 * `image{image_type}` of an image, `video{video_type}` of a video or GIF
 * (`FinalizeMediaUploadResponseData` in https://api.x.com/2/openapi.json, which has no field for a
 * subtitle file: it gets neither, ASSUMED).
 */
function kindField(session: XUpload): Record<string, unknown> {
  if (session.kind === 'image') return { image: { image_type: session.mediaType } };
  if (isProcessed(session.kind)) return { video: { video_type: session.mediaType } };
  return {};
}

/**
 * `media_key` of an upload, by its kind and `media_category` ({@link mediaKeyOf}); none for a subtitle
 * file. `media_key` is optional in `InitializeMediaUploadResponseData` of https://api.x.com/2/openapi.json,
 * and no doc shows the key of a subtitle file: ASSUMED left out rather than given a made-up type prefix.
 */
function mediaKeyField(context: XContext, id: string, kind: MediaKind): { media_key?: string } {
  if (kind === 'document') return {};
  return { media_key: mediaKeyOf(kind, id, context.mediaCategories.get(id)) };
}

/** Videos and GIFs are processed after FINALIZE (https://docs.x.com/x-api/media/quickstart/media-upload-chunked). */
function isProcessed(kind: MediaKind): boolean {
  return kind === 'video' || kind === 'gif';
}

/** The caller's live upload session; throws a 404 (ASSUMED: X's answer for an unknown media id is not documented). */
function openSession(context: XContext, id: string, accountId: string, now: number): XUpload {
  const session = context.uploads.live(id, accountId, now);
  if (session === undefined) throw resourceNotFound('media', 'id', id);
  return session;
}

/**
 * The chunk of an APPEND: its size in bytes and `segment_index` as sent. `AppendMediaUploadRequest.media`
 * in https://api.x.com/2/openapi.json is `anyOf [{format: binary}, {format: byte}]`, and the v1.1 APPEND it
 * replaces took "the raw binary file content"
 * (https://developer.x.com/en/docs/twitter-api/v1/media/upload-media/api-reference/post-media-upload-append):
 * a multipart part is sized by testkit's `chunkByteLength` (raw bytes, or base64 text when it is that).
 */
async function readChunk(request: Request): Promise<{ bytes: number; segmentIndex: string }> {
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType.includes('multipart/form-data')) {
    const parts = await readMultipart(request);
    if (parts === undefined)
      throw invalidRequest([{ parameters: {}, message: 'The multipart/form-data body is malformed.' }]);
    const media = parts.find((part) => part.name === 'media');
    const segmentIndex = parts.find((part) => part.name === 'segment_index');
    if (media === undefined || segmentIndex === undefined)
      throw invalidRequest([{ parameters: {}, message: 'media and segment_index are required' }]);
    return { bytes: chunkByteLength(media), segmentIndex: new TextDecoder().decode(segmentIndex.bytes) };
  }
  const body = await readJsonObject(request);
  if (typeof body.media !== 'string' || body.segment_index === undefined)
    throw invalidRequest([{ parameters: {}, message: 'media and segment_index are required' }]);
  // JSON cannot carry raw bytes: there `media` is the `format: byte` (base64) branch.
  return { bytes: base64ByteLength(body.media), segmentIndex: String(body.segment_index) };
}

/**
 * `processing_info` of FINALIZE and STATUS (https://docs.x.com/x-api/media/quickstart/media-upload-chunked;
 * `…ProcessingInfo` in https://api.x.com/2/openapi.json).
 */
export interface ProcessingInfoJson {
  /** `pending`, `in_progress`, `succeeded` or `failed`. */
  readonly state: 'pending' | 'in_progress' | 'succeeded' | 'failed';
  /** When to ask again, while not done. */
  readonly check_after_secs?: number;
  /** How far along. */
  readonly progress_percent?: number;
  /** Why it failed (`error`, not in the newest spec; the v1.1 docs give `{code, name, message}`). */
  readonly error?: ProcessingError;
}

/**
 * The error a failed processing reports by default, as X's media docs show it:
 * `{"code": 1, "name": "InvalidMedia", "message": "Unsupported video format"}`.
 */
export const DEFAULT_PROCESSING_ERROR: ProcessingError = {
  code: 1,
  name: 'InvalidMedia',
  message: 'Unsupported video format',
};

/**
 * Where processing stands: `pending` until `check_after_secs` has passed since FINALIZE, then
 * `in_progress` with a growing `progress_percent`, then `succeeded` (or `failed` with `error`)
 * after `mediaProcessingMs`. Images and subtitle files are never processed: no processing_info.
 */
function processingInfo(
  context: XContext,
  media: SimulatedMedia,
  now: number,
): ProcessingInfoJson | undefined {
  if (!isProcessed(media.kind)) return undefined;
  context.sim.refreshMedia(media);
  if (media.state === 'ready') return { state: 'succeeded', progress_percent: 100 };
  const started = media.readyAt - context.mediaProcessingMs;
  const elapsed = Math.max(0, now - started);
  const progress = Math.min(
    99,
    Math.max(1, Math.floor((elapsed / Math.max(1, context.mediaProcessingMs)) * 100)),
  );
  if (media.state === 'failed') {
    const error = context.processingErrors.get(media.id) ?? DEFAULT_PROCESSING_ERROR;
    return { state: 'failed', progress_percent: progress, error };
  }
  if (elapsed < context.checkAfterSecs * 1000)
    return { state: 'pending', check_after_secs: context.checkAfterSecs };
  return { state: 'in_progress', check_after_secs: context.checkAfterSecs, progress_percent: progress };
}
